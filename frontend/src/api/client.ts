import type { Cohort, Course, Organisation, PlanCohortRequest, Problem } from './types';

/** A failed API call, carrying the server's problem details (RFC 9457). */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
  }

  get status(): number {
    return this.problem.status;
  }

  /** The message for one field, if the server named it. */
  fieldMessage(field: string): string | undefined {
    return this.problem.errors?.find((e) => e.field === field)?.message;
  }
}

type Fetch = typeof fetch;

/** A typed client for the Mutuality REST API under /api. */
export class ApiClient {
  constructor(
    private readonly fetchFn: Fetch = (input, init) => fetch(input, init),
    private readonly base = '/api',
  ) {}

  courses(): Promise<Course[]> {
    return this.get('/courses');
  }

  course(id: string): Promise<Course> {
    return this.get(`/courses/${encodeURIComponent(id)}`);
  }

  organisations(): Promise<Organisation[]> {
    return this.get('/organisations');
  }

  cohorts(organisationId: string): Promise<Cohort[]> {
    return this.get(`/organisations/${encodeURIComponent(organisationId)}/cohorts`);
  }

  cohort(organisationId: string, cohortId: string): Promise<Cohort> {
    return this.get(
      `/organisations/${encodeURIComponent(organisationId)}/cohorts/${encodeURIComponent(cohortId)}`,
    );
  }

  planCohort(organisationId: string, request: PlanCohortRequest): Promise<Cohort> {
    return this.send('POST', `/organisations/${encodeURIComponent(organisationId)}/cohorts`, request);
  }

  /**
   * Asks to join the live room with this code. Rooms are opened by a trainer on the day;
   * an unknown or closed code answers 404.
   */
  joinRoom(code: string, displayName: string): Promise<{ roomCode: string; token: string }> {
    return this.send('POST', `/rooms/${encodeURIComponent(code)}/participants`, { displayName });
  }

  private get<T>(path: string): Promise<T> {
    return this.send('GET', path);
  }

  private async send<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await this.fetchFn(this.base + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
      });
    } catch {
      throw new ApiError({
        type: 'about:blank',
        title: 'No connection',
        status: 0,
        detail: 'Mutuality could not be reached. Check the connection and try again.',
      });
    }
    if (!response.ok) throw new ApiError(await readProblem(response));
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }
}

async function readProblem(response: Response): Promise<Problem> {
  const fallback: Problem = {
    type: 'about:blank',
    title: response.statusText || 'Request failed',
    status: response.status,
  };
  const contentType = response.headers.get('Content-Type') ?? '';
  if (!contentType.includes('json')) return fallback;
  try {
    const body = (await response.json()) as Partial<Problem>;
    return { ...fallback, ...body, status: response.status };
  } catch {
    return fallback;
  }
}

export const api = new ApiClient();
