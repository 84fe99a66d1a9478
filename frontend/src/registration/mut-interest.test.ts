import { describe, expect, it } from 'vitest';
import { fakeApi, json, noContent, problem, settle, submitForm, text, typeInto, type Handler } from '../test/fake-api';
import { byTest as $, choose, cleanPageAroundEachTest } from '../test/page';
import './mut-interest';
import type { MutInterest } from './mut-interest';

const PAGE = 'GET /api/public/organisations/org-a/interest';
const ASK = 'POST /api/public/organisations/org-a/interest';

function server(ask: Handler = { status: 201 }) {
  return fakeApi({
    [PAGE]: json({
      organisationName: 'Harbour Peer Network',
      courses: [
        { id: 'core', title: 'IPS Core Training' },
        { id: 'advanced', title: 'IPS Advanced' },
      ],
    }),
    [ASK]: ask,
  });
}

async function mount(organisationId = 'org-a'): Promise<MutInterest> {
  const el = document.createElement('mut-interest');
  el.organisationId = organisationId;
  document.body.append(el);
  await settle(el);
  return el;
}

function fillIn(el: MutInterest) {
  choose($(el, 'interest-course'), 'core');
  typeInto(el.shadowRoot!, '[data-test="interest-place"]', ' Galway ');
  typeInto(el.shadowRoot!, '[data-test="interest-name"]', 'Ana Lopez');
  typeInto(el.shadowRoot!, '[data-test="interest-email"]', 'ana@example.test');
}

describe('<mut-interest>', () => {
  cleanPageAroundEachTest();

  it('offers the organisation’s courses and sends the course, place, name and email, then thanks the person', async () => {
    const api = server();
    const el = await mount();
    expect(text($(el, 'interest-organisation'))).toBe('Harbour Peer Network');
    expect([...($(el, 'interest-course') as HTMLSelectElement).options].map((o) => text(o))).toEqual([
      'Choose a course',
      'IPS Core Training',
      'IPS Advanced',
    ]);
    fillIn(el);
    submitForm(el.shadowRoot!, '[data-test="interest-form"]');
    await settle(el);

    expect(api.to(ASK)[0].body).toEqual({ courseId: 'core', place: 'Galway', name: 'Ana Lopez', email: 'ana@example.test' });
    expect($(el, 'interest-form')).toBeNull();
    expect(text($(el, 'interest-result')!.querySelector('h2'))).toBe(
      "Thank you — we'll write when a training is planned near you.",
    );
    expect(el.shadowRoot!.activeElement).toBe($(el, 'interest-result')!.querySelector('h2'));
  });

  it('asks for every answer before sending', async () => {
    const api = server();
    const el = await mount();
    submitForm(el.shadowRoot!, '[data-test="interest-form"]');
    await settle(el);
    expect(api.to(ASK)).toHaveLength(0);
    expect(text(el.shadowRoot!.querySelector('#interest-course-error'))).toBe('Choose the course you would like.');
    expect(text(el.shadowRoot!.querySelector('#interest-place-error'))).toBe('Say where you would like it.');
    expect(el.shadowRoot!.activeElement?.id).toBe('interest-course');
  });

  it('puts the server’s field messages beside the fields', async () => {
    server(
      problem(422, 'rule-violation', "There is no course 'core'.", {
        errors: [{ field: 'courseId', message: "There is no course 'core'." }],
      }),
    );
    const el = await mount();
    fillIn(el);
    submitForm(el.shadowRoot!, '[data-test="interest-form"]');
    await settle(el);
    expect(text(el.shadowRoot!.querySelector('#interest-course-error'))).toBe("There is no course 'core'.");
    expect($(el, 'interest-problem')).toBeNull();
  });

  it('shows the detail when there have been too many requests', async () => {
    server(
      problem(429, 'too-many-attempts', 'That is a lot at once from one place; try again in a minute.', {
        headers: { 'Retry-After': '30' },
      }),
    );
    const el = await mount();
    fillIn(el);
    submitForm(el.shadowRoot!, '[data-test="interest-form"]');
    await settle(el);
    expect(text($(el, 'interest-problem'))).toBe('That is a lot at once from one place; try again in a minute.');
    expect($(el, 'interest-result')).toBeNull();
  });

  it('says so when the link opens no organisation', async () => {
    fakeApi({ 'GET /api/public/organisations/nowhere/interest': problem(404, 'not-found', 'No organisation.') });
    const el = await mount('nowhere');
    expect(text(el.shadowRoot!)).toMatch(/This link doesn't open a page/);
    expect($(el, 'interest-form')).toBeNull();
  });

  it('lets the person ask for another course afterwards', async () => {
    server(noContent);
    const el = await mount();
    fillIn(el);
    submitForm(el.shadowRoot!, '[data-test="interest-form"]');
    await settle(el);
    $(el, 'interest-another')!.click();
    await settle(el);
    expect($(el, 'interest-form')).not.toBeNull();
    expect(($(el, 'interest-name') as HTMLInputElement).value).toBe('Ana Lopez');
    expect(($(el, 'interest-place') as HTMLInputElement).value).toBe('');
  });
});
