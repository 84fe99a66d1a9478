import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MyRegistration } from './types';
import { formatDate, formatInstant } from '../shared/format';
import { sessionStore } from '../identity/session';
import { catchDownloads, fakeApi, file, json, problem, settle, text, type Handler } from '../test/fake-api';
import { deepRoot } from '../test/page';
import { mine } from '../test/registration-fixtures';
import './mut-my-registration';
import type { MutMyRegistration } from './mut-my-registration';

const TOKEN = '3f1c.sig-_x';
const BASE = `/api/public/registrations/${TOKEN}`;

function server(view: MyRegistration, extra: Record<string, Handler> = {}) {
  return fakeApi({ [`GET ${BASE}`]: json(view), ...extra });
}

async function mount(): Promise<MutMyRegistration> {
  const el = document.createElement('mut-my-registration');
  el.token = TOKEN;
  document.body.append(el);
  await settle(el);
  return el;
}

// the confirm steps' buttons live in <mut-confirm>'s own shadow root, so look through it too
const $ = (el: MutMyRegistration, test: string) => deepRoot(el).querySelector<HTMLElement>(`[data-test="${test}"]`);
const click = (el: MutMyRegistration, test: string) => $(el, test)!.click();

/** An offer held until 17:00 in Auckland on 12 Feb 2027. */
const offer = mine({ status: 'OFFERED', offerExpiresAt: '2027-02-12T04:00:00Z', timeZone: 'Pacific/Auckland' });

describe('<mut-my-registration>', () => {
  beforeEach(() => {
    sessionStore.reset();
    localStorage.clear();
  });

  afterEach(() => {
    document.body.innerHTML = '';
    vi.unstubAllGlobals();
  });

  it('says in plain words that the person has a place, and lists the days', async () => {
    server(mine());
    const el = await mount();
    expect(text(el.shadowRoot!.querySelector('h1'))).toBe('Core, spring group');
    expect($(el, 'my-status')!.dataset.status).toBe('CONFIRMED');
    expect(text($(el, 'my-status')!.querySelector('h2'))).toBe('You have a place');
    expect([...el.shadowRoot!.querySelectorAll('[data-test="my-days"] li')].map(text)).toEqual([
      `Day 1: ${formatDate('2027-03-15')}, 09:30–16:30`,
      `Day 2: ${formatDate('2027-03-16')}, 10:00–15:00`,
    ]);
    expect(text(el.shadowRoot!)).toContain('Times are in the Europe/Dublin time zone.');
    expect($(el, 'accept-offer')).toBeNull();
  });

  it('shows an offer with when it is held until, in local time and the cohort’s zone', async () => {
    server(offer);
    const el = await mount();
    expect(text($(el, 'my-status')!.querySelector('h2'))).toBe('A seat has come free for you');
    const held = text($(el, 'offer-held-until'));
    expect(held).toContain(formatInstant('2027-02-12T04:00:00Z'));
    expect(held).toContain(`${formatInstant('2027-02-12T04:00:00Z', 'en-GB', 'Pacific/Auckland')} in Pacific/Auckland`);
    expect(text($(el, 'accept-offer'))).toBe('Take the seat');
    expect(text($(el, 'decline-offer'))).toBe('Let it go to the next person');
  });

  it('takes an offered seat and then shows the place', async () => {
    const api = server(offer, { [`POST ${BASE}/accept`]: json(mine({ timeZone: 'Pacific/Auckland' })) });
    const el = await mount();
    click(el, 'accept-offer');
    await settle(el);

    const [post] = api.to(`POST ${BASE}/accept`);
    expect(post).toBeDefined();
    expect(post.body).toBeUndefined();
    expect($(el, 'my-status')!.dataset.status).toBe('CONFIRMED');
    expect(text($(el, 'my-status')!.querySelector('h2'))).toBe('You have a place');
    expect(text($(el, 'my-announcement'))).toBe('The seat is yours. We look forward to meeting you.');
    expect($(el, 'accept-offer')).toBeNull();
  });

  it('asks before letting an offered seat go, then lets it go', async () => {
    const api = server(offer, { [`POST ${BASE}/decline`]: json(mine({ status: 'DECLINED' })) });
    const el = await mount();
    click(el, 'decline-offer');
    await settle(el);
    expect(api.to(`POST ${BASE}/decline`)).toHaveLength(0);
    expect(deepRoot(el).activeElement).toBe($(el, 'keep-offer'));

    click(el, 'confirm-decline');
    await settle(el);
    expect(api.to(`POST ${BASE}/decline`)).toHaveLength(1);
    expect(text($(el, 'my-status')!.querySelector('h2'))).toBe('You let the offered seat go');
    expect($(el, 'cancel-my-registration')).toBeNull();
  });

  it('shows the server’s words when an offer has lapsed, and where things stand now', async () => {
    let view = offer;
    const detail =
      'This offer has expired and the seat has gone to the next person waiting. You can register again to join the waitlist.';
    const api = server(offer, {
      [`GET ${BASE}`]: () => json(view),
      [`POST ${BASE}/accept`]: () => {
        view = mine({ status: 'EXPIRED' });
        return problem(409, 'conflict', detail);
      },
    });
    const el = await mount();
    click(el, 'accept-offer');
    await settle(el);

    expect(text($(el, 'my-problem'))).toBe(detail);
    expect(api.to(`GET ${BASE}`)).toHaveLength(2);
    expect($(el, 'my-status')!.dataset.status).toBe('EXPIRED');
    expect($(el, 'accept-offer')).toBeNull();
  });

  it('says which number on the waitlist the person is, and cancels only after asking', async () => {
    const api = server(mine({ status: 'WAITLISTED', waitlistPlace: 3 }), {
      [`POST ${BASE}/cancel`]: json(mine({ status: 'CANCELLED' })),
    });
    const el = await mount();
    expect(text($(el, 'my-status')!.querySelector('h2'))).toBe('You are number 3 on the waitlist');

    click(el, 'cancel-my-registration');
    await settle(el);
    expect(api.to(`POST ${BASE}/cancel`)).toHaveLength(0);
    click(el, 'keep-registration');
    await settle(el);
    expect($(el, 'confirm-cancel')).toBeNull();
    expect(deepRoot(el).activeElement).toBe($(el, 'cancel-my-registration'));

    click(el, 'cancel-my-registration');
    await settle(el);
    click(el, 'confirm-cancel');
    await settle(el);
    expect(api.to(`POST ${BASE}/cancel`)).toHaveLength(1);
    expect(text($(el, 'my-status')!.querySelector('h2'))).toBe('Your registration is cancelled');
    expect(text($(el, 'my-announcement'))).toBe('Your registration is cancelled. We have sent you an email to confirm.');
    expect($(el, 'cancel-my-registration')).toBeNull();
  });

  it('explains a link that opens no registration', async () => {
    fakeApi({});
    const el = await mount();
    expect(text(el.shadowRoot!.querySelector('p'))).toMatch(/doesn't open a registration/);
  });
});

describe('<mut-my-registration> and the certificate', () => {
  /** A course that ended in 2024: a certificate may have been issued. */
  const past = mine({
    days: [
      { dayNumber: 1, date: '2024-03-14', startsAt: '09:30:00', endsAt: '16:30:00' },
      { dayNumber: 2, date: '2024-03-15', startsAt: '09:30:00', endsAt: '16:30:00' },
    ],
  });
  const CERTIFICATE = `GET ${BASE}/certificate`;

  beforeEach(() => {
    sessionStore.reset();
    localStorage.clear();
  });

  afterEach(() => {
    document.body.innerHTML = '';
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('offers the certificate to download once there is one, and saves it', async () => {
    const saved = catchDownloads();
    const api = server(past, { [CERTIFICATE]: file('%PDF-1.7 mine', 'application/pdf', 'certificate.pdf') });
    const el = await mount();
    expect(api.to(CERTIFICATE)).toHaveLength(1);
    expect(text($(el, 'my-certificate'))).toBe('Download my certificate');
    click(el, 'my-certificate');
    await settle(el);
    expect(saved.map((s) => s.name)).toEqual(['certificate.pdf']);
    expect(await saved[0].blob.text()).toBe('%PDF-1.7 mine');
    expect(api.to(CERTIFICATE)).toHaveLength(1);
  });

  it('says quietly that there is no certificate yet when there is none', async () => {
    server(past, { [CERTIFICATE]: problem(404, 'not-found', 'No certificate.') });
    const el = await mount();
    expect($(el, 'my-certificate')).toBeNull();
    expect(text($(el, 'my-certificate-none'))).toMatch(/^No certificate yet/);
    expect($(el, 'my-problem')).toBeNull();
    expect(el.shadowRoot!.querySelector('[role="alert"]')).toBeNull();
  });

  it('does not look for a certificate before the course is over, or without a seat', async () => {
    const api = server(mine());
    const el = await mount();
    expect(api.to(CERTIFICATE)).toHaveLength(0);
    expect($(el, 'my-certificate')).toBeNull();
    expect($(el, 'my-certificate-none')).toBeNull();
    el.remove();

    const waiting = server({ ...past, status: 'WAITLISTED', waitlistPlace: 2 });
    await mount();
    expect(waiting.to(CERTIFICATE)).toHaveLength(0);
  });

  it('shows who to reach between the days and the session after the course, when the cohort has them', async () => {
    server(
      mine({
        supportContact: { name: 'Róisín', phone: '+353 1 555 0100', email: null, note: 'Weekdays.' },
        followUp: { date: '2027-04-20', startsAt: '10:00:00', endsAt: '12:00:00', place: 'The Quay Room', note: null },
      }),
    );
    const el = await mount();
    expect(text($(el, 'my-support-contact'))).toBe(
      'If you would like someone to talk to during or between the days: Róisín, +353 1 555 0100. Weekdays.',
    );
    expect(text($(el, 'my-follow-up'))).toContain(`${formatDate('2027-04-20')}, 10:00–12:00, The Quay Room.`);
  });

  it('offers the evaluation once the course ends: any question may be left empty, and it is sent once', async () => {
    const api = server(mine({ evaluation: 'OPEN' }), {
      [`POST ${BASE}/evaluation`]: json(mine({ evaluation: 'ANSWERED' })),
    });
    const el = await mount();
    const form = deepRoot(el);
    const helped = form.querySelector<HTMLTextAreaElement>('[data-test="evaluation-helped"]')!;
    helped.value = '  The pairs practice.  ';
    helped.dispatchEvent(new InputEvent('input'));
    $(el, 'evaluation-send')!.click();
    await settle(el);
    await settle(el);
    expect(api.to(`POST ${BASE}/evaluation`)[0].body).toEqual({ helped: 'The pairs practice.' });
    expect($(el, 'evaluation')).toBeNull();
    expect(text($(el, 'evaluation-answered'))).toBe('Thank you for your answers about the course.');
    expect(text($(el, 'my-announcement'))).toContain('without your name');
  });

  it('does not ask before the course ends', async () => {
    server(mine({ evaluation: 'NOT_OPEN' }));
    const el = await mount();
    expect($(el, 'evaluation')).toBeNull();
    expect($(el, 'evaluation-answered')).toBeNull();
  });
});
