import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../identity/session';
import { allCourses } from '../test/curriculum-fixtures';
import {
  fakeApi,
  json,
  membership,
  problem,
  sessionView,
  settle,
  submitForm,
  text,
  typeInto,
  type Handler,
} from '../test/fake-api';
import { staffCohort } from '../test/registration-fixtures';
import './mut-organisation';
import type { MutOrganisation } from './mut-organisation';
import type { MutPlanCohort } from './mut-plan-cohort';

const ORG = '/api/organisations/org-a';

function server(extra: Record<string, Handler> = {}) {
  return fakeApi({
    'GET /api/curricula/courses': json(allCourses),
    [`GET ${ORG}/cohorts`]: json([staffCohort()]),
    'GET /api/organisations': json([{ id: 'org-a', slug: 'harbour', name: 'Harbour Peer Network', timeZone: 'Europe/Dublin' }]),
    ...extra,
  });
}

async function mount(role: 'ORG_ADMIN' | 'TRAINER' = 'ORG_ADMIN'): Promise<MutOrganisation> {
  sessionStore.signedIn(sessionView([membership('org-a', 'Harbour Peer Network', role)]));
  const el = document.createElement('mut-organisation');
  document.body.append(el);
  await settle(el);
  return el;
}

/** Opens the form and gives back the plan component's shadow root. */
async function openPlan(el: MutOrganisation): Promise<{ form: MutPlanCohort; root: ShadowRoot }> {
  el.shadowRoot!.querySelector<HTMLButtonElement>('[data-test="plan-cohort-open"]')!.click();
  await settle(el);
  const form = el.shadowRoot!.querySelector('mut-plan-cohort')!;
  await settle(form);
  return { form, root: form.shadowRoot! };
}

const $ = (root: ParentNode, test: string) => root.querySelector<HTMLInputElement>(`[data-test="${test}"]`)!;
const $$ = (root: ParentNode, test: string) => [...root.querySelectorAll<HTMLInputElement>(`[data-test="${test}"]`)];

function choose(root: ParentNode, test: string, value: string) {
  const select = $(root, test) as unknown as HTMLSelectElement;
  select.value = value;
  select.dispatchEvent(new Event('change'));
}

function typeAt(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new InputEvent('input'));
}

/** Fills in a two-day Introduction, in person and online, with registration dates. */
async function fillIntroduction(form: MutPlanCohort, root: ShadowRoot) {
  choose(root, 'plan-course', 'introduction');
  await settle(form);
  typeInto(root, '[data-test="plan-title"]', '  Introduction, autumn  ');
  typeInto(root, '[data-test="plan-capacity"]', '14');
  typeInto(root, '[data-test="plan-venue-name"]', 'Harbour Community Centre');
  typeInto(root, '[data-test="plan-venue-address"]', '12 Quay Street, Galway');
  typeInto(root, '[data-test="plan-online-link"]', 'https://meet.example.test/harbour');
  typeInto(root, '[data-test="plan-registration-opens"]', '2027-08-01');
  typeInto(root, '[data-test="plan-registration-closes"]', '2027-09-20');
  typeAt($$(root, 'plan-day-date')[0], '2027-10-01');
  await settle(form);
}

describe('planning a cohort', () => {
  beforeEach(() => {
    sessionStore.reset();
    localStorage.clear();
    history.replaceState({}, '', '/organisation');
  });

  afterEach(() => {
    document.body.innerHTML = '';
    vi.unstubAllGlobals();
    history.replaceState({}, '', '/');
  });

  it('opens the form with focus on the course, and shows a row for each day of the chosen course', async () => {
    server();
    const el = await mount();
    const open = el.shadowRoot!.querySelector('[data-test="plan-cohort-open"]')!;
    expect(open.getAttribute('aria-expanded')).toBe('false');
    const { form, root } = await openPlan(el);
    expect(open.getAttribute('aria-expanded')).toBe('true');
    expect(root.activeElement).toBe($(root, 'plan-course'));
    expect($$(root, 'plan-day-date')).toHaveLength(0);

    choose(root, 'plan-course', 'core');
    await settle(form);
    expect($$(root, 'plan-day-date')).toHaveLength(5);
    expect($$(root, 'plan-day-starts').map((i) => i.value)).toEqual(Array(5).fill('09:30'));
    expect($$(root, 'plan-day-ends').map((i) => i.value)).toEqual(Array(5).fill('16:30'));
    // each day's fields are named for the day, in plain words ("Day 1 starts", never "Starts of day 1")
    const label = (input: HTMLInputElement) => text(root.querySelector(`label[for="${input.id}"]`));
    expect([$$(root, 'plan-day-date')[0], $$(root, 'plan-day-starts')[0], $$(root, 'plan-day-ends')[4]].map(label)).toEqual([
      'Day 1 Date',
      'Day 1 Starts',
      'Day 5 Ends',
    ]);
    expect(text(root)).not.toMatch(/of day \d/i);

    // Thursday 30 September 2027: the next days fill in as weekdays, skipping the weekend
    typeAt($$(root, 'plan-day-date')[0], '2027-09-30');
    await settle(form);
    expect($$(root, 'plan-day-date').map((i) => i.value)).toEqual([
      '2027-09-30',
      '2027-10-01',
      '2027-10-04',
      '2027-10-05',
      '2027-10-06',
    ]);

    // a date typed by hand stays, and the days after it follow it
    typeAt($$(root, 'plan-day-date')[2], '2027-10-11');
    await settle(form);
    expect(
      $$(root, 'plan-day-date')
        .map((i) => i.value)
        .slice(2),
    ).toEqual(['2027-10-11', '2027-10-12', '2027-10-13']);

    choose(root, 'plan-course', 'introduction');
    await settle(form);
    expect($$(root, 'plan-day-date').map((i) => i.value)).toEqual(['2027-09-30', '2027-10-01']);
    expect(text(root.querySelector('#plan-time-zone-hint'))).toContain("Harbour Peer Network's, Europe/Dublin");
  });

  it('posts the plan and goes to the new cohort', async () => {
    const api = server({
      [`POST ${ORG}/cohorts`]: (call) =>
        json(staffCohort({ id: 'c-new', title: call.body.title, status: 'DRAFT', trainers: [] }), 201),
    });
    const el = await mount();
    const { form, root } = await openPlan(el);
    await fillIntroduction(form, root);
    typeAt($$(root, 'plan-day-starts')[1], '10:00');
    typeAt($$(root, 'plan-day-ends')[1], '15:00');
    submitForm(root, '[data-test="plan-cohort"]');
    await settle(form);

    const [post] = api.to(`POST ${ORG}/cohorts`);
    expect(post.body).toEqual({
      courseId: 'introduction',
      title: 'Introduction, autumn',
      capacity: 14,
      venue: { name: 'Harbour Community Centre', address: '12 Quay Street, Galway' },
      onlineLink: 'https://meet.example.test/harbour',
      registrationOpens: '2027-08-01',
      registrationCloses: '2027-09-20',
      days: [
        { date: '2027-10-01', startsAt: '09:30', endsAt: '16:30' },
        { date: '2027-10-04', startsAt: '10:00', endsAt: '15:00' },
      ],
    });
    expect(window.location.pathname).toBe('/organisation/cohorts/c-new');
  });

  it('sends a time zone only when one is typed, and goes by the Location header when the answer has no id', async () => {
    const api = server({
      [`POST ${ORG}/cohorts`]: { status: 201, headers: { Location: 'http://localhost/api/organisations/org-a/cohorts/c-loc' } },
    });
    const el = await mount();
    const { form, root } = await openPlan(el);
    await fillIntroduction(form, root);
    typeInto(root, '[data-test="plan-time-zone"]', 'Europe/London');
    submitForm(root, '[data-test="plan-cohort"]');
    await settle(form);
    expect(api.to(`POST ${ORG}/cohorts`)[0].body.timeZone).toBe('Europe/London');
    expect(window.location.pathname).toBe('/organisation/cohorts/c-loc');
  });

  it('puts the server’s day errors on the right fields', async () => {
    server({
      [`POST ${ORG}/cohorts`]: problem(422, 'rule-violation', 'Each training day must come after the one before it.', {
        errors: [
          { field: 'days[1].date', message: 'Each training day must come after the one before it.' },
          { field: 'days[0].endsAt', message: 'A training day must end after it starts.' },
        ],
      }),
    });
    const el = await mount();
    const { form, root } = await openPlan(el);
    await fillIntroduction(form, root);
    submitForm(root, '[data-test="plan-cohort"]');
    await settle(form);

    const secondDate = $$(root, 'plan-day-date')[1];
    expect(secondDate.getAttribute('aria-invalid')).toBe('true');
    expect(secondDate.getAttribute('aria-describedby')).toBe('plan-day-1-date-error');
    expect(text(root.querySelector('#plan-day-1-date-error'))).toBe('Each training day must come after the one before it.');
    expect(text(root.querySelector('#plan-day-0-endsAt-error'))).toBe('A training day must end after it starts.');
    expect($$(root, 'plan-day-date')[0].getAttribute('aria-invalid')).toBe('false');
    expect(root.activeElement).toBe($$(root, 'plan-day-ends')[0]);
    expect(root.querySelector('[data-test="plan-problem"]')).toBeNull();
    expect(window.location.pathname).toBe('/organisation');
  });

  it('says plainly what the form has no field for', async () => {
    server({
      [`POST ${ORG}/cohorts`]: problem(409, 'conflict', 'The course changed while you were planning; choose it again.'),
    });
    const el = await mount();
    const { form, root } = await openPlan(el);
    await fillIntroduction(form, root);
    submitForm(root, '[data-test="plan-cohort"]');
    await settle(form);
    expect(text($(root, 'plan-problem'))).toBe('The course changed while you were planning; choose it again.');
  });

  it('checks the plan before sending: a course, a title, places, and a venue or an https link', async () => {
    const api = server();
    const el = await mount();
    const { form, root } = await openPlan(el);
    submitForm(root, '[data-test="plan-cohort"]');
    await settle(form);
    expect(api.to(`POST ${ORG}/cohorts`)).toHaveLength(0);
    expect(text(root.querySelector('#plan-course-error'))).toBe('Choose the course this cohort runs.');
    expect(root.activeElement).toBe($(root, 'plan-course'));
    expect(text(root.querySelector('#plan-where-error'))).toBe('Give a venue, an online meeting link, or both.');

    choose(root, 'plan-course', 'introduction');
    await settle(form);
    typeInto(root, '[data-test="plan-title"]', 'Autumn');
    typeInto(root, '[data-test="plan-capacity"]', '12');
    typeInto(root, '[data-test="plan-online-link"]', 'http://meet.example.test/x');
    typeAt($$(root, 'plan-day-date')[0], '2027-10-01');
    await settle(form);
    submitForm(root, '[data-test="plan-cohort"]');
    await settle(form);
    expect(api.to(`POST ${ORG}/cohorts`)).toHaveLength(0);
    expect(text(root.querySelector('#plan-online-link-error'))).toBe('Use the full link, starting with https://.');
    expect(root.querySelector('#plan-where-error')).toBeNull();
  });

  it('closes the form and gives focus back to the button', async () => {
    server();
    const el = await mount();
    const { root } = await openPlan(el);
    $(root, 'plan-cancel').click();
    await settle(el);
    expect(el.shadowRoot!.querySelector('mut-plan-cohort')).toBeNull();
    expect(el.shadowRoot!.activeElement).toBe(el.shadowRoot!.querySelector('[data-test="plan-cohort-open"]'));
  });

  it('offers a trainer no way to plan a cohort', async () => {
    server();
    const el = await mount('TRAINER');
    expect(el.shadowRoot!.querySelector('[data-test="cohort-link"]')).not.toBeNull();
    expect(el.shadowRoot!.querySelector('[data-test="plan-cohort-open"]')).toBeNull();
    expect(el.shadowRoot!.querySelector('mut-plan-cohort')).toBeNull();
  });
});
