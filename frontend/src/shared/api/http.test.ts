import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, dispositionFilename, parseRetryAfter, readCookie } from './http';
import { apiClients } from '../../test/api-clients';

function respond(status: number, body: unknown, contentType = 'application/json') {
  return vi.fn(
    async () =>
      new Response(typeof body === 'string' ? body : JSON.stringify(body), {
        status,
        headers: { 'Content-Type': contentType },
      }),
  );
}

describe('the API client', () => {
  it('reads JSON from the /api base and asks for JSON', async () => {
    const fetchFn = respond(200, [{ id: 'core', title: 'Core' }]);
    const client = apiClients(fetchFn);

    const courses = await client.courses();

    expect(courses).toEqual([{ id: 'core', title: 'Core' }]);
    expect(fetchFn).toHaveBeenCalledWith('/api/curricula/courses', expect.objectContaining({ method: 'GET' }));
    const init = fetchFn.mock.calls[0] as unknown as [string, RequestInit];
    expect((init[1].headers as Record<string, string>).Accept).toBe('application/json');
  });

  it('encodes path segments so an id cannot change the path', async () => {
    const fetchFn = respond(200, {});
    await apiClients(fetchFn).cohort('org/1', '../x');
    expect((fetchFn.mock.calls[0] as unknown as [string])[0]).toBe('/api/organisations/org%2F1/cohorts/..%2Fx');
  });

  it('opens a practice room with its title, and lists the open ones', async () => {
    const room = {
      code: 'PRX4QT',
      cohortId: null,
      cohortTitle: 'Role-play practice',
      dayNumber: null,
      closesAt: '2027-01-04T16:30:00Z',
      joinPath: '/join/PRX4QT',
    };
    const post = respond(201, room);
    expect(await apiClients(post).openPracticeRoom('org/a', 'Role-play practice')).toEqual(room);
    const [url, init] = post.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/organisations/org%2Fa/practice-rooms');
    expect(init.method).toBe('POST');
    expect(JSON.parse(init.body as string)).toEqual({ title: 'Role-play practice' });

    const get = respond(200, [room]);
    expect(await apiClients(get).practiceRooms('org-a')).toEqual([room]);
    expect(get).toHaveBeenCalledWith('/api/organisations/org-a/practice-rooms', expect.objectContaining({ method: 'GET' }));
  });

  it('sends a body as JSON with a content type', async () => {
    const fetchFn = respond(201, { id: 'c1' });
    await apiClients(fetchFn).planCohort('o1', { courseId: 'core', title: 'T', capacity: 4, days: [] });
    const [url, init] = fetchFn.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/organisations/o1/cohorts');
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
    expect(JSON.parse(init.body as string).courseId).toBe('core');
  });

  it('takes the new cohort’s id from the Location header when the answer has no body', async () => {
    const fetchFn = vi.fn(
      async () =>
        new Response(null, { status: 201, headers: { Location: 'https://x.test/api/organisations/o1/cohorts/c%209/' } }),
    );
    const cohort = await apiClients(fetchFn).planCohort('o1', { courseId: 'core', title: 'T', capacity: 4, days: [] });
    expect(cohort.id).toBe('c 9');
  });

  it('books and unbooks trainers, and reads and records qualifications, at encoded paths', async () => {
    const fetchFn = respond(200, {});
    const client = apiClients(fetchFn);
    await client.bookTrainer('o/1', 'c1', { accountId: 'a1', lead: true });
    await client.unbookTrainer('o1', 'c1', 'a/1');
    await client.qualifications('o1', 'a1');
    await client.recordQualification('o1', 'a1', { kind: 'CORE', evidence: 'IPS-1' });
    await client.cohortCalendar('o1', 'c1');
    await client.myCalendar();
    const seen = (fetchFn.mock.calls as unknown as [string, RequestInit][]).map(([url, init]) => [
      init.method,
      url,
      init.body ? JSON.parse(init.body as string) : undefined,
    ]);
    expect(seen).toEqual([
      ['POST', '/api/organisations/o%2F1/cohorts/c1/trainers', { accountId: 'a1', lead: true }],
      ['DELETE', '/api/organisations/o1/cohorts/c1/trainers/a%2F1', undefined],
      ['GET', '/api/organisations/o1/members/a1/qualifications', undefined],
      ['POST', '/api/organisations/o1/members/a1/qualifications', { kind: 'CORE', evidence: 'IPS-1' }],
      ['GET', '/api/organisations/o1/cohorts/c1/calendar', undefined],
      ['GET', '/api/calendars/mine', undefined],
    ]);
  });

  it("closes a cohort's registration and cancels a cohort, with the reason, at encoded paths", async () => {
    const fetchFn = respond(200, {});
    const client = apiClients(fetchFn);
    await client.closeRegistration('o/1', 'c/1');
    await client.cancelCohort('o1', 'c1', 'The venue has closed.');
    const seen = (fetchFn.mock.calls as unknown as [string, RequestInit][]).map(([url, init]) => [
      init.method,
      url,
      init.body ? JSON.parse(init.body as string) : undefined,
    ]);
    expect(seen).toEqual([
      ['POST', '/api/organisations/o%2F1/cohorts/c%2F1/close', undefined],
      ['POST', '/api/organisations/o1/cohorts/c1/cancel', { reason: 'The venue has closed.' }],
    ]);
  });

  it('turns problem+json into an ApiError with the field messages', async () => {
    const fetchFn = respond(
      400,
      {
        type: 'https://mutuality.io/problems/validation',
        title: 'Some of what was sent is not valid',
        status: 400,
        detail: 'One field needs attention: title.',
        errors: [{ field: 'title', message: 'must not be blank' }],
      },
      'application/problem+json',
    );

    const error = await apiClients(fetchFn)
      .courses()
      .catch((e) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.message).toBe('One field needs attention: title.');
    expect(error.fieldMessage('title')).toBe('must not be blank');
    expect(error.fieldMessage('capacity')).toBeUndefined();
  });

  it('still gives a readable error when the body is not JSON', async () => {
    const fetchFn = respond(502, '<html>Bad gateway</html>', 'text/html');
    const error: ApiError = await apiClients(fetchFn)
      .courses()
      .catch((e) => e);
    expect(error.status).toBe(502);
    expect(error.problem.type).toBe('about:blank');
  });

  it('reports a lost connection in words', async () => {
    const fetchFn = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const error: ApiError = await apiClients(fetchFn)
      .courses()
      .catch((e) => e);
    expect(error.status).toBe(0);
    expect(error.message).toMatch(/could not be reached/);
  });
});

describe('the API client: curricula', () => {
  it.each([
    ['course', (c: ReturnType<typeof apiClients>) => c.course('core'), '/api/curricula/courses/core'],
    ['module', (c: ReturnType<typeof apiClients>) => c.module('core-connection'), '/api/curricula/modules/core-connection'],
    ['scenarios', (c: ReturnType<typeof apiClients>) => c.scenarios(), '/api/curricula/scenarios'],
    ['reframes', (c: ReturnType<typeof apiClients>) => c.reframes(), '/api/curricula/reframes'],
    ['prompts', (c: ReturnType<typeof apiClients>) => c.prompts(), '/api/curricula/prompts'],
    ['lexicon', (c: ReturnType<typeof apiClients>) => c.lexicon(), '/api/curricula/lexicon'],
    ['coverage', (c: ReturnType<typeof apiClients>) => c.coverage(), '/api/curricula/coverage'],
  ])('%s reads with a GET', async (_name, call, url) => {
    const fetchFn = respond(200, { ok: true });
    const answer = await call(apiClients(fetchFn));
    expect(answer).toEqual({ ok: true });
    const [sent, init] = fetchFn.mock.calls[0] as unknown as [string, RequestInit];
    expect(sent).toBe(url);
    expect(init.method).toBe('GET');
  });

  it('encodes course and module ids', async () => {
    const fetchFn = respond(200, {});
    const client = apiClients(fetchFn);
    await client.course('a/b');
    await client.module('../notes');
    expect(fetchFn.mock.calls.map((c) => (c as unknown as [string])[0])).toEqual([
      '/api/curricula/courses/a%2Fb',
      '/api/curricula/modules/..%2Fnotes',
    ]);
  });

  it('reports a module asked for without signing in as a 401', async () => {
    const fetchFn = respond(
      401,
      { type: 'https://mutuality.io/problems/not-signed-in', title: 'Not signed in', status: 401 },
      'application/problem+json',
    );
    const error: ApiError = await apiClients(fetchFn)
      .module('core-connection')
      .catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(401);
    expect(error.is('not-signed-in')).toBe(true);
  });
});

function headersOf(fetchFn: ReturnType<typeof respond>, index = 0): Record<string, string> {
  const [, init] = fetchFn.mock.calls[index] as unknown as [string, RequestInit];
  return init.headers as Record<string, string>;
}

describe('the API client: who is asking', () => {
  afterEach(() => {
    document.cookie = 'mutuality_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  });

  it('echoes the CSRF cookie in a header on every unsafe request', async () => {
    document.cookie = 'other=1; path=/';
    document.cookie = 'mutuality_csrf=tok%3D42; path=/';
    const fetchFn = respond(204, '');
    const client = apiClients(fetchFn);

    await client.signOut();
    await client.changePassword({ currentPassword: 'a', newPassword: 'b' });
    await client.removeMember('o1', 'a1');
    await client.invite('o1', { email: 'x@example.test', role: 'TRAINER' });

    expect(fetchFn.mock.calls.map((c) => (c as unknown as [string, RequestInit])[1].method)).toEqual([
      'DELETE',
      'PUT',
      'DELETE',
      'POST',
    ]);
    for (let i = 0; i < 4; i++) expect(headersOf(fetchFn, i)['X-CSRF-Token']).toBe('tok=42');
  });

  it('sends no CSRF header on a GET', async () => {
    document.cookie = 'mutuality_csrf=abc; path=/';
    const fetchFn = respond(200, []);
    await apiClients(fetchFn).members('o1');
    expect(headersOf(fetchFn)['X-CSRF-Token']).toBeUndefined();
  });

  it('sends no CSRF header when there is no cookie', async () => {
    const fetchFn = respond(200, {});
    await apiClients(fetchFn).signIn({ email: 'a@b.c', password: 'pw' });
    expect(headersOf(fetchFn)).not.toHaveProperty('X-CSRF-Token');
  });

  it('sends the participant token as a bearer header, without the CSRF header', async () => {
    document.cookie = 'mutuality_csrf=abc; path=/';
    const fetchFn = respond(200, { notes: [] });
    const client = apiClients(fetchFn);

    const exported = await client.exportContributions('p-token');
    expect(exported).toEqual({ notes: [] });
    expect((fetchFn.mock.calls[0] as unknown as [string])[0]).toBe('/api/participant/export');
    expect(headersOf(fetchFn, 0).Authorization).toBe('Bearer p-token');

    const erase = respond(204, '');
    await apiClients(erase).eraseParticipant('p-token');
    const [url, init] = erase.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/participant');
    expect(init.method).toBe('DELETE');
    expect(headersOf(erase).Authorization).toBe('Bearer p-token');
    expect(headersOf(erase)['X-CSRF-Token']).toBeUndefined();
  });

  it('sends no Authorization header on the session calls', async () => {
    const fetchFn = respond(200, {});
    await apiClients(fetchFn).session();
    expect(headersOf(fetchFn).Authorization).toBeUndefined();
  });
});

describe('the API client: the new endpoints', () => {
  it('joins a room with the optional email and device token only when given', async () => {
    const fetchFn = respond(201, { token: 't' });
    const client = apiClients(fetchFn);
    await client.joinRoom('KMR7TX', 'Ana');
    await client.joinRoom('KMR7TX', 'Ana', { email: 'ana@example.test', deviceToken: 'dev-1' });
    const bodies = fetchFn.mock.calls.map((c) => JSON.parse((c as unknown as [string, RequestInit])[1].body as string));
    expect(bodies).toEqual([{ displayName: 'Ana' }, { displayName: 'Ana', email: 'ana@example.test', deviceToken: 'dev-1' }]);
  });

  it('addresses members, invitations and the audit log under the organisation', async () => {
    const fetchFn = respond(200, {});
    const client = apiClients(fetchFn);
    await client.changeRole('o 1', 'a/1', 'ORG_ADMIN');
    await client.withdrawInvitation('o1', 'i1');
    await client.audit('o1');
    await client.invitation('tok/en');
    await client.acceptInvitation('tok', { password: 'pw' });
    const urls = fetchFn.mock.calls.map((c) => (c as unknown as [string])[0]);
    expect(urls).toEqual([
      '/api/organisations/o%201/members/a%2F1',
      '/api/organisations/o1/invitations/i1',
      '/api/organisations/o1/audit',
      '/api/invitations/tok%2Fen',
      '/api/invitations/tok/accept',
    ]);
    const put = fetchFn.mock.calls[0] as unknown as [string, RequestInit];
    expect(put[1].method).toBe('PUT');
    expect(JSON.parse(put[1].body as string)).toEqual({ role: 'ORG_ADMIN' });
  });

  it('knows a problem by its type and reads Retry-After in seconds', async () => {
    const fetchFn = vi.fn(
      async () =>
        new Response(
          JSON.stringify({ type: 'https://mutuality.io/problems/too-many-attempts', title: 'Too many', status: 429 }),
          { status: 429, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '120' } },
        ),
    );
    const error: ApiError = await apiClients(fetchFn)
      .signIn({ email: 'a', password: 'b' })
      .catch((e) => e);
    expect(error.is('too-many-attempts')).toBe(true);
    expect(error.is('sign-in-failed')).toBe(false);
    expect(error.retryAfter).toBe(120);
  });
});

describe('cookies and Retry-After', () => {
  it('reads one cookie among several', () => {
    expect(readCookie('mutuality_csrf', 'a=1; mutuality_csrf=x%20y; b=2')).toBe('x y');
    expect(readCookie('mutuality_csrf', 'a=1; not_mutuality_csrf=2')).toBeUndefined();
    expect(readCookie('mutuality_csrf', '')).toBeUndefined();
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(parseRetryAfter('30')).toBe(30);
    expect(parseRetryAfter(new Date(1_000_000 + 90_000).toUTCString(), 1_000_000)).toBe(90);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});

describe('the API client files and certificates', () => {
  it('fetches a file with the session, asking for its type or a problem, with the name the server suggests', async () => {
    const fetchFn = vi.fn(
      async () =>
        new Response('%PDF-1.7', {
          status: 200,
          headers: {
            'Content-Type': 'application/pdf',
            'Content-Disposition': 'attachment; filename="certificate-IPS-ABCDE-23456.pdf"',
          },
        }),
    );
    const file = await apiClients(fetchFn).certificatePdf('org/a', 'IPS-ABCDE-23456');
    const [url, init] = fetchFn.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/organisations/org%2Fa/completion/certificates/IPS-ABCDE-23456/pdf');
    expect(init.credentials).toBe('same-origin');
    expect((init.headers as Record<string, string>).Accept).toBe('application/pdf, application/problem+json');
    expect(file.filename).toBe('certificate-IPS-ABCDE-23456.pdf');
    expect(await file.blob.text()).toBe('%PDF-1.7');
  });

  it('turns a failed file fetch into the server’s problem', async () => {
    const fetchFn = respond(
      404,
      { type: 'https://mutuality.io/problems/not-found', title: 'Not found', status: 404, detail: 'No room.' },
      'application/problem+json',
    );
    const error = await apiClients(fetchFn)
      .attendanceCsv('org-a', 'c1', 2)
      .catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(404);
    expect(error.message).toBe('No room.');
    expect((fetchFn.mock.calls[0] as unknown as [string])[0]).toBe(
      '/api/organisations/org-a/cohorts/c1/days/2/attendance/export',
    );
  });

  it('reads a plain file name from Content-Disposition, never a folder', () => {
    expect(dispositionFilename('attachment; filename="roster.csv"')).toBe('roster.csv');
    expect(dispositionFilename("attachment; filename*=UTF-8''r%C3%B3ster.csv")).toBe('róster.csv');
    expect(dispositionFilename('attachment; filename="../../etc/passwd"')).toBe('....etcpasswd');
    expect(dispositionFilename('attachment')).toBeUndefined();
    expect(dispositionFilename(null)).toBeUndefined();
  });

  it('sends completion, rule, import and interest requests to their paths', async () => {
    const fetchFn = respond(200, {});
    const client = apiClients(fetchFn);
    await client.markAttendance('org-a', 'c1', 'r/1', 2, { minutesMissed: 30 });
    await client.setCompletionRule('org-a', 'core', { mustAttendDays: [1], maxMinutesMissed: 210, otherwise: 'MAKE_UP' });
    await client.importRegistrations('org-a', 'c1', { csv: 'name,email', dryRun: true });
    await client.verifyCertificate('IPS ABC');
    await client.registerInterest('org-a', { courseId: 'core', place: 'Galway', name: 'Ana', email: 'ana@example.test' });
    await client.inviteInterested('org-a', { courseId: 'core', place: 'Galway', cohortId: 'c1' });
    const sent = (fetchFn.mock.calls as unknown as [string, RequestInit][]).map(([url, init]) => `${init.method} ${url}`);
    expect(sent).toEqual([
      'PUT /api/organisations/org-a/cohorts/c1/completion/r%2F1/days/2',
      'PUT /api/organisations/org-a/completion/rules/core',
      'POST /api/organisations/org-a/cohorts/c1/registrations/import',
      'GET /api/public/certificates/IPS%20ABC',
      'POST /api/public/organisations/org-a/interest',
      'POST /api/organisations/org-a/interest/invite',
    ]);
  });
});
