import { describe, expect, it, vi } from 'vitest';
import type { CompletionGrid } from './types';
import type { Membership } from '../identity/types';
import { formatDate } from '../shared/format';
import { COHORT, ORG, cohortSection, cohortServer } from '../test/cohort-page';
import {
  file,
  json,
  problem,
  setCookie,
  settle,
  submitForm,
  text,
  typeInto,
  catchDownloads,
  type Handler,
} from '../test/fake-api';
import { allByTest as $$, byTest as $, cleanPageAroundEachTest, confirmStep, tick } from '../test/page';
import { cell, completionGrid, personRow, roster } from '../test/registration-fixtures';
import type { MutCohortCompletion } from './mut-cohort-completion';

const COMPLETION = `${COHORT}/completion`;

function server(extra: Record<string, Handler> = {}, grid: CompletionGrid = completionGrid()) {
  return cohortServer(extra, { grid });
}

const mount = (role: Membership['role'] = 'ORG_ADMIN') => cohortSection('mut-cohort-completion', role);

const root = (el: MutCohortCompletion) => el.shadowRoot!;
const row = (el: MutCohortCompletion, id: string) =>
  root(el).querySelector<HTMLElement>(`[data-test="grid-row"][data-registration="${id}"]`)!;
const cellOf = (el: MutCohortCompletion, id: string, day: number) =>
  row(el, id).querySelector<HTMLElement>(`[data-test="grid-cell"][data-day="${day}"]`)!;

describe('<mut-cohort-completion> on the cohort page', () => {
  cleanPageAroundEachTest();

  it('shows one row per person and one column per day, with minutes missed and where each came from', async () => {
    server();
    const el = await mount();
    expect([...root(el).querySelectorAll('thead th')].map(text)).toEqual([
      'Person',
      `Day 1 ${formatDate('2027-03-15')}`,
      `Day 2 ${formatDate('2027-03-16')}`,
      'Where they stand',
      'Certificate',
    ]);
    expect($$(el, 'grid-row').map((r) => text(r.querySelector('[data-test="grid-name"]')))).toEqual([
      'Ana Lopez',
      'Ben Walsh',
      'Cat Byrne',
      'Dee Murphy',
    ]);

    const words = (id: string, day: number) => text(cellOf(el, id, day).querySelector('[data-test="cell-words"]'));
    const source = (id: string, day: number) => text(cellOf(el, id, day).querySelector('[data-test="cell-source"]'));
    expect(words('r-ana', 1)).toBe('all there');
    expect(source('r-ana', 1)).toBe('live room');
    expect(words('r-ana', 2)).toBe('all there');
    expect(source('r-ana', 2)).toBe('trainer');
    expect(text(cellOf(el, 'r-ana', 2).querySelector('[data-test="cell-note"]'))).toBe('Joined by phone after lunch');
    expect(words('r-ben', 1)).toBe('missed 2 h 0 min');
    expect(words('r-ben', 2)).toBe('not recorded');
    expect(cellOf(el, 'r-ben', 2).querySelector('[data-test="cell-source"]')).toBeNull();
    expect(words('r-cat', 2)).toBe('not held yet');
    expect(cellOf(el, 'r-cat', 2).dataset.source).toBe('not-held');
    expect(words('r-dee', 2)).toBe('missed 5 h 0 min');
  });

  it('says where each person stands, with the reason and where missed days can be made up', async () => {
    server();
    const el = await mount();
    const state = (id: string) => row(el, id).querySelector<HTMLElement>('[data-test="grid-state"]')!;
    expect(state('r-ana').dataset.state).toBe('COMPLETED');
    expect(text(state('r-ana').querySelector('[data-test="state-words"]'))).toBe('completed');
    expect(text(state('r-cat').querySelector('[data-test="state-words"]'))).toBe('on track');

    expect(text(state('r-ben').querySelector('[data-test="state-words"]'))).toBe('to make up day 1');
    expect(text(state('r-ben').querySelector('[data-test="state-reason"]'))).toBe(
      'Missed time on day 1, which must be attended.',
    );
    expect([...state('r-ben').querySelectorAll('[data-test="make-up-in"] li')].map(text)).toEqual([
      `Core, autumn group: day 1 on ${formatDate('2027-09-14')}`,
    ]);

    expect(text(state('r-dee').querySelector('[data-test="state-words"]'))).toBe('to take the course again');
    expect(text(state('r-dee').querySelector('[data-test="state-reason"]'))).toBe(
      'Missed 5 hours in all; the allowance is 3.5 hours.',
    );
  });

  it('shows the rule in force, marked as the standard one', async () => {
    server();
    const el = await mount();
    expect(text($(el, 'rule-standard'))).toBe('standard rule');
    expect([...$(el, 'rule-words')!.querySelectorAll('li')].map(text)).toEqual([
      'Day 1 must be attended (a few minutes late is fine).',
      'Up to 3.5 hours may be missed over the other days.',
      'Otherwise, people make up the days they missed in a later cohort of this course.',
    ]);
  });

  it('lets staff correct a day, sending the minutes missed and the note, and shows the updated grid', async () => {
    setCookie('mutuality_csrf=tok-9');
    const after = completionGrid();
    after.people[1] = personRow('r-ben', 'Ben Walsh', [cell(1, 120, 'room'), cell(2, 45, 'trainer', 'Left at 3')], {
      state: 'MAKE_UP',
      reason: 'Missed time on day 1, which must be attended.',
      daysToMakeUp: [1],
    });
    const api = server({ [`PUT ${COMPLETION}/r-ben/days/2`]: json(after) });
    const el = await mount('TRAINER');

    cellOf(el, 'r-ben', 2).querySelector<HTMLButtonElement>('[data-test="correct-cell"]')!.click();
    await settle(el);
    const form = $(el, 'correct-form')!;
    expect(text(form)).toContain('Day 2 for Ben Walsh: not recorded.');
    expect(root(el).activeElement).toBe($(el, 'correct-minutes'));

    typeInto(form, '[data-test="correct-minutes"]', '2000');
    submitForm(root(el), '[data-test="correct-form"]');
    await settle(el);
    expect(api.to(`PUT ${COMPLETION}/r-ben/days/2`)).toHaveLength(0);
    expect(text(root(el).querySelector('#mark-minutes-error'))).toBe('Give a whole number of minutes from 0 to 1440.');

    typeInto(form, '[data-test="correct-minutes"]', '45');
    typeInto(form, '[data-test="correct-note"]', ' Left at 3 ');
    submitForm(root(el), '[data-test="correct-form"]');
    await settle(el);

    const [put] = api.to(`PUT ${COMPLETION}/r-ben/days/2`);
    expect(put.body).toEqual({ minutesMissed: 45, note: 'Left at 3' });
    expect(put.headers['X-CSRF-Token']).toBe('tok-9');
    expect($(el, 'correct-form')).toBeNull();
    expect(text(cellOf(el, 'r-ben', 2).querySelector('[data-test="cell-words"]'))).toBe('missed 45 min');
    expect(text(cellOf(el, 'r-ben', 2).querySelector('[data-test="cell-source"]'))).toBe('trainer');
    expect(text($(el, 'completion-announcement'))).toBe('Day 2 for Ben Walsh is saved: missed 45 min.');
    expect(root(el).activeElement).toBe(cellOf(el, 'r-ben', 2).querySelector('[data-test="correct-cell"]'));
  });

  it('shows the server’s word on a correction beside the field', async () => {
    server({
      [`PUT ${COMPLETION}/r-cat/days/2`]: problem(400, 'validation', 'One field needs attention: minutesMissed.', {
        errors: [{ field: 'minutesMissed', message: 'must be less than or equal to 1440' }],
      }),
    });
    const el = await mount();
    cellOf(el, 'r-cat', 2).querySelector<HTMLButtonElement>('[data-test="correct-cell"]')!.click();
    await settle(el);
    typeInto(root(el), '[data-test="correct-minutes"]', '10');
    submitForm(root(el), '[data-test="correct-form"]');
    await settle(el);
    expect(text(root(el).querySelector('#mark-minutes-error'))).toBe('must be less than or equal to 1440');
  });

  it('issues certificates to everyone who completed and says how many', async () => {
    setCookie('mutuality_csrf=tok-1');
    const before = completionGrid();
    before.people[0] = { ...before.people[0], certificate: null };
    const after = completionGrid();
    const api = server({ [`POST ${COMPLETION}/certificates`]: json(after) }, before);
    const el = await mount();
    expect(text($(el, 'issue'))).toContain('1 person has completed and has no certificate yet.');
    expect(row(el, 'r-ana').querySelector('[data-test="certificate-code"]')).toBeNull();

    $(el, 'issue-certificates')!.click();
    await settle(el);
    const [post] = api.to(`POST ${COMPLETION}/certificates`);
    expect(post.headers['X-CSRF-Token']).toBe('tok-1');
    expect(text($(el, 'completion-announcement'))).toBe('1 certificate issued.');
    expect(text(row(el, 'r-ana').querySelector('[data-test="certificate-code"]'))).toBe('IPS-ABCDE-23456');
  });

  it('says why no certificates could be issued', async () => {
    const detail = "Nobody has completed this cohort yet, by the organisation's rule.";
    server({ [`POST ${COMPLETION}/certificates`]: problem(409, 'conflict', detail) });
    const el = await mount();
    $(el, 'issue-certificates')!.click();
    await settle(el);
    expect(text($(el, 'issue-problem'))).toBe(detail);
  });

  it('fetches a certificate’s PDF with the session and saves it', async () => {
    const saved = catchDownloads();
    const api = server({
      [`GET ${ORG}/completion/certificates/IPS-ABCDE-23456/pdf`]: file(
        '%PDF-1.7 certificate',
        'application/pdf',
        'certificate-IPS-ABCDE-23456.pdf',
      ),
    });
    const el = await mount();
    row(el, 'r-ana').querySelector<HTMLButtonElement>('[data-test="certificate-pdf"]')!.click();
    await settle(el);
    const call = api.to(`GET ${ORG}/completion/certificates/IPS-ABCDE-23456/pdf`)[0];
    expect(call.headers.Accept).toContain('application/pdf');
    expect(vi.mocked(fetch).mock.calls.at(-1)![1]!.credentials).toBe('same-origin');
    expect(saved.map((s) => s.name)).toEqual(['certificate-IPS-ABCDE-23456.pdf']);
    expect(await saved[0].blob.text()).toBe('%PDF-1.7 certificate');
  });

  it('revokes a certificate only with a reason, then marks it revoked', async () => {
    setCookie('mutuality_csrf=tok-2');
    const api = server({
      [`POST ${ORG}/completion/certificates/IPS-ABCDE-23456/revoke`]: (call) =>
        json({
          code: 'IPS-ABCDE-23456',
          genuine: false,
          revoked: true,
          revokedReason: call.body.reason,
          holderName: 'Ana Lopez',
          courseTitle: 'IPS Core Training',
          organisationName: 'Harbour Peer Network',
          firstDay: '2027-03-15',
          lastDay: '2027-03-16',
          trainers: 'Jo Okafor',
        }),
    });
    const el = await mount();
    row(el, 'r-ana').querySelector<HTMLButtonElement>('[data-test="certificate-revoke"]')!.click();
    await settle(el);
    expect(root(el).activeElement).toBe($(el, 'revoke-reason'));

    submitForm(root(el), '[data-test="revoke-form"]');
    await settle(el);
    expect(api.to(`POST ${ORG}/completion/certificates/IPS-ABCDE-23456/revoke`)).toHaveLength(0);
    expect(text(root(el).querySelector('#revoke-reason-error'))).toMatch(/Say why the certificate is revoked/);

    typeInto(root(el), '[data-test="revoke-reason"]', 'Issued to the wrong person');
    submitForm(root(el), '[data-test="revoke-form"]');
    await settle(el);
    const [post] = api.to(`POST ${ORG}/completion/certificates/IPS-ABCDE-23456/revoke`);
    expect(post.body).toEqual({ reason: 'Issued to the wrong person' });
    expect(post.headers['X-CSRF-Token']).toBe('tok-2');
    expect(text(row(el, 'r-ana').querySelector('[data-test="certificate-revoked"]'))).toBe('revoked');
    expect(row(el, 'r-ana').querySelector('[data-test="certificate-revoke"]')).toBeNull();
    expect(row(el, 'r-ana').querySelector('[data-test="certificate-pdf"]')).toBeNull();
    expect(text($(el, 'completion-announcement'))).toBe("Ana Lopez's certificate IPS-ABCDE-23456 is revoked.");
  });

  it('lets an admin change the rule, then shows the grid under it', async () => {
    let grid = completionGrid();
    const api = server({
      [`GET ${COMPLETION}`]: () => json(grid),
      [`PUT ${ORG}/completion/rules/core`]: (call) => {
        grid = completionGrid({ rule: { courseId: 'core', ...call.body, standard: false } });
        return json(grid.rule);
      },
    });
    const el = await mount();
    $(el, 'rule-change')!.click();
    await settle(el);
    const form = $(el, 'rule-form')!;
    const days = [...form.querySelectorAll<HTMLInputElement>('[data-test="rule-day"]')];
    expect(days.map((d) => [d.value, d.checked])).toEqual([
      ['1', true],
      ['2', false],
    ]);
    expect((form.querySelector('[data-test="rule-hours"]') as HTMLInputElement).value).toBe('3.5');
    tick(days[1]);
    typeInto(form, '[data-test="rule-hours"]', '4');
    tick(form.querySelector('#rule-otherwise-REPEAT'));
    submitForm(root(el), '[data-test="rule-form"]');
    await settle(el);

    expect(api.to(`PUT ${ORG}/completion/rules/core`)[0].body).toEqual({
      mustAttendDays: [1, 2],
      maxMinutesMissed: 240,
      otherwise: 'REPEAT',
    });
    expect(api.to(`GET ${COMPLETION}`)).toHaveLength(2);
    expect($(el, 'rule-form')).toBeNull();
    expect($(el, 'rule-standard')).toBeNull();
    expect(text($(el, 'rule-own'))).toBe("your organisation's rule");
    expect([...$(el, 'rule-words')!.querySelectorAll('li')].map(text)).toEqual([
      'Days 1 and 2 must be attended (a few minutes late is fine).',
      'Up to 4 hours may be missed over the other days.',
      'Otherwise, people take the course again.',
    ]);
    expect(text($(el, 'completion-announcement'))).toBe('The rule is saved. It applies to every cohort of this course.');
  });

  it('downloads the roster and a day’s attendance as CSV, and says quietly when a day had no room', async () => {
    const saved = catchDownloads();
    server({
      [`GET ${COHORT}/registrations/export`]: file('name,email\nAna Lopez,ana@example.test\n', 'text/csv', 'roster.csv'),
      [`GET ${COHORT}/days/1/attendance/export`]: file('day,name\n1,Ana\n', 'text/csv', 'attendance-day-1.csv'),
    });
    const el = await mount('TRAINER');
    $(el, 'roster-csv')!.click();
    await settle(el);
    expect(saved.map((s) => s.name)).toEqual(['roster.csv']);
    expect(text($(el, 'download-note'))).toBe('Saved as roster.csv in your downloads.');

    root(el).querySelector<HTMLButtonElement>('[data-test="attendance-csv"][data-day="1"]')!.click();
    await settle(el);
    expect(saved.map((s) => s.name)).toEqual(['roster.csv', 'attendance-day-1.csv']);
    expect(await saved[1].blob.text()).toBe('day,name\n1,Ana\n');

    root(el).querySelector<HTMLButtonElement>('[data-test="attendance-csv"][data-day="2"]')!.click();
    await settle(el);
    expect(saved).toHaveLength(2);
    expect(text($(el, 'download-note'))).toBe('Day 2 had no live room, so there is no attendance file for it.');
    expect($(el, 'download-note')!.getAttribute('role')).toBe('status');
  });

  it('follows the roster: cancelling someone brings the grid up to date', async () => {
    const api = server({ [`POST ${COHORT}/registrations/r-ben/cancel`]: json(roster()) });
    const el = await mount();
    const page = document.querySelector('mut-cohort')!;
    const registration = page.shadowRoot!.querySelector('mut-cohort-registration')!;
    const benRow = registration.shadowRoot!.querySelector<HTMLElement>('[data-registration="r-ben"]')!;
    benRow.querySelector<HTMLButtonElement>('[data-test="cancel-registration"]')!.click();
    await settle(registration);
    confirmStep(benRow)!.confirm.click();
    await settle(registration);
    await settle(el);
    expect(api.to(`GET ${COMPLETION}`)).toHaveLength(2);
  });

  it('shows trainers the grid to read and correct, with no admin controls', async () => {
    server();
    const el = await mount('TRAINER');
    const page = document.querySelector('mut-cohort')!;
    expect($$(el, 'grid-row')).toHaveLength(4);
    expect($$(el, 'correct-cell')).toHaveLength(8);
    expect($(el, 'certificate-pdf')).not.toBeNull();
    expect(text($(el, 'certificate-code'))).toBe('IPS-ABCDE-23456');
    expect($(el, 'issue-certificates')).toBeNull();
    expect($(el, 'certificate-revoke')).toBeNull();
    expect($(el, 'rule-change')).toBeNull();
    expect($(el, 'rule-form')).toBeNull();
    expect(page.shadowRoot!.querySelector('mut-cohort-import')).toBeNull();
  });

  it('shows admins the controls trainers do not have', async () => {
    server();
    const el = await mount('ORG_ADMIN');
    const page = document.querySelector('mut-cohort')!;
    expect($(el, 'issue-certificates')).not.toBeNull();
    expect($(el, 'certificate-revoke')).not.toBeNull();
    expect($(el, 'rule-change')).not.toBeNull();
    expect(page.shadowRoot!.querySelector('mut-cohort-import')).not.toBeNull();
  });
});
