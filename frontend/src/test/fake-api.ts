/**
 * Test support (not a test itself): a stand-in for the server behind `fetch`, answering by
 * "METHOD /api/path", and remembering every call with its headers and parsed body.
 */
import { vi } from 'vitest';
import type { Membership, SessionView } from '../identity/types';
import { PROBLEM_BASE } from '../shared/api/http';

export interface Call {
  method: string;
  url: string;
  headers: Record<string, string>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed JSON, read freely in tests
  body?: any;
}

export interface Reply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** sent as it is, not as JSON: a CSV or PDF file */
  raw?: string;
}

export type Handler = Reply | ((call: Call) => Reply | Promise<Reply>);

function toResponse(reply: Reply): Response {
  const status = reply.status ?? 200;
  if (reply.raw !== undefined) return new Response(reply.raw, { status, headers: reply.headers });
  if (status === 204 || reply.body === undefined) return new Response(null, { status, headers: reply.headers });
  return new Response(JSON.stringify(reply.body), {
    status,
    headers: { 'Content-Type': 'application/json', ...reply.headers },
  });
}

export function json(body: unknown, status = 200): Reply {
  return { status, body };
}

export const noContent: Reply = { status: 204 };

/** A file answer (CSV, PDF), with the name the server suggests for it. */
export function file(content: string, contentType: string, filename?: string): Reply {
  return {
    status: 200,
    raw: content,
    headers: {
      'Content-Type': contentType,
      ...(filename ? { 'Content-Disposition': `attachment; filename="${filename}"` } : {}),
    },
  };
}

/**
 * Catches the browser downloads a page starts (the hidden link clicked by download.ts): each
 * saved file's name and its blob.
 */
export function catchDownloads(): { name: string; blob: Blob }[] {
  const saved: { name: string; blob: Blob }[] = [];
  const blobs = new Map<string, Blob>();
  let n = 0;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:saved-${++n}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.getAttribute('href') ?? '');
    if (blob) saved.push({ name: this.download, blob });
  });
  return saved;
}

export function problem(
  status: number,
  type: string,
  detail?: string,
  extra: { errors?: { field: string; message: string }[]; headers?: Record<string, string> } = {},
): Reply {
  return {
    status,
    body: { type: PROBLEM_BASE + type, title: type, status, detail, errors: extra.errors },
    headers: { 'Content-Type': 'application/problem+json', ...extra.headers },
  };
}

/** Stubs the global fetch; routes missing from the table answer 404 not-found. */
export function fakeApi(routes: Record<string, Handler>) {
  const calls: Call[] = [];
  const fetchFn = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const method = (init.method ?? 'GET').toUpperCase();
    const url = String(input);
    const call: Call = {
      method,
      url,
      headers: { ...((init.headers as Record<string, string>) ?? {}) },
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    const handler = routes[`${method} ${url}`];
    if (!handler) return toResponse(problem(404, 'not-found', `Nothing at ${method} ${url}`));
    return toResponse(typeof handler === 'function' ? await handler(call) : handler);
  });
  vi.stubGlobal('fetch', fetchFn);
  return {
    fetchFn,
    calls,
    routes,
    /** The calls made to one "METHOD /api/path". */
    to(route: string): Call[] {
      return calls.filter((c) => `${c.method} ${c.url}` === route);
    },
  };
}

/** Lets pending promises and Lit updates run. */
export async function settle(el?: { updateComplete: Promise<boolean> }, rounds = 6): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await el?.updateComplete;
  }
}

export function membership(organisationId: string, organisationName: string, role: Membership['role']): Membership {
  return { organisationId, organisationName, role };
}

export function sessionView(memberships: Membership[], over: Partial<SessionView['account']> = {}): SessionView {
  return {
    account: { id: 'acc-me', email: 'sam@example.test', displayName: 'Sam Rivera', platformAdmin: false, ...over },
    memberships,
    csrfToken: 'csrf-from-body',
  };
}

export function typeInto(root: ParentNode, selector: string, value: string): void {
  const input = root.querySelector<HTMLInputElement>(selector);
  if (!input) throw new Error(`No input ${selector}`);
  input.value = value;
  input.dispatchEvent(new InputEvent('input'));
}

export function submitForm(root: ParentNode, selector = 'form'): void {
  const form = root.querySelector<HTMLFormElement>(selector);
  if (!form) throw new Error(`No form ${selector}`);
  form.dispatchEvent(new Event('submit', { cancelable: true }));
}

export function text(el: Node | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function setCookie(value: string): void {
  document.cookie = value;
}

export function clearCookie(name: string): void {
  document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
}
