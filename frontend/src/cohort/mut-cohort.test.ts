import { describe, expect, it, vi } from 'vitest';
import type { Cohort } from './types';
import type { Membership } from '../identity/types';
import { formatInstant } from '../shared/format';
import { COHORT, ORG, cohortSection, cohortServer, openCohortPage } from '../test/cohort-page';
import { fakeApi, json, problem, setCookie, settle, submitForm, text, typeInto, type Handler } from '../test/fake-api';
import { allByTest as $$, byTest as $, choose, cleanPageAroundEachTest, confirmStep } from '../test/page';
import { COHORT_ID, coreCourse, person, roster, staffCohort } from '../test/registration-fixtures';
import type { MutCohortRegistration } from '../registration/mut-cohort-registration';

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
    expect(text(page.shadowRoot!.querySelector('.lede'))).toBe('IPS Core Training');
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
