import { describe, expect, it, vi } from 'vitest';
import { ApiClient, ApiError } from './client';

function respond(status: number, body: unknown, contentType = 'application/json') {
  return vi.fn(async () =>
    new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': contentType },
    }),
  );
}

describe('ApiClient', () => {
  it('reads JSON from the /api base and asks for JSON', async () => {
    const fetchFn = respond(200, [{ id: 'core', title: 'Core' }]);
    const client = new ApiClient(fetchFn);

    const courses = await client.courses();

    expect(courses).toEqual([{ id: 'core', title: 'Core' }]);
    expect(fetchFn).toHaveBeenCalledWith('/api/courses', expect.objectContaining({ method: 'GET' }));
    const init = fetchFn.mock.calls[0] as unknown as [string, RequestInit];
    expect((init[1].headers as Record<string, string>).Accept).toBe('application/json');
  });

  it('encodes path segments so an id cannot change the path', async () => {
    const fetchFn = respond(200, {});
    await new ApiClient(fetchFn).cohort('org/1', '../x');
    expect((fetchFn.mock.calls[0] as unknown as [string])[0]).toBe('/api/organisations/org%2F1/cohorts/..%2Fx');
  });

  it('sends a body as JSON with a content type', async () => {
    const fetchFn = respond(201, { id: 'c1' });
    await new ApiClient(fetchFn).planCohort('o1', { courseId: 'core', title: 'T', capacity: 4, days: [] });
    const [url, init] = fetchFn.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/organisations/o1/cohorts');
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
    expect(JSON.parse(init.body as string).courseId).toBe('core');
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

    const error = await new ApiClient(fetchFn).courses().catch((e) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.message).toBe('One field needs attention: title.');
    expect(error.fieldMessage('title')).toBe('must not be blank');
    expect(error.fieldMessage('capacity')).toBeUndefined();
  });

  it('still gives a readable error when the body is not JSON', async () => {
    const fetchFn = respond(502, '<html>Bad gateway</html>', 'text/html');
    const error: ApiError = await new ApiClient(fetchFn).courses().catch((e) => e);
    expect(error.status).toBe(502);
    expect(error.problem.type).toBe('about:blank');
  });

  it('reports a lost connection in words', async () => {
    const fetchFn = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const error: ApiError = await new ApiClient(fetchFn).courses().catch((e) => e);
    expect(error.status).toBe(0);
    expect(error.message).toMatch(/could not be reached/);
  });
});
