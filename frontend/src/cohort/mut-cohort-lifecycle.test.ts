import { describe, expect, it } from 'vitest';
import type { Cohort } from './types';
import { COHORT, cohortSection, cohortServer, openCohortPage } from '../test/cohort-page';
import { json, problem, settle, submitForm, text, typeInto, type Handler } from '../test/fake-api';
import { byTest as $, cleanPageAroundEachTest, confirmStep } from '../test/page';
import { staffCohort } from '../test/registration-fixtures';

function server(extra: Record<string, Handler> = {}, cohort: Cohort = staffCohort()) {
  return cohortServer(extra, { cohort });
}

const status = () => text($(document.querySelector('mut-cohort')!, 'cohort-status'));

describe('<mut-cohort> closing registration and cancelling the cohort', () => {
  cleanPageAroundEachTest();

  it('closes registration after asking, and the page shows the cohort as the server answered', async () => {
    const api = server({ [`POST ${COHORT}/close`]: json(staffCohort({ status: 'CLOSED' })) });
    const el = await cohortSection('mut-cohort-lifecycle');
    expect($(el, 'cohort-lifecycle')).not.toBeNull();
    expect(status()).toBe('Open for registration');
    expect(confirmStep(el.shadowRoot)).toBeNull();

    $(el, 'close-registration')!.click();
    await settle(el);
    expect(confirmStep(el.shadowRoot)!.keepFocused).toBe(true);
    expect(text(el.shadowRoot!.querySelector('mut-confirm'))).toContain(
      'People already registered keep their places; nobody new can register.',
    );
    expect(api.to(`POST ${COHORT}/close`)).toHaveLength(0);

    confirmStep(el.shadowRoot)!.confirm.click();
    await settle(document.querySelector('mut-cohort')!);
    const calls = api.to(`POST ${COHORT}/close`);
    expect(calls).toHaveLength(1);
    expect(calls[0].body).toBeUndefined();
    expect(status()).toBe('Registration closed');
    expect($(el, 'close-registration')).toBeNull();
    expect($(el, 'cancel-cohort')).not.toBeNull();
    expect(text($(el, 'lifecycle-announcement'))).toContain('Registration is closed.');
    expect(api.to(`GET ${COHORT}/registrations`)).toHaveLength(2);
  });

  it('offers closing only while the cohort is open or full', async () => {
    server({}, staffCohort({ status: 'DRAFT' }));
    const el = await cohortSection('mut-cohort-lifecycle');
    expect($(el, 'close-registration')).toBeNull();
    expect($(el, 'cancel-cohort')).not.toBeNull();
  });

  it('says a problem with closing beside the confirm step', async () => {
    server({ [`POST ${COHORT}/close`]: problem(409, 'conflict', 'Registration for this cohort has already closed.') });
    const el = await cohortSection('mut-cohort-lifecycle');
    $(el, 'close-registration')!.click();
    await settle(el);
    confirmStep(el.shadowRoot)!.confirm.click();
    await settle(el);
    expect(text($(el, 'lifecycle-problem'))).toBe('Registration for this cohort has already closed.');
    expect(status()).toBe('Open for registration');
  });

  it('needs a reason to cancel, then sends it and shows the cohort cancelled', async () => {
    const api = server({ [`POST ${COHORT}/cancel`]: json(staffCohort({ status: 'CANCELLED' })) });
    const el = await cohortSection('mut-cohort-lifecycle');
    const root = el.shadowRoot!;
    $(el, 'cancel-cohort')!.click();
    await settle(el);
    expect(text(root.querySelector('#cancel-words'))).toContain('Everyone registered is emailed the reason');
    expect(root.activeElement).toBe($(el, 'cancel-reason'));

    submitForm(root, '[data-test="cancel-form"]');
    await settle(el);
    expect(api.to(`POST ${COHORT}/cancel`)).toHaveLength(0);
    expect(text(root.querySelector('#cancel-reason-error'))).toContain('Say why the cohort is cancelled');
    expect($(el, 'cancel-reason')!.getAttribute('aria-invalid')).toBe('true');

    typeInto(root, '[data-test="cancel-reason"]', '  Our venue has flooded, so we cannot run these days.  ');
    $(el, 'cancel-confirm')!.click();
    await settle(document.querySelector('mut-cohort')!);
    expect(api.to(`POST ${COHORT}/cancel`).map((c) => c.body)).toEqual([
      { reason: 'Our venue has flooded, so we cannot run these days.' },
    ]);
    expect(status()).toBe('Cancelled');
    expect($(el, 'cancel-cohort')).toBeNull();
    expect($(el, 'close-registration')).toBeNull();
    expect(text($(el, 'lifecycle-none'))).toContain('This cohort is cancelled');
    expect(text($(el, 'lifecycle-announcement'))).toContain('The cohort is cancelled.');
  });

  it('shows why the server would not cancel the cohort, beside the form', async () => {
    const why = 'This cohort is running now, so it can no longer be cancelled.';
    server({ [`POST ${COHORT}/cancel`]: problem(409, 'conflict', why) });
    const el = await cohortSection('mut-cohort-lifecycle');
    const root = el.shadowRoot!;
    $(el, 'cancel-cohort')!.click();
    await settle(el);
    typeInto(root, '[data-test="cancel-reason"]', 'Not enough people.');
    submitForm(root, '[data-test="cancel-form"]');
    await settle(el);
    const said = $(el, 'lifecycle-problem')!;
    expect(text(said)).toBe(why);
    expect(said.getAttribute('role')).toBe('alert');
    expect(said.closest('form')).toBe($(el, 'cancel-form'));
    expect(status()).toBe('Open for registration');
  });

  it('puts the server’s words on the reason beside the field', async () => {
    const words = 'The reason must be 300 characters or fewer.';
    server({
      [`POST ${COHORT}/cancel`]: problem(400, 'validation', 'Invalid request', { errors: [{ field: 'reason', message: words }] }),
    });
    const el = await cohortSection('mut-cohort-lifecycle');
    const root = el.shadowRoot!;
    $(el, 'cancel-cohort')!.click();
    await settle(el);
    typeInto(root, '[data-test="cancel-reason"]', 'Not enough people.');
    submitForm(root, '[data-test="cancel-form"]');
    await settle(el);
    expect(text(root.querySelector('#cancel-reason-error'))).toBe(words);
    expect($(el, 'lifecycle-problem')).toBeNull();
  });

  it('offers nothing to change on a completed cohort', async () => {
    server({}, staffCohort({ status: 'COMPLETED' }));
    const el = await cohortSection('mut-cohort-lifecycle');
    expect($(el, 'close-registration')).toBeNull();
    expect($(el, 'cancel-cohort')).toBeNull();
    expect(text($(el, 'lifecycle-none'))).toContain('This cohort is completed');
  });

  it('shows a trainer neither action', async () => {
    server();
    const page = await openCohortPage('TRAINER');
    expect(page.shadowRoot!.querySelector('mut-cohort-lifecycle')).toBeNull();
    expect($(page, 'cohort-lifecycle')).toBeNull();
    expect($(page, 'close-registration')).toBeNull();
    expect($(page, 'cancel-cohort')).toBeNull();
  });
});
