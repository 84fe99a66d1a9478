import type { FileDownload, Problem } from './types';

/** Every problem type the API answers with starts with this. */
export const PROBLEM_BASE = 'https://mutuality.io/problems/';

/** The cookie that carries the token for unsafe requests, and the header that echoes it. */
export const CSRF_COOKIE = 'mutuality_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';

/** A failed API call, carrying the server's problem details (RFC 9457). */
export class ApiError extends Error {
  constructor(
    readonly problem: Problem,
    /** seconds to wait before trying again, from a Retry-After header */
    readonly retryAfter?: number,
  ) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
  }

  get status(): number {
    return this.problem.status;
  }

  /** True when the problem type is this one, e.g. `is('sign-in-failed')`. */
  is(type: string): boolean {
    return this.problem.type === PROBLEM_BASE + type;
  }

  /** The message for one field, if the server named it. */
  fieldMessage(field: string): string | undefined {
    return this.problem.errors?.find((e) => e.field === field)?.message;
  }
}

/** The value of one cookie readable by scripts, or undefined. */
export function readCookie(name: string, cookies: string = document.cookie): string | undefined {
  for (const part of cookies.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return undefined;
}

/** Seconds from a Retry-After header, which may be a number of seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

type Fetch = typeof fetch;

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface SendOptions {
  body?: unknown;
  /** a participant's token: sent as `Authorization: Bearer …` instead of relying on the session */
  bearer?: string;
  /** sees the headers of a successful answer, e.g. to read Location */
  onHeaders?: (headers: Headers) => void;
}

/**
 * The request core every feature's API module shares: JSON in and out, the session's cookies,
 * the CSRF token echoed on unsafe requests, a participant's bearer token when given, and
 * failures as an ApiError carrying the server's problem details.
 */
export class Http {
  constructor(
    private readonly fetchFn: Fetch = (input, init) => fetch(input, init),
    private readonly base = '/api',
  ) {}

  get<T>(path: string): Promise<T> {
    return this.send('GET', path);
  }

  /** Fetches a file (CSV, PDF) with the session's cookies; a failure carries the server's problem details. */
  async file(path: string, accept: string): Promise<FileDownload> {
    let response: Response;
    try {
      response = await this.fetchFn(this.base + path, {
        method: 'GET',
        headers: { Accept: `${accept}, application/problem+json` },
        credentials: 'same-origin',
      });
    } catch {
      throw noConnection();
    }
    if (!response.ok) {
      throw new ApiError(await readProblem(response), parseRetryAfter(response.headers.get('Retry-After')));
    }
    return { blob: await response.blob(), filename: dispositionFilename(response.headers.get('Content-Disposition')) };
  }

  async send<T>(method: string, path: string, options: SendOptions = {}): Promise<T> {
    const { body, bearer, onHeaders } = options;
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (bearer) {
      headers.Authorization = `Bearer ${bearer}`;
    } else if (UNSAFE.has(method)) {
      const csrf = readCookie(CSRF_COOKIE);
      if (csrf) headers[CSRF_HEADER] = csrf;
    }
    let response: Response;
    try {
      response = await this.fetchFn(this.base + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
      });
    } catch {
      throw noConnection();
    }
    if (!response.ok) {
      throw new ApiError(await readProblem(response), parseRetryAfter(response.headers.get('Retry-After')));
    }
    onHeaders?.(response.headers);
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

function noConnection(): ApiError {
  return new ApiError({
    type: 'about:blank',
    title: 'No connection',
    status: 0,
    detail: 'Mutuality could not be reached. Check the connection and try again.',
  });
}

/**
 * The file name a Content-Disposition header suggests (`attachment; filename="roster.csv"`),
 * kept to a plain name: no folders, no control characters. Undefined when there is none.
 */
export function dispositionFilename(header: string | null): string | undefined {
  if (!header) return undefined;
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(header);
  if (!match) return undefined;
  let name = match[1];
  try {
    name = decodeURIComponent(name);
  } catch {
    // keep it as it came
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is taken out
  name = name.replace(/[\u0000-\u001f\u007f/\\]/g, '').trim();
  return name && name !== '.' && name !== '..' ? name : undefined;
}

/** The last path segment of a URL or path, decoded: the id in a Location header. */
export function lastSegment(location: string | null): string | undefined {
  if (!location) return undefined;
  const path = location.split(/[?#]/)[0].replace(/\/+$/, '');
  const segment = path.slice(path.lastIndexOf('/') + 1);
  if (!segment) return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
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

/** The request core the application uses. */
export const http = new Http();
