import { describe, expect, it, vi } from 'vitest';
import type { Cohort } from './types';
import type { Member } from '../identity/types';
import { COHORT, ORG, cohortServer, openCohortPage } from '../test/cohort-page';
import { json, problem, settle, submitForm, text, type Handler } from '../test/fake-api';
import { allByTest as $$, byTest as $, choose, cleanPageAroundEachTest, tick } from '../test/page';
import { staffCohort } from '../test/registration-fixtures';
import type { MutCohort } from './mut-cohort';

const member = (accountId: string, displayName: string, role: Member['role'] = 'TRAINER'): Member => ({
  accountId,
  displayName,
  email: `${displayName.split(' ')[0].toLowerCase()}@example.test`,
  role,
  since: '2026-01-05T09:00:00Z',
});

const members = [
  member('acc-me', 'Sam Rivera', 'ORG_ADMIN'),
  member('acc-jo', 'Jo Okafor'),
  member('acc-kai', 'Kai Brennan'),
  member('acc-lee', 'Lee Nolan'),
];

const cohortWith = (trainers: Cohort['trainers']) => staffCohort({ status: 'DRAFT', trainers });

function server(
  extra: Record<string, Handler> = {},
  cohort: Cohort = cohortWith([{ accountId: 'acc-jo', displayName: 'Jo Okafor', lead: true }]),
) {
  return cohortServer({ [`GET ${ORG}/members`]: json(members), ...extra }, { cohort });
}

async function mount(role: Member['role'] = 'ORG_ADMIN'): Promise<{ page: MutCohort; root: ShadowRoot; calendar: ShadowRoot }> {
  const page = await openCohortPage(role);
  const trainers = page.shadowRoot!.querySelector('mut-cohort-trainers')!;
  await settle(trainers);
  return {
    page,
    root: trainers.shadowRoot!,
    calendar: page.shadowRoot!.querySelector('mut-calendar-link')!.shadowRoot!,
  };
}

const names = (root: ParentNode) => $$(root, 'trainer-row').map((r) => text(r.querySelector('[data-test="trainer-name"]')));
const chooseMember = (root: ParentNode, accountId: string) => choose($(root, 'book-trainer-member'), accountId);
const tickLead = (root: ParentNode) => tick($(root, 'book-trainer-lead'));

describe('<mut-cohort> trainers and calendar', () => {
  cleanPageAroundEachTest();

  it("says what the course asks of a lead trainer, from the course's rule the server sends", async () => {
    server();
    let { root } = await mount();
    expect(text(root.querySelector('#book-trainer-lead-hint'))).toContain(
      'Leading this course needs a recorded Train-the-Trainer.',
    );
    document.body.innerHTML = '';

    server(
      {},
      {
        ...cohortWith([{ accountId: 'acc-jo', displayName: 'Jo Okafor', lead: true }]),
        courseId: 'introduction',
        leadNeeds: undefined,
      },
    );
    ({ root } = await mount());
    const hint = text(root.querySelector('#book-trainer-lead-hint'));
    expect(hint).toContain('Any trainer of the organisation may lead this course.');
    expect(hint).not.toContain('Train-the-Trainer');
  });

  it('lists the booked trainers with the lead first and marked', async () => {
    server(
      {},
      cohortWith([
        { accountId: 'acc-kai', displayName: 'Kai Brennan', lead: false },
        { accountId: 'acc-jo', displayName: 'Jo Okafor', lead: true },
      ]),
    );
    const { root } = await mount();
    expect(names(root)).toEqual(['Jo Okafor', 'Kai Brennan']);
    const [lead, co] = $$(root, 'trainer-row');
    expect(text($(lead, 'trainer-lead'))).toBe('Lead trainer');
    expect($(co, 'trainer-lead')).toBeNull();
    expect(text(co)).toContain('co-trainer');
  });

  it('offers only trainers not yet booked, and books one as lead with the right request', async () => {
    const api = server({
      [`POST ${COHORT}/trainers`]: (call) =>
        json(
          cohortWith([
            { accountId: 'acc-jo', displayName: 'Jo Okafor', lead: false },
            { accountId: call.body.accountId, displayName: 'Kai Brennan', lead: call.body.lead },
          ]),
        ),
    });
    const { page, root } = await mount();
    const options = [...($(root, 'book-trainer-member') as HTMLSelectElement).options].map((o) => [o.value, text(o)]);
    expect(options).toEqual([
      ['', 'Choose a trainer'],
      ['acc-kai', 'Kai Brennan'],
      ['acc-lee', 'Lee Nolan'],
    ]);
    expect(text(root.querySelector('#book-trainer-lead-hint'))).toContain('Booking a new lead makes Jo Okafor a co-trainer.');

    chooseMember(root, 'acc-kai');
    tickLead(root);
    submitForm(root, '[data-test="book-trainer"]');
    await settle(page);

    expect(api.to(`POST ${COHORT}/trainers`)[0].body).toEqual({ accountId: 'acc-kai', lead: true });
    expect(names(root)).toEqual(['Kai Brennan', 'Jo Okafor']);
    expect(text($(root, 'trainers-announcement'))).toBe('Kai Brennan is booked as the lead trainer.');
    expect(($(root, 'book-trainer-lead') as HTMLInputElement).checked).toBe(false);
    expect([...($(root, 'book-trainer-member') as HTMLSelectElement).options].map((o) => o.value)).toEqual(['', 'acc-lee']);
  });

  it('shows plainly why a trainer cannot be booked: a clash with another cohort', async () => {
    const clash = 'This trainer is already booked on Core, autumn group on 2027-03-15, which overlaps day 1 of this cohort.';
    server({
      [`POST ${COHORT}/trainers`]: problem(422, 'rule-violation', clash, { errors: [{ field: 'trainer', message: clash }] }),
    });
    const { page, root } = await mount();
    chooseMember(root, 'acc-lee');
    submitForm(root, '[data-test="book-trainer"]');
    await settle(page);
    const problemText = $(root, 'book-trainer-problem')!;
    expect(text(problemText)).toBe(clash);
    expect(problemText.getAttribute('role')).toBe('alert');
    expect(names(root)).toEqual(['Jo Okafor']);
  });

  it('asks who to book before sending', async () => {
    const api = server();
    const { page, root } = await mount();
    submitForm(root, '[data-test="book-trainer"]');
    await settle(page);
    expect(api.to(`POST ${COHORT}/trainers`)).toHaveLength(0);
    expect(text(root.querySelector('#book-trainer-member-error'))).toBe('Choose who to book.');
    expect(root.activeElement).toBe($(root, 'book-trainer-member'));
  });

  it('takes a trainer off the cohort', async () => {
    const api = server({ [`DELETE ${COHORT}/trainers/acc-jo`]: json(cohortWith([])) });
    const { page, root } = await mount();
    $(root, 'unbook-trainer')!.click();
    await settle(page);
    expect(api.to(`DELETE ${COHORT}/trainers/acc-jo`)).toHaveLength(1);
    expect($$(root, 'trainer-row')).toHaveLength(0);
    expect(text($(root, 'no-trainers'))).toContain('No trainers are booked yet.');
    expect(text($(root, 'trainers-announcement'))).toBe('Jo Okafor is no longer booked on this cohort.');
  });

  it('shows a trainer who is booked, with no way to book or take off', async () => {
    const api = server();
    const { root } = await mount('TRAINER');
    expect(names(root)).toEqual(['Jo Okafor']);
    expect($(root, 'book-trainer')).toBeNull();
    expect($$(root, 'unbook-trainer')).toHaveLength(0);
    expect(api.to(`GET ${ORG}/members`)).toHaveLength(0);
  });

  it('gives the cohort’s calendar link when asked, with a webcal link and a copy button', async () => {
    const url = 'https://mutuality.example/api/calendars/cohorts/tok-123.ics';
    const api = server({ [`GET ${COHORT}/calendar`]: json({ url }) });
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const { page, calendar } = await mount('TRAINER');
    // within the page's "Days and place" section, so a heading a level below it
    expect(calendar.querySelector('h2')).toBeNull();
    expect(text(calendar.querySelector('h3'))).toBe('Add to a calendar');
    expect(page.shadowRoot!.querySelector('mut-calendar-link')!.closest('section')!.id).toBe('days');
    expect(text(calendar)).toMatch(/keep this cohort's training days up to date by themselves\. Keep it private/);
    expect($(calendar, 'calendar-url')).toBeNull();
    expect(api.to(`GET ${COHORT}/calendar`)).toHaveLength(0);

    $(calendar, 'calendar-show')!.click();
    await settle(page);
    const input = $(calendar, 'calendar-url') as HTMLInputElement;
    expect(input.value).toBe(url);
    expect(input.readOnly).toBe(true);
    expect($(calendar, 'calendar-webcal')!.getAttribute('href')).toBe(
      'webcal://mutuality.example/api/calendars/cohorts/tok-123.ics',
    );

    $(calendar, 'calendar-copy')!.click();
    await settle(page);
    expect(writeText).toHaveBeenCalledWith(url);
    expect(text(calendar)).toContain('The link is copied.');
  });

  it('says so when the calendar link cannot be had', async () => {
    server({ [`GET ${COHORT}/calendar`]: problem(403, 'forbidden', 'Your role does not allow this.') });
    const { page, calendar } = await mount();
    $(calendar, 'calendar-show')!.click();
    await settle(page);
    expect(text(calendar.querySelector('[role="alert"]'))).toBe('Your role does not allow this.');
    expect($(calendar, 'calendar-webcal')).toBeNull();
  });
});
