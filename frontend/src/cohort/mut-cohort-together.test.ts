import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, json, noContent, problem, settle, text } from '../test/fake-api';
import { staffCohort } from '../test/registration-fixtures';
import type { Cohort } from './types';
import './mut-cohort-together';
import type { MutCohortTogether } from './mut-cohort-together';

const COHORT = '/api/organisations/org-a/cohorts/c-1';

async function mount(cohort: Cohort, editable = true): Promise<MutCohortTogether> {
  const el = document.createElement('mut-cohort-together');
  el.organisationId = 'org-a';
  el.cohort = cohort;
  el.editable = editable;
  document.body.append(el);
  await settle(el);
  return el;
}

const $ = (el: MutCohortTogether, test: string) => el.shadowRoot!.querySelector<HTMLElement>(`[data-test="${test}"]`);

function fill(el: MutCohortTogether, id: string, value: string) {
  const input = el.shadowRoot!.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${id}`)!;
  input.value = value;
  input.dispatchEvent(new InputEvent('input'));
}

function submit(el: MutCohortTogether, test: string) {
  $(el, test)!.dispatchEvent(new Event('submit', { cancelable: true }));
}

describe('<mut-cohort-together>', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('names a support contact and hands the page the cohort as it is now', async () => {
    const cohort = { ...staffCohort(), id: 'c-1' };
    const updated = { ...cohort, supportContact: { name: 'Róisín', phone: '+353 1 555 0100', email: null, note: null } };
    const api = fakeApi({ [`PUT ${COHORT}/support-contact`]: json(updated) });
    const el = await mount(cohort);
    const heard: Cohort[] = [];
    el.addEventListener('cohort-updated', (e) => heard.push((e as CustomEvent<Cohort>).detail));
    $(el, 'edit-contact')!.click();
    await settle(el);
    fill(el, 'together-name', ' Róisín ');
    fill(el, 'together-phone', '+353 1 555 0100');
    submit(el, 'contact-form');
    await settle(el);
    expect(api.to(`PUT ${COHORT}/support-contact`)[0].body).toEqual({ name: 'Róisín', phone: '+353 1 555 0100' });
    expect(heard[0].supportContact?.name).toBe('Róisín');
    expect($(el, 'contact-form')).toBeNull();
  });

  it('removes the support contact and the follow-up session, the server answering with no body', async () => {
    const cohort: Cohort = {
      ...staffCohort(),
      id: 'c-1',
      supportContact: { name: 'Róisín', phone: '+353 1 555 0100', email: null, note: null },
      followUp: { date: '2039-03-01', startsAt: '18:00', endsAt: '19:30', place: 'Online' },
    };
    const api = fakeApi({ [`DELETE ${COHORT}/support-contact`]: noContent, [`DELETE ${COHORT}/follow-up`]: noContent });
    const el = await mount(cohort);
    const heard: Cohort[] = [];
    el.addEventListener('cohort-updated', (e) => heard.push((e as CustomEvent<Cohort>).detail));

    $(el, 'edit-contact')!.click();
    await settle(el);
    $(el, 'remove-contact')!.click();
    await settle(el);
    expect(api.to(`DELETE ${COHORT}/support-contact`)).toHaveLength(1);
    expect(heard[0].supportContact).toBeNull();
    expect(heard[0].followUp?.place).toBe('Online');
    expect($(el, 'together-problem')).toBeNull();

    $(el, 'edit-follow-up')!.click();
    await settle(el);
    $(el, 'remove-follow-up')!.click();
    await settle(el);
    expect(api.to(`DELETE ${COHORT}/follow-up`)).toHaveLength(1);
    expect(heard[1].followUp).toBeNull();
    expect($(el, 'together-problem')).toBeNull();
  });

  it('shows the server’s words beside the field it names', async () => {
    fakeApi({
      [`PUT ${COHORT}/support-contact`]: problem(422, 'rule', 'Give a phone number or an email.', {
        errors: [{ field: 'phone', message: 'Give a phone number or an email, so people can reach them.' }],
      }),
    });
    const el = await mount({ ...staffCohort(), id: 'c-1' });
    $(el, 'edit-contact')!.click();
    await settle(el);
    fill(el, 'together-name', 'Róisín');
    submit(el, 'contact-form');
    await settle(el);
    expect(text(el.shadowRoot!.querySelector('#together-phone-error'))).toBe(
      'Give a phone number or an email, so people can reach them.',
    );
  });

  it('writes the working agreements down one per line', async () => {
    const api = fakeApi({ [`PUT ${COHORT}/working-agreements`]: json({ statements: ['We can pass.', 'We listen.'] }) });
    const el = await mount({ ...staffCohort(), id: 'c-1' });
    const heard: Cohort[] = [];
    el.addEventListener('cohort-updated', (e) => heard.push((e as CustomEvent<Cohort>).detail));
    $(el, 'edit-agreements')!.click();
    await settle(el);
    fill(el, 'agreements', 'We can pass.\n\n  We listen.  \n');
    submit(el, 'agreements-form');
    await settle(el);
    expect(api.to(`PUT ${COHORT}/working-agreements`)[0].body).toEqual({ statements: ['We can pass.', 'We listen.'] });
    expect(heard[0].workingAgreements).toEqual(['We can pass.', 'We listen.']);
  });

  it('shows what is set to someone who may not change it, with no buttons', async () => {
    const el = await mount(
      {
        ...staffCohort(),
        id: 'c-1',
        workingAgreements: ['We can pass.'],
        followUp: { date: '2027-04-20', startsAt: '10:00:00', endsAt: '12:00:00', place: 'The Quay Room', note: null },
      },
      false,
    );
    expect([...el.shadowRoot!.querySelectorAll('[data-test="working-agreements"] li')].map(text)).toEqual(['We can pass.']);
    expect(text($(el, 'follow-up'))).toContain('The Quay Room');
    expect(el.shadowRoot!.querySelectorAll('button')).toHaveLength(0);
  });
});
