import { describe, expect, it, vi } from 'vitest';
import type { Cohort } from './types';
import type { Membership } from '../identity/types';
import { formatInstant } from '../shared/format';
import { COHORT, ORG, cohortSection, cohortServer, openCohortPage } from '../test/cohort-page';
import { fakeApi, json, problem, setCookie, settle, submitForm, text, typeInto, type Handler } from '../test/fake-api';
import { allByTest as $$, byTest as $, choose, cleanPageAroundEachTest, confirmStep } from '../test/page';
import { COHORT_ID, coreCourse, person, roster, staffCohort } from '../test/registration-fixtures';
import type { MutCohortRegistration } from '../registration/mut-cohort-registration';
import { sectionHeading, type MutCohort } from './mut-cohort';

const REGS = `${COHORT}/registrations`;

function server(extra: Record<string, Handler> = {}, cohort: Cohort = staffCohort()) {
  return cohortServer(extra, { cohort, courses: [coreCourse] });
}

const mount = (role: Membership['role'] = 'ORG_ADMIN') => cohortSection('mut-cohort-registration', role);

const root = (el: MutCohortRegistration) => el.shadowRoot!;
const row = (el: MutCohortRegistration, id: string) => root(el).querySelector<HTMLElement>(`[data-registration="${id}"]`)!;
const names = (rows: HTMLElement[]) => rows.map((r) => text(r.querySelector('[data-test="registration-name"]')));

describe('<mut-cohort> and its registration', () => {
  cleanPageAroundEachTest();

  it('shows the cohort with its course, status and trainers', async () => {
    server();
    await mount();
    const page = document.querySelector('mut-cohort')!;
    expect(text(page.shadowRoot!.querySelector('h1'))).toBe('Core, spring group');
    expect(text(page.shadowRoot!.querySelector('[data-test="cohort-course"]'))).toBe('IPS Core Training');
    expect(text(page.shadowRoot!.querySelector('[data-test="cohort-status"]'))).toBe('Open for registration');
    const trainers = page.shadowRoot!.querySelector('mut-cohort-trainers')!.shadowRoot!;
    expect(text(trainers.querySelector('[data-test="trainer-row"]'))).toContain('Jo Okafor Lead trainer');
    expect(page.shadowRoot!.querySelector('a[href="/organisation"]')).not.toBeNull();
    expect(
      page.shadowRoot!.querySelector(`[data-test="evaluations-link"] a[href="/organisation/cohorts/${COHORT_ID}/evaluations"]`),
    ).not.toBeNull();
    // each day leads to its handouts, printed with this cohort's support contact
    expect($$(page, 'cohort-day-handout').map((a) => a.getAttribute('href'))).toEqual([
      `/curricula/core/days/1/handout?cohort=${COHORT_ID}`,
      `/curricula/core/days/2/handout?cohort=${COHORT_ID}`,
    ]);
  });

  it('says where each day’s room stands on the cohort page', async () => {
    server({
      [`GET ${ORG}/day-rooms?cohortId=${COHORT_ID}`]: json([
        { cohortId: COHORT_ID, dayNumber: 1, code: 'KMR7TX', status: 'live', here: 4, closesAt: '2027-03-15T16:30:00Z' },
      ]),
    });
    await mount();
    const page = document.querySelector('mut-cohort')!;
    const statuses = [...page.shadowRoot!.querySelectorAll('[data-test="cohort-day-room"]')].map((s) => text(s));
    expect(statuses).toEqual(['· Live · 4 here', '· Room not opened yet']);
  });

  it('shows the pools, who has a seat with their needs, offers with their expiry, the waitlist in order and ended ones collapsed', async () => {
    server();
    const el = await mount();
    expect($$(el, 'pool-row').map((r) => [r.dataset.pool, ...[...r.querySelectorAll('td')].map(text)])).toEqual([
      ['open', '10', '10', '2', 'Anyone, on the public page'],
      ['staff', '2', '1', '1', 'Added by an admin'],
    ]);

    expect(names($$(el, 'roster-row'))).toEqual(['Ana Lopez', 'Ben Walsh']);
    expect(text(row(el, 'r-ana').querySelector('[data-test="access-needs"]'))).toBe('Step-free access, please.');
    expect(text(row(el, 'r-ana').querySelector('[data-test="dietary-needs"]'))).toBe('Vegetarian');
    expect(text(row(el, 'r-ben'))).toContain('Harbour staff');

    expect(names($$(el, 'offer-row'))).toEqual(['Cat Byrne']);
    expect(text(row(el, 'r-cat').querySelector('[data-test="offer-expires"]'))).toContain(
      formatInstant('2027-02-12T04:00:00Z', 'en-GB', 'Pacific/Auckland'),
    );

    const waiting = $$(el, 'waitlist-row');
    expect(waiting[0].parentElement!.tagName).toBe('OL');
    expect(names(waiting)).toEqual(['Dee Murphy', 'Eli Stone', 'Fin Doyle']);
    expect(waiting.map((r) => text(r.querySelector('.who p')).split(' · ')[0])).toEqual([
      'Number 1 waiting for Open seats',
      'Number 1 waiting for Harbour staff',
      'Number 2 waiting for Open seats',
    ]);

    const ended = $(el, 'ended') as HTMLDetailsElement;
    expect(ended.tagName).toBe('DETAILS');
    expect(ended.open).toBe(false);
    expect(text(ended.querySelector('summary'))).toBe('Ended registrations (1)');
    expect(text($(el, 'ended-row'))).toContain('Cancelled');
    expect($(el, 'ended-row')!.querySelector('[data-test="cancel-registration"]')).toBeNull();
  });

  it('lets an admin cancel someone after asking, with the right request', async () => {
    setCookie('mutuality_csrf=tok-123');
    const after = roster({
      waitlist: roster().waitlist.slice(1),
      ended: [...roster().ended, person('r-dee', 'Dee Murphy', { status: 'CANCELLED' })],
    });
    const api = server({ [`POST ${REGS}/r-dee/cancel`]: json(after) });
    const el = await mount();
    row(el, 'r-dee').querySelector<HTMLButtonElement>('[data-test="cancel-registration"]')!.click();
    await settle(el);
    expect(api.to(`POST ${REGS}/r-dee/cancel`)).toHaveLength(0);
    expect(text(row(el, 'r-dee').querySelector('mut-confirm'))).toMatch(
      /Cancel Dee Murphy's registration\? They leave the waitlist/,
    );
    const step = confirmStep(row(el, 'r-dee'))!;
    expect(step.keepFocused).toBe(true);
    expect(step.keep.dataset.test).toBe('keep-registration');

    step.confirm.click();
    await settle(el);
    const [post] = api.to(`POST ${REGS}/r-dee/cancel`);
    expect(post.headers['X-CSRF-Token']).toBe('tok-123');
    expect(names($$(el, 'waitlist-row'))).toEqual(['Eli Stone', 'Fin Doyle']);
    expect(text($(el, 'registration-announcement'))).toBe("Dee Murphy's registration is cancelled.");
  });

  it('shows a trainer the roster read-only, with no admin controls', async () => {
    server();
    const el = await mount('TRAINER');
    expect(names($$(el, 'roster-row'))).toEqual(['Ana Lopez', 'Ben Walsh']);
    expect(names($$(el, 'waitlist-row'))).toEqual(['Dee Murphy', 'Eli Stone', 'Fin Doyle']);
    expect($$(el, 'cancel-registration')).toHaveLength(0);
    expect($(el, 'add-form')).toBeNull();
    expect($(el, 'seating-form')).toBeNull();
    expect($(el, 'open-registration')).toBeNull();
    expect(text($(el, 'read-only'))).toMatch(/for the organisation's admins/);
    expect(($(el, 'public-link') as HTMLInputElement).value).toBe(`${window.location.origin}/register/${COHORT_ID}`);
  });

  it('shows a trainer who is not booked on the cohort its schedule but not its people', async () => {
    server({}, staffCohort({ trainers: [{ accountId: 'acc-jo', displayName: 'Jo Okafor', lead: true }] }));
    const page = await openCohortPage('TRAINER');
    const root = page.shadowRoot!;
    expect(text(root.querySelector('h1'))).toBe('Core, spring group');
    expect(root.querySelector('mut-cohort-registration')).toBeNull();
    expect(root.querySelector('mut-cohort-completion')).toBeNull();
    expect(text(root.querySelector('[data-test="not-booked"]'))).toMatch(/not booked on this cohort/);
    expect(root.querySelector('[data-test="evaluations-link"]')).toBeNull();
  });

  it('shows a trainer no way to open a draft cohort', async () => {
    server({}, staffCohort({ status: 'DRAFT' }));
    const el = await mount('TRAINER');
    expect($(el, 'open-registration')).toBeNull();
    expect(text($(el, 'registration-status'))).toMatch(/An organisation admin opens it/);
  });

  it('sends the seating with its pools, adding one and taking seats from another', async () => {
    const saved = roster({
      offerHours: 24,
      pools: [
        { code: 'open', name: 'Open seats', seats: 8, openToPublic: true, taken: 8, waiting: 2 },
        { code: 'staff', name: 'Harbour staff', seats: 2, openToPublic: false, taken: 1, waiting: 1 },
        { code: 'bursary-seats', name: 'Bursary seats', seats: 2, openToPublic: true, taken: 0, waiting: 0 },
      ],
    });
    const api = server({ [`PUT ${REGS}/seating`]: json(saved) });
    const el = await mount();
    const form = $(el, 'seating-form')!;
    expect(($(el, 'seating-offer-hours') as HTMLInputElement).value).toBe('48');
    typeInto(form, '[data-test="seating-offer-hours"]', '24');
    typeInto(form, '[data-test="seating-pool-row"]:nth-of-type(1) [data-test="seating-pool-seats"]', '8');
    $(el, 'seating-add-pool')!.click();
    await settle(el);
    const rows = $$(el, 'seating-pool-row');
    expect(rows).toHaveLength(3);
    expect(root(el).activeElement).toBe(rows[2].querySelector('[data-test="seating-pool-name"]'));
    typeInto(rows[2], '[data-test="seating-pool-name"]', 'Bursary seats');
    typeInto(rows[2], '[data-test="seating-pool-seats"]', '2');
    await settle(el);
    expect(rows[2].querySelector<HTMLInputElement>('[data-test="seating-pool-code"]')!.value).toBe('bursary-seats');
    expect(text($(el, 'seating-total'))).toBe('12 of 12 places shared out.');

    submitForm(root(el), '[data-test="seating-form"]');
    await settle(el);
    const [put] = api.to(`PUT ${REGS}/seating`);
    expect(put.body).toEqual({
      offerHours: 24,
      pools: [
        { code: 'open', name: 'Open seats', seats: 8, openToPublic: true },
        { code: 'staff', name: 'Harbour staff', seats: 2, openToPublic: false },
        { code: 'bursary-seats', name: 'Bursary seats', seats: 2, openToPublic: true },
      ],
    });
    expect(text($(el, 'registration-announcement'))).toBe('The seating is saved.');
    expect($$(el, 'pool-row').map((r) => r.dataset.pool)).toEqual(['open', 'staff', 'bursary-seats']);
  });

  it('keeps pools people are registered in, and checks the seats add up before sending', async () => {
    const api = server();
    const el = await mount();
    const rows = $$(el, 'seating-pool-row');
    expect(rows[0].querySelector<HTMLButtonElement>('[data-test="seating-remove-pool"]')!.disabled).toBe(true);
    expect(rows[0].querySelector<HTMLInputElement>('[data-test="seating-pool-code"]')!.readOnly).toBe(true);
    typeInto(rows[0], '[data-test="seating-pool-seats"]', '11');
    submitForm(root(el), '[data-test="seating-form"]');
    await settle(el);
    expect(api.to(`PUT ${REGS}/seating`)).toHaveLength(0);
    expect(text(root(el).querySelector('#seating-pools-error'))).toBe(
      "The pools' seats add up to 13, but the cohort has 12 places. Make them match.",
    );
  });

  it('shows the server’s field errors from the seating beside the fields', async () => {
    server({
      [`PUT ${REGS}/seating`]: problem(422, 'rule-violation', 'An offer is held for 1 hour to 14 days.', {
        errors: [
          { field: 'offerHours', message: 'An offer is held for 1 hour to 14 days.' },
          { field: 'pools[1].name', message: 'Give each pool a name of up to 120 characters.' },
        ],
      }),
    });
    const el = await mount();
    submitForm(root(el), '[data-test="seating-form"]');
    await settle(el);
    expect(text(root(el).querySelector('#seating-offer-hours-error'))).toBe('An offer is held for 1 hour to 14 days.');
    const second = $$(el, 'seating-pool-row')[1];
    expect(text(second.querySelector('.error'))).toBe('Give each pool a name of up to 120 characters.');
    expect(second.querySelector('[data-test="seating-pool-name"]')!.getAttribute('aria-invalid')).toBe('true');
    expect(root(el).activeElement).toBe($(el, 'seating-offer-hours'));
  });

  it('adds someone in any pool and shows them on the roster', async () => {
    let list = roster();
    const api = server({
      [`GET ${REGS}`]: () => json(list),
      [`POST ${REGS}`]: (call) => {
        list = roster({ confirmed: [...roster().confirmed, person('r-new', call.body.name, { pool: call.body.pool })] });
        return json({ status: 'CONFIRMED', waitlistPlace: null, manageToken: 'tok' }, 201);
      },
    });
    const el = await mount();
    const form = $(el, 'add-form')!;
    typeInto(form, '[data-test="add-name"]', 'Ria Chen');
    typeInto(form, '[data-test="add-email"]', 'ria@example.test');
    const pool = form.querySelector<HTMLSelectElement>('[data-test="add-pool"]')!;
    expect([...pool.options].map((o) => text(o))).toEqual([
      'Open seats (2 people waiting)',
      'Harbour staff (1 person waiting, not on the public page)',
    ]);
    choose(pool, 'staff');
    typeInto(form, '[data-test="add-dietary"]', 'No nuts');
    submitForm(root(el), '[data-test="add-form"]');
    await settle(el);

    expect(api.to(`POST ${REGS}`)[0].body).toEqual({
      name: 'Ria Chen',
      email: 'ria@example.test',
      pool: 'staff',
      dietaryNeeds: 'No nuts',
    });
    expect(names($$(el, 'roster-row'))).toContain('Ria Chen');
    expect(text($(el, 'registration-announcement'))).toBe('Ria Chen has a seat. We have emailed them their own link.');
    expect(($(el, 'add-name') as HTMLInputElement).value).toBe('');
  });

  it('opens a draft cohort for registration, and says why when it cannot', async () => {
    let opened = false;
    const api = server({
      [`GET ${COHORT}`]: () => json(staffCohort({ status: opened ? 'OPEN' : 'DRAFT' })),
      [`POST ${REGS}/open`]: () => {
        if (api.to(`POST ${REGS}/open`).length === 1) {
          return problem(422, 'rule-violation', 'Book a lead trainer before opening registration.', {
            errors: [{ field: 'trainers', message: 'Book a lead trainer before opening registration.' }],
          });
        }
        opened = true;
        return json(roster());
      },
    });
    const el = await mount();
    expect(text($(el, 'public-link')!.parentElement!.nextElementSibling)).toContain('The page works once registration is open.');
    $(el, 'open-registration')!.click();
    await settle(el);
    expect(text($(el, 'open-problem'))).toBe('Book a lead trainer before opening registration.');

    $(el, 'open-registration')!.click();
    await settle(el);
    const page = document.querySelector('mut-cohort')!;
    await settle(page);
    await settle(el);
    expect(api.to(`POST ${REGS}/open`)).toHaveLength(2);
    expect(text($(el, 'registration-announcement'))).toBe('Registration is open. Share the public link so people can register.');
    expect(text(page.shadowRoot!.querySelector('[data-test="cohort-status"]'))).toBe('Open for registration');
    expect($(el, 'open-registration')).toBeNull();
  });

  it('copies the public link', async () => {
    server();
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const el = await mount();
    $(el, 'copy-public-link')!.click();
    await settle(el);
    expect(writeText).toHaveBeenCalledWith(`${window.location.origin}/register/${COHORT_ID}`);
    expect(text(root(el))).toContain('The link is copied.');
  });

  it('says so when the cohort is not in the chosen organisation', async () => {
    fakeApi({ 'GET /api/curricula/courses': json([]) });
    const page = await openCohortPage('ORG_ADMIN', 'elsewhere');
    expect(text(page.shadowRoot!.querySelector('h1'))).toBe('Cohort not found');
    expect(text(page.shadowRoot!)).toContain('no such cohort in Harbour Peer Network');
  });
});

describe('<mut-cohort> in sections', () => {
  cleanPageAroundEachTest();

  const nav = (page: MutCohort) => page.shadowRoot!.querySelector<HTMLElement>('nav[aria-label="On this page"]')!;
  const links = (page: MutCohort) => [...nav(page).querySelectorAll<HTMLAnchorElement>('a')];
  /** The section a link of the navigation goes to, by the id its "#id" names. */
  const target = (page: MutCohort, link: HTMLAnchorElement) =>
    page.shadowRoot!.querySelector<HTMLElement>(`section[id="${link.getAttribute('href')!.slice(1)}"]`);

  /** Every h1–h3 of the page in the order they are read, through the shadow roots of what it holds. */
  function headings(root: ParentNode): string[] {
    const found: string[] = [];
    for (const el of root.querySelectorAll('*')) {
      if (/^H[1-3]$/.test(el.tagName)) found.push(el.tagName);
      if (el.shadowRoot) found.push(...headings(el.shadowRoot));
    }
    return found;
  }

  it('lists each section of the page near the top, each link going to a section with that heading', async () => {
    server();
    const page = await openCohortPage('ORG_ADMIN');
    const root = page.shadowRoot!;
    expect(root.querySelectorAll('nav')).toHaveLength(1);
    // right after the header, before the first section
    expect(nav(page).previousElementSibling!.tagName).toBe('HEADER');
    expect(links(page).map((a) => [a.getAttribute('href'), text(a)])).toEqual([
      ['#days', 'Days and place'],
      ['#trainers', 'Trainers'],
      ['#together', 'Around the course'],
      ['#registration', 'Registration'],
      ['#completion', 'Attendance and completion'],
      ['#closing', 'Closing and cancelling'],
    ]);
    for (const link of links(page)) {
      const section = target(page, link);
      expect(section, link.getAttribute('href')!).not.toBeNull();
      expect(text(sectionHeading(section!))).toBe(text(link));
    }
    // every section of the page is in the list
    expect([...root.querySelectorAll('section.part')].map((s) => `#${s.id}`)).toEqual(
      links(page).map((a) => a.getAttribute('href')),
    );
    expect(root.querySelector('#days mut-calendar-link')).not.toBeNull();
    expect(root.querySelector('#registration mut-cohort-registration')).not.toBeNull();
    expect(root.querySelector('#registration mut-cohort-import')).not.toBeNull();
    expect(root.querySelector('#completion mut-cohort-completion')).not.toBeNull();
    expect(root.querySelector('#closing mut-cohort-lifecycle')).not.toBeNull();
  });

  it('keeps the headings in order: one h1, each section an h2, and what is in them below it', async () => {
    server();
    const page = await openCohortPage('ORG_ADMIN');
    await settle(page);
    const levels = headings(page.shadowRoot!).map((h) => Number(h[1]));
    expect(levels[0]).toBe(1);
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    levels.forEach((level, i) => {
      if (i > 0) expect(level, `heading ${i + 1}`).toBeLessThanOrEqual(levels[i - 1] + 1);
    });
  });

  it('names each region of the page once', async () => {
    server();
    const page = await openCohortPage('ORG_ADMIN');
    await settle(page);
    const names: string[] = [];
    const walk = (root: ParentNode) => {
      for (const el of root.querySelectorAll('*')) {
        const by = el.getAttribute('aria-labelledby');
        if (['SECTION', 'NAV', 'ASIDE'].includes(el.tagName) && by) names.push(text(root.querySelector(`[id="${by}"]`)));
        if (el.tagName === 'NAV' && el.getAttribute('aria-label')) names.push(el.getAttribute('aria-label')!);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(page.shadowRoot!);
    expect(names).toContain('On this page');
    expect(names).toContain('Days and place');
    expect(new Set(names).size).toBe(names.length);
  });

  it('lists only the sections a trainer who is not booked on the cohort sees', async () => {
    server({}, staffCohort({ trainers: [{ accountId: 'acc-jo', displayName: 'Jo Okafor', lead: true }] }));
    const page = await openCohortPage('TRAINER');
    expect(links(page).map((a) => text(a))).toEqual(['Days and place', 'Trainers', 'Around the course']);
    for (const link of links(page)) expect(target(page, link)).not.toBeNull();
  });

  it('goes to a section when its link is followed: scrolled to, focus on its heading, and the address says where', async () => {
    server();
    const scrolled: Element[] = [];
    vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(function (this: Element) {
      scrolled.push(this);
    });
    const page = await openCohortPage('ORG_ADMIN');
    await settle(page);
    const link = links(page).find((a) => text(a) === 'Registration')!;
    const click = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, button: 0 });
    link.dispatchEvent(click);
    // the page goes there itself: the app shell leaves the link alone
    expect(click.defaultPrevented).toBe(true);
    const section = page.shadowRoot!.querySelector('#registration')!;
    expect(scrolled).toEqual([section]);
    const registration = page.shadowRoot!.querySelector('mut-cohort-registration')!;
    expect(registration.shadowRoot!.activeElement).toBe(registration.shadowRoot!.querySelector('#registration-heading'));
    expect(window.location.hash).toBe('#registration');
  });

  it('opens at the section the address names', async () => {
    history.replaceState({}, '', `/organisation/cohorts/${COHORT_ID}#completion`);
    server();
    const scrolled: Element[] = [];
    vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(function (this: Element) {
      scrolled.push(this);
    });
    try {
      const page = await openCohortPage('ORG_ADMIN');
      await settle(page);
      expect(scrolled).toEqual([page.shadowRoot!.querySelector('#completion')]);
    } finally {
      history.replaceState({}, '', '/');
    }
  });

  it('keeps the header to one row on a laptop: a long title ends in "…" and says itself in full on hover', async () => {
    const title = 'Core for the Harbour Peer Network and its friends along the coast, spring and early summer group';
    server({}, staffCohort({ title }));
    const page = await openCohortPage('ORG_ADMIN');
    const root = page.shadowRoot!;
    const h1 = root.querySelector('header h1')!;
    expect(text(h1)).toBe(title);
    expect(h1.getAttribute('title')).toBe(title);
    expect(text(root.querySelector('[data-test="cohort-dates"]'))).toMatch(/^Mon,? 15 Mar 2027 – Tue,? 16 Mar 2027$/);
    const css = (page.constructor as typeof MutCohort).styles.toString();
    expect(css).toMatch(/header \{[^}]*flex-wrap: nowrap/);
    expect(css).toMatch(/h1,\s*header \.lede \{[^}]*text-overflow: ellipsis/);
  });
});
