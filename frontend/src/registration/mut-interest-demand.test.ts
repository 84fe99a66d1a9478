import { describe, expect, it } from 'vitest';
import type { Membership } from '../identity/types';
import type { Demand } from './types';
import { fakeApi, json, problem, setCookie, settle, submitForm, text, type Handler } from '../test/fake-api';
import { byTest as $, choose, cleanPageAroundEachTest, signInAs } from '../test/page';
import { staffCohort } from '../test/registration-fixtures';
import './mut-interest-demand';
import type { MutInterestDemand } from './mut-interest-demand';

const ORG = '/api/organisations/org-a';
const INVITE = `POST ${ORG}/interest/invite`;

const demand: Demand[] = [
  { courseId: 'core', courseTitle: 'IPS Core Training', place: 'Galway', people: 5, notYetInvited: 3 },
  { courseId: 'advanced', courseTitle: 'IPS Advanced', place: 'Cork', people: 2, notYetInvited: 2 },
];

const cohorts = [
  staffCohort({ id: 'c-open', title: 'Core, Galway spring', status: 'OPEN' }),
  staffCohort({ id: 'c-full', title: 'Core, Galway summer', status: 'FULL' }),
  staffCohort({ id: 'c-draft', title: 'Core, autumn draft', status: 'DRAFT' }),
  staffCohort({ id: 'c-adv', title: 'Advanced, running', courseId: 'advanced', status: 'RUNNING' }),
];

function server(extra: Record<string, Handler> = {}) {
  return fakeApi({
    [`GET ${ORG}/interest`]: json(demand),
    [`GET ${ORG}/cohorts`]: json(cohorts),
    ...extra,
  });
}

async function mount(role: Membership['role'] = 'ORG_ADMIN'): Promise<MutInterestDemand> {
  signInAs(role);
  const el = document.createElement('mut-interest-demand');
  document.body.append(el);
  await settle(el);
  return el;
}

const rows = (el: MutInterestDemand) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[data-test="demand-row"]')];
const rowFor = (el: MutInterestDemand, course: string) => rows(el).find((r) => r.dataset.course === course)!;

describe('<mut-interest-demand>', () => {
  cleanPageAroundEachTest();

  it('lists the interest by course and place, with the public link to share', async () => {
    server();
    const el = await mount();
    expect(rows(el).map((r) => [...r.querySelectorAll('td')].slice(0, 4).map(text))).toEqual([
      ['IPS Advanced', 'Cork', '2', '2'],
      ['IPS Core Training', 'Galway', '5', '3'],
    ]);
    expect(($(el, 'interest-link') as HTMLInputElement).value).toBe(`${window.location.origin}/interest/org-a`);
  });

  it('invites the people who asked to an open cohort of the same course', async () => {
    setCookie('mutuality_csrf=tok-7');
    let list = demand;
    const api = server({
      [`GET ${ORG}/interest`]: () => json(list),
      [INVITE]: () => {
        list = [{ ...demand[0], notYetInvited: 0 }, demand[1]];
        return json({ invited: 3 });
      },
    });
    const el = await mount();
    rowFor(el, 'core').querySelector<HTMLButtonElement>('[data-test="invite-open"]')!.click();
    await settle(el);
    const select = $(el, 'invite-cohort') as HTMLSelectElement;
    expect(el.shadowRoot!.activeElement).toBe(select);
    expect([...select.options].map((o) => o.value)).toEqual(['', 'c-open', 'c-full']);

    submitForm(el.shadowRoot!, '[data-test="invite-form"]');
    await settle(el);
    expect(api.to(INVITE)).toHaveLength(0);
    expect(text(el.shadowRoot!.querySelector('#invite-cohort-error'))).toBe('Choose the cohort to invite them to.');

    choose(select, 'c-full');
    submitForm(el.shadowRoot!, '[data-test="invite-form"]');
    await settle(el);

    const [post] = api.to(INVITE);
    expect(post.body).toEqual({ courseId: 'core', place: 'Galway', cohortId: 'c-full' });
    expect(post.headers['X-CSRF-Token']).toBe('tok-7');
    expect(text($(el, 'invite-result'))).toBe('3 people invited.');
    expect($(el, 'invite-form')).toBeNull();
    expect(text(rowFor(el, 'core').querySelector('[data-test="demand-not-invited"]'))).toBe('0');
  });

  it('says when no cohort of the course is open to invite people to', async () => {
    server();
    const el = await mount();
    rowFor(el, 'advanced').querySelector<HTMLButtonElement>('[data-test="invite-open"]')!.click();
    await settle(el);
    expect($(el, 'invite-form')).toBeNull();
    expect(text($(el, 'invite-none'))).toMatch(/No cohort of IPS Advanced is open for registration yet/);
  });

  it('shows the server’s words when inviting does not work', async () => {
    const detail = 'Open the cohort for registration first, so that the people you invite can register.';
    server({ [INVITE]: problem(409, 'conflict', detail) });
    const el = await mount();
    rowFor(el, 'core').querySelector<HTMLButtonElement>('[data-test="invite-open"]')!.click();
    await settle(el);
    choose($(el, 'invite-cohort'), 'c-open');
    submitForm(el.shadowRoot!, '[data-test="invite-form"]');
    await settle(el);
    expect(text($(el, 'invite-problem'))).toBe(detail);
  });

  it('shows trainers the interest without the invitations, and does not fetch the cohorts for them', async () => {
    const api = server();
    const el = await mount('TRAINER');
    expect(rows(el)).toHaveLength(2);
    expect($(el, 'invite-open')).toBeNull();
    expect(api.to(`GET ${ORG}/cohorts`)).toHaveLength(0);
    expect($(el, 'interest-link')).not.toBeNull();
  });

  it('says when nobody has asked yet', async () => {
    server({ [`GET ${ORG}/interest`]: json([]) });
    const el = await mount();
    expect(text($(el, 'demand-empty'))).toMatch(/Nobody has asked for a course yet/);
  });
});
