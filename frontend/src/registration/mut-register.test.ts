import { describe, expect, it } from 'vitest';
import type { PublicCohort } from './types';
import { formatDate } from '../shared/format';
import { fakeApi, json, problem, settle, submitForm, text, typeInto, type Handler } from '../test/fake-api';
import { byTest as $, cleanPageAroundEachTest, tick } from '../test/page';
import { COHORT_ID, coreCourse, publicCohort } from '../test/registration-fixtures';
import './mut-register';
import type { MutRegister } from './mut-register';

const PAGE = `GET /api/public/cohorts/${COHORT_ID}`;
const REGISTER = `POST /api/public/cohorts/${COHORT_ID}/registrations`;

function server(cohort: PublicCohort = publicCohort(), extra: Record<string, Handler> = {}) {
  return fakeApi({ [PAGE]: json(cohort), ...extra });
}

async function mount(): Promise<MutRegister> {
  const el = document.createElement('mut-register');
  el.cohortId = COHORT_ID;
  document.body.append(el);
  await settle(el);
  return el;
}

function fillIn(el: MutRegister, name = 'Ana Lopez', email = 'ana@example.test') {
  typeInto(el.shadowRoot!, '[data-test="register-name"]', name);
  typeInto(el.shadowRoot!, '[data-test="register-email"]', email);
}

const courses = { 'GET /api/curricula/courses': json([coreCourse]) };

describe('<mut-register>', () => {
  cleanPageAroundEachTest();

  it('shows the course, cohort, organisation, days with times and zone, the venue and the seats left', async () => {
    const api = server();
    const el = await mount();
    expect(text($(el, 'register-organisation'))).toBe('Harbour Peer Network');
    expect(text($(el, 'register-course'))).toBe('IPS Core Training');
    expect(text($(el, 'register-cohort'))).toBe('Core, spring group');
    expect([...el.shadowRoot!.querySelectorAll('[data-test="register-days"] li')].map(text)).toEqual([
      `Day 1: ${formatDate('2027-03-15')}, 09:30–16:30`,
      `Day 2: ${formatDate('2027-03-16')}, 10:00–15:00`,
    ]);
    expect(text($(el, 'register-time-zone'))).toBe('Times are in the Europe/Dublin time zone.');
    expect([...$(el, 'register-where')!.querySelectorAll('p')].map(text)).toEqual([
      'Harbour Community Centre',
      '12 Quay Street, Galway',
    ]);
    expect(text($(el, 'public-pool'))).toBe('5 seats left');
    expect(text($(el, 'registration-state'))).toBe(
      `Registration is open: register below for a seat. Registration closes on ${formatDate('2027-03-01')}.`,
    );
    // one public pool: no choice to make
    expect($(el, 'register-pool')).toBeNull();
    expect(text($(el, 'register-submit'))).toBe('Register');
    expect(el.shadowRoot!.querySelector('label[for="register-access"]')!.textContent).toContain('(optional)');
    expect(el.shadowRoot!.querySelector('label[for="register-dietary"]')!.textContent).toContain('(optional)');
    // no sign-in is needed or asked about
    expect(api.calls.map((c) => `${c.method} ${c.url}`)).toEqual([PAGE]);
  });

  it('submits a valid registration and says to check the email, which has their place and own link', async () => {
    const api = server(publicCohort(), {
      [REGISTER]: json(
        { detail: 'Thank you. We have sent an email with your place and your own link to the address you gave.' },
        202,
      ),
    });
    const el = await mount();
    fillIn(el, ' Ana Lopez ', ' ana@example.test ');
    typeInto(el.shadowRoot!, '[data-test="register-access"]', 'Step-free access, please.');
    submitForm(el.shadowRoot!, '[data-test="register-form"]');
    await settle(el);

    const [post] = api.to(REGISTER);
    expect(post.body).toEqual({ name: 'Ana Lopez', email: 'ana@example.test', accessNeeds: 'Step-free access, please.' });
    const result = $(el, 'register-result')!;
    expect(text(result.querySelector('h2'))).toBe('Check your email');
    expect(text(result)).toContain('We have sent an email to ana@example.test that says whether you have a seat');
    expect(text(result)).toContain('your own link');
    expect($(el, 'register-form')).toBeNull();
    expect(el.shadowRoot!.activeElement).toBe(result.querySelector('h2'));
  });

  it('does not say the email is on its way when it could not be sent, and says how to have it sent again', async () => {
    server(publicCohort(), {
      [REGISTER]: json(
        { detail: 'Thank you. Your registration is saved, but the email could not be sent.', emailSent: false },
        202,
      ),
    });
    const el = await mount();
    fillIn(el, 'Ana Lopez', 'ana@example.test');
    submitForm(el.shadowRoot!, '[data-test="register-form"]');
    await settle(el);

    const result = $(el, 'register-result')!;
    expect(text(result.querySelector('h2'))).toBe('Your registration is saved');
    expect(text(result)).not.toContain('We have sent');
    expect(text(result)).toContain('We could not send the email to ana@example.test');
    expect(text(result)).toContain('register here later with the same email address');
  });

  it('answers the same when every seat is taken: the email says which number on the waitlist', async () => {
    server(publicCohort({ registration: 'waitlist', pools: [{ code: 'open', name: 'Open seats', seatsLeft: 0, waiting: 3 }] }), {
      [REGISTER]: json(
        { detail: 'Thank you. We have sent an email with your place and your own link to the address you gave.' },
        202,
      ),
    });
    const el = await mount();
    expect(text($(el, 'public-pool'))).toBe('No seats left · 3 people waiting');
    expect(text($(el, 'registration-state'))).toMatch(/^Every seat is taken for now, but you are welcome to join the waitlist/);
    expect(text($(el, 'register-submit'))).toBe('Join the waitlist');
    fillIn(el);
    submitForm(el.shadowRoot!, '[data-test="register-form"]');
    await settle(el);

    const result = $(el, 'register-result')!;
    expect(text(result.querySelector('h2'))).toBe('Check your email');
    expect(text(result)).toContain('whether you have a seat or a place on the waitlist');
  });

  it('shows the server’s words when registration is refused', async () => {
    const detail = 'Registration closed on 3 March 2031.';
    server(publicCohort(), { [REGISTER]: problem(409, 'conflict', detail) });
    const el = await mount();
    fillIn(el);
    submitForm(el.shadowRoot!, '[data-test="register-form"]');
    await settle(el);

    expect(text($(el, 'register-problem'))).toBe(detail);
    expect($(el, 'register-problem')!.getAttribute('role')).toBe('alert');
    expect($(el, 'register-result')).toBeNull();
    // what was typed stays
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('[data-test="register-name"]')!.value).toBe('Ana Lopez');
  });

  it('offers a choice of pools when there are several, and sends the chosen one', async () => {
    const api = server(
      publicCohort({
        pools: [
          { code: 'open', name: 'Open seats', seatsLeft: 0, waiting: 2 },
          { code: 'bursary', name: 'Bursary seats', seatsLeft: 2, waiting: 0 },
        ],
      }),
      {
        [REGISTER]: json(
          { detail: 'Thank you. We have sent an email with your place and your own link to the address you gave.' },
          202,
        ),
      },
    );
    const el = await mount();
    expect([...el.shadowRoot!.querySelectorAll('[data-test="public-pool"]')].map(text)).toEqual([
      'Open seats No seats left · 2 people waiting',
      'Bursary seats 2 seats left',
    ]);
    const radios = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('[data-test="register-pool"] input[type="radio"]')];
    expect(radios.map((r) => [r.value, r.checked])).toEqual([
      ['open', false],
      ['bursary', true],
    ]);
    expect(text($(el, 'register-submit'))).toBe('Register');
    tick(radios[0]);
    await settle(el);
    expect(text($(el, 'register-submit'))).toBe('Join the waitlist');

    fillIn(el);
    submitForm(el.shadowRoot!, '[data-test="register-form"]');
    await settle(el);
    expect(api.to(REGISTER)[0].body).toEqual({ name: 'Ana Lopez', email: 'ana@example.test', pool: 'open' });
  });

  it('shows the detail of an unknown pool and of too many registrations', async () => {
    let reply = problem(422, 'rule-violation', "There is no pool 'open' to register in.", {
      errors: [{ field: 'pool', message: "There is no pool 'open' to register in." }],
    });
    server(publicCohort(), { [REGISTER]: () => reply });
    const el = await mount();
    fillIn(el);
    submitForm(el.shadowRoot!, '[data-test="register-form"]');
    await settle(el);
    expect(text($(el, 'register-problem'))).toBe("There is no pool 'open' to register in.");

    reply = problem(429, 'too-many-attempts', 'That is a lot of registrations from one place; try again in a minute.', {
      headers: { 'Retry-After': '42' },
    });
    submitForm(el.shadowRoot!, '[data-test="register-form"]');
    await settle(el);
    expect(text($(el, 'register-problem'))).toBe('That is a lot of registrations from one place; try again in a minute.');
  });

  it('puts the server’s field messages beside the fields', async () => {
    server(publicCohort(), {
      [REGISTER]: problem(400, 'validation', 'One field needs attention: email.', {
        errors: [{ field: 'email', message: 'must be a well-formed email address' }],
      }),
    });
    const el = await mount();
    fillIn(el, 'Ana', 'ana@localhost');
    submitForm(el.shadowRoot!, '[data-test="register-form"]');
    await settle(el);
    const email = el.shadowRoot!.querySelector('#register-email')!;
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(text(el.shadowRoot!.querySelector('#register-email-error'))).toBe('must be a well-formed email address');
    expect($(el, 'register-problem')).toBeNull();
  });

  it('asks for a name and an email before sending anything', async () => {
    const api = server();
    const el = await mount();
    submitForm(el.shadowRoot!, '[data-test="register-form"]');
    await settle(el);
    expect(api.to(REGISTER)).toHaveLength(0);
    expect(text(el.shadowRoot!.querySelector('#register-name-error'))).toBe('Tell us your name.');
    expect(text(el.shadowRoot!.querySelector('#register-email-error'))).toBe('Type the email address we should write to.');
    expect(el.shadowRoot!.activeElement?.id).toBe('register-name');
  });

  it('shows no form, calmly, when registration has not opened yet or has closed', async () => {
    server(publicCohort({ registration: 'not-yet', registrationOpens: '2027-02-01' }));
    let el = await mount();
    expect(text($(el, 'registration-state'))).toBe(
      `Registration hasn't opened yet. It opens on ${formatDate('2027-02-01')}: come back then to register.`,
    );
    expect($(el, 'register-form')).toBeNull();
    expect(text($(el, 'public-pool'))).toBe('5 seats left');
    el.remove();

    server(publicCohort({ registration: 'closed' }));
    el = await mount();
    expect(text($(el, 'registration-state'))).toMatch(/^Registration for this training has closed/);
    expect(text($(el, 'registration-state'))).toContain('Harbour Peer Network can tell you about other dates');
    expect($(el, 'register-form')).toBeNull();
    expect($(el, 'public-pool')).toBeNull();
  });

  it('says "online" for an online cohort, and names the courses it builds on', async () => {
    server(publicCohort({ venueName: null, venueAddress: null, online: true, prerequisites: ['core'] }), courses);
    const el = await mount();
    expect(text($(el, 'register-where'))).toBe('Online');
    const link = el.shadowRoot!.querySelector<HTMLAnchorElement>('a[href="/curricula/core"]');
    expect(text(link)).toBe('IPS Core Training');
  });

  it('explains a link that opens no registration page', async () => {
    fakeApi({});
    const el = await mount();
    expect(text(el.shadowRoot!.querySelector('h1'))).toBe('Registration');
    expect(text(el.shadowRoot!.querySelector('p'))).toMatch(/doesn't open a registration page/);
  });

  it('renders what people typed as text, never as markup', async () => {
    server(publicCohort({ title: '<img src=x onerror="alert(1)">', organisationName: '<b>Org</b>' }));
    const el = await mount();
    expect(el.shadowRoot!.querySelector('img')).toBeNull();
    expect(el.shadowRoot!.querySelector('b')).toBeNull();
    expect(text($(el, 'register-cohort'))).toBe('<img src=x onerror="alert(1)">');
  });
});

describe('<mut-register> for a course that builds on another', () => {
  cleanPageAroundEachTest();

  it('asks for no certificate code when the course builds on nothing', async () => {
    server();
    const el = await mount();
    expect($(el, 'register-certificate-code')).toBeNull();
    expect($(el, 'register-prerequisite')).toBeNull();
  });

  it('names the course needed and offers a certificate code field that can be left empty', async () => {
    const api = server(publicCohort({ prerequisites: ['core'] }), {
      ...courses,
      [REGISTER]: json(
        { detail: 'Thank you. We have sent an email with your place and your own link to the address you gave.' },
        202,
      ),
    });
    const el = await mount();
    expect(text($(el, 'register-needed-course'))).toBe('IPS Core Training');
    expect(text(el.shadowRoot!.querySelector('label[for="register-certificate-code"]'))).toBe(
      'Certificate code for IPS Core Training (optional)',
    );
    expect(text(el.shadowRoot!.querySelector('#register-certificate-code-hint'))).toMatch(
      /Leave it empty if you took IPS Core Training through Mutuality with the same email/,
    );
    fillIn(el);
    submitForm(el.shadowRoot!, '[data-test="register-form"]');
    await settle(el);
    expect(api.to(REGISTER)[0].body).toEqual({ name: 'Ana Lopez', email: 'ana@example.test' });
  });

  it('sends the certificate code typed, and shows the server’s word on it beside the field', async () => {
    const message = 'That code is not a standing certificate for IPS Core Training. Check it, or ask the organisers.';
    const api = server(publicCohort({ prerequisites: ['core'] }), {
      ...courses,
      [REGISTER]: problem(422, 'rule-violation', message, { errors: [{ field: 'certificateCode', message }] }),
    });
    const el = await mount();
    fillIn(el);
    typeInto(el.shadowRoot!, '[data-test="register-certificate-code"]', ' ips-abcde-23456 ');
    submitForm(el.shadowRoot!, '[data-test="register-form"]');
    await settle(el);
    expect(api.to(REGISTER)[0].body).toEqual({
      name: 'Ana Lopez',
      email: 'ana@example.test',
      certificateCode: 'IPS-ABCDE-23456',
    });
    const input = $(el, 'register-certificate-code')!;
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(text(el.shadowRoot!.querySelector('#register-certificate-code-error'))).toBe(message);
    expect(el.shadowRoot!.activeElement).toBe(input);
    expect($(el, 'register-problem')).toBeNull();
    expect($(el, 'register-result')).toBeNull();
  });
});
