import { describe, expect, it } from 'vitest';
import type { ImportReport } from './types';
import { COHORT, cohortSection, cohortServer } from '../test/cohort-page';
import { json, problem, setCookie, settle, submitForm, text, typeInto, type Handler } from '../test/fake-api';
import { allByTest as $$, byTest as $, cleanPageAroundEachTest } from '../test/page';
import { person, roster } from '../test/registration-fixtures';
import type { MutCohortImport } from './mut-cohort-import';

const IMPORT = `POST ${COHORT}/registrations/import`;

const CSV = [
  'name,email,pool,accessNeeds,dietaryNeeds',
  'Ria Chen,ria@example.test,open,,',
  'Sol Reyes,sol@example.test,staff,,',
  ',nobody@example.test,,,',
  'Ana Lopez,ana@example.test,,,',
  'Tom Hart,tom@,bursary,,',
].join('\n');

function report(dryRun: boolean): ImportReport {
  return {
    dryRun,
    confirmed: 1,
    waitlisted: 1,
    alreadyRegistered: 1,
    errors: 2,
    rows: [
      { line: 2, name: 'Ria Chen', email: 'ria@example.test', pool: 'open', outcome: 'confirmed', problems: [] },
      { line: 3, name: 'Sol Reyes', email: 'sol@example.test', pool: 'staff', outcome: 'waitlisted', problems: [] },
      {
        line: 4,
        name: null,
        email: 'nobody@example.test',
        pool: 'open',
        outcome: 'error',
        problems: ['name: must not be blank'],
      },
      { line: 5, name: 'Ana Lopez', email: 'ana@example.test', pool: 'open', outcome: 'already-registered', problems: [] },
      {
        line: 6,
        name: 'Tom Hart',
        email: 'tom@',
        pool: 'bursary',
        outcome: 'error',
        problems: ['email: must be a well-formed email address', "pool: there is no pool 'bursary' in this cohort."],
      },
    ],
  };
}

const server = (extra: Record<string, Handler> = {}) => cohortServer(extra);
const mount = () => cohortSection('mut-cohort-import');
const root = (el: MutCohortImport) => el.shadowRoot!;

describe('<mut-cohort-import>', () => {
  cleanPageAroundEachTest();

  it('explains the columns, and that the first line names them', async () => {
    server();
    const el = await mount();
    expect(text($(el, 'import-columns'))).toContain('name,email,pool,accessNeeds,dietaryNeeds');
    expect(text(root(el))).toMatch(/The first line names the columns/);
    expect($(el, 'import-file')!.getAttribute('accept')).toContain('.csv');
    expect($(el, 'import-run')).toBeNull();
  });

  it('tries the file first and lists every line, with what is wrong with the bad ones', async () => {
    setCookie('mutuality_csrf=tok-5');
    const api = server({ [IMPORT]: (call) => json(report(call.body.dryRun)) });
    const el = await mount();
    typeInto(root(el), '[data-test="import-paste"]', CSV);
    submitForm(root(el), '[data-test="import-form"]');
    await settle(el);

    const [tried] = api.to(IMPORT);
    expect(tried.body).toEqual({ csv: CSV, dryRun: true });
    expect(tried.headers['X-CSRF-Token']).toBe('tok-5');
    expect($(el, 'import-report')!.dataset.dryRun).toBe('true');
    expect(text($(el, 'import-summary'))).toBe(
      '1 would get a seat, 1 would join the waitlist, 1 is already registered and 2 have an error and would be left out.',
    );
    const rows = $$(el, 'import-row');
    expect(rows.map((r) => [...r.querySelectorAll('td')].slice(0, 4).map(text))).toEqual([
      ['2', 'Ria Chen', 'ria@example.test', 'open'],
      ['3', 'Sol Reyes', 'sol@example.test', 'staff'],
      ['4', '', 'nobody@example.test', 'open'],
      ['5', 'Ana Lopez', 'ana@example.test', 'open'],
      ['6', 'Tom Hart', 'tom@', 'bursary'],
    ]);
    expect(rows.map((r) => text(r.querySelector('[data-test="import-outcome"]')))).toEqual([
      'confirmed: would get a seat',
      'waitlisted: would join the waitlist',
      'error: left out',
      'already registered: left as it is',
      'error: left out',
    ]);
    const bad = rows.filter((r) => r.dataset.outcome === 'error');
    expect(bad.map((r) => r.dataset.line)).toEqual(['4', '6']);
    expect([...bad[1].querySelectorAll('[data-test="import-problems"] li')].map(text)).toEqual([
      'email: must be a well-formed email address',
      "pool: there is no pool 'bursary' in this cohort.",
    ]);
    // nothing was registered: the roster was not asked for again
    expect(api.to(`GET ${COHORT}/registrations`)).toHaveLength(1);
    expect(text($(el, 'import-run'))).toBe('Import the good lines');
  });

  it('imports the good lines with dryRun false, shows the result and refreshes the roster and the grid', async () => {
    let list = roster();
    const api = server({
      [`GET ${COHORT}/registrations`]: () => json(list),
      [IMPORT]: (call) => {
        if (!call.body.dryRun) {
          list = roster({ confirmed: [...roster().confirmed, person('r-ria', 'Ria Chen')] });
        }
        return json(report(call.body.dryRun));
      },
    });
    const el = await mount();
    typeInto(root(el), '[data-test="import-paste"]', CSV);
    submitForm(root(el), '[data-test="import-form"]');
    await settle(el);
    $(el, 'import-run')!.click();
    await settle(el);
    const page = document.querySelector('mut-cohort')!;
    await settle(page);

    const calls = api.to(IMPORT);
    expect(calls).toHaveLength(2);
    expect(calls[1].body).toEqual({ csv: CSV, dryRun: false });
    expect($(el, 'import-report')!.dataset.dryRun).toBe('false');
    expect(text($(el, 'import-summary'))).toBe(
      '1 has a seat, 1 is on the waitlist, 1 is already registered and 2 had an error and were left out.',
    );
    expect(text($(el, 'import-announcement'))).toBe(
      'Imported: 2 people are registered (1 with a seat, 1 on the waitlist). Each gets an email with their own link.',
    );
    expect($(el, 'import-run')).toBeNull();

    const registration = page.shadowRoot!.querySelector('mut-cohort-registration')!;
    await settle(registration);
    expect(api.to(`GET ${COHORT}/registrations`)).toHaveLength(2);
    expect(api.to(`GET ${COHORT}/completion`)).toHaveLength(2);
    const names = [...registration.shadowRoot!.querySelectorAll('[data-test="roster-row"] [data-test="registration-name"]')].map(
      text,
    );
    expect(names).toContain('Ria Chen');
  });

  it('asks to try again when the lines change after trying them', async () => {
    server({ [IMPORT]: (call) => json(report(call.body.dryRun)) });
    const el = await mount();
    typeInto(root(el), '[data-test="import-paste"]', CSV);
    submitForm(root(el), '[data-test="import-form"]');
    await settle(el);
    expect($(el, 'import-run')).not.toBeNull();
    typeInto(root(el), '[data-test="import-paste"]', `${CSV}\nNew Person,new@example.test,,,`);
    await settle(el);
    expect($(el, 'import-run')).toBeNull();
    expect($(el, 'import-report')).toBeNull();
  });

  it('says why a file cannot be read, beside the lines, and sends nothing when they are empty', async () => {
    const api = server({
      [IMPORT]: problem(422, 'rule-violation', 'The first line must name the columns.', {
        errors: [{ field: 'file', message: 'The first line must name the columns, with at least name and email.' }],
      }),
    });
    const el = await mount();
    submitForm(root(el), '[data-test="import-form"]');
    await settle(el);
    expect(api.to(IMPORT)).toHaveLength(0);
    expect(text(root(el).querySelector('#import-paste-error'))).toMatch(/Choose a file or paste its lines/);

    typeInto(root(el), '[data-test="import-paste"]', 'Ria Chen,ria@example.test');
    submitForm(root(el), '[data-test="import-form"]');
    await settle(el);
    expect(text(root(el).querySelector('#import-paste-error'))).toBe(
      'The first line must name the columns, with at least name and email.',
    );
    expect(root(el).activeElement).toBe($(el, 'import-paste'));
  });

  it('reads a chosen file into the lines', async () => {
    server();
    const el = await mount();
    const input = $(el, 'import-file') as HTMLInputElement;
    const chosen = new File([CSV], 'people.csv', { type: 'text/csv' });
    Object.defineProperty(input, 'files', { value: [chosen] });
    input.dispatchEvent(new Event('change'));
    await settle(el);
    expect(($(el, 'import-paste') as HTMLTextAreaElement).value).toBe(CSV);
    expect(text(root(el).querySelector('#import-file-hint'))).toBe('Read from people.csv; its lines are below.');
  });
});
