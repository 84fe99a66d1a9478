/**
 * The plumbing under a room connection: the socket it talks through (a fake in tests), the
 * refusal it reports, the backoff between attempts, the room's address, command ids and the
 * browser's network signals. room-connection.ts re-exports all of it.
 */
import type { ErrorCode } from './protocol';

/** The part of a WebSocket this connection uses, so tests can hand it a fake. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
}

export type SocketFactory = (url: string) => SocketLike;

/** WebSocket.OPEN, without needing WebSocket to exist. */
export const OPEN = 1;

/** The browser's own WebSocket. */
export const browserSocket: SocketFactory = (url) => new WebSocket(url) as unknown as SocketLike;

let defaultFactory: SocketFactory = browserSocket;

/** Which sockets new connections use unless told otherwise (tests swap in a fake). */
export function setDefaultSocketFactory(factory: SocketFactory | undefined): void {
  defaultFactory = factory ?? browserSocket;
}

export function getDefaultSocketFactory(): SocketFactory {
  return defaultFactory;
}

/**
 * - connecting: the first attempt, until the server says welcome
 * - live: welcomed; events arrive as they happen (once `synced` is true, the catch-up is done)
 * - reconnecting: the connection dropped (or never opened); trying again with backoff
 * - closed-removed: a facilitator asked this person to step out; no more attempts
 * - closed-unauthorised: the server does not recognise this person for this room (token gone)
 * - ended: the day has ended (or the room closed); no more attempts
 * - closed: this side closed it
 */
export type ConnectionStatus =
  'connecting' | 'live' | 'reconnecting' | 'closed-removed' | 'closed-unauthorised' | 'ended' | 'closed';

/** A command the server refused (or that could not be sent), with the protocol's code. */
export class RoomCommandError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly id?: string,
  ) {
    super(message || code);
    this.name = 'RoomCommandError';
  }
}

/** The wait before reconnect attempt `n` (0-based): 1 s, 2 s, 4 s, 8 s, then 15 s. */
export function backoffDelay(attempt: number, baseMs = 1000, maxMs = 15000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
}

/** ws(s)://this host/ws/rooms/CODE */
export function roomSocketUrl(code: string, location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/ws/rooms/${encodeURIComponent(code)}`;
}

/** A fresh command id: a UUID where the browser offers one, else 32 random hex digits. */
export function newCommandId(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** What the browser says about the network: whether it is on line, and events when that changes. */
export interface NetworkSignals {
  readonly onLine: boolean;
  addEventListener(type: 'online' | 'offline', listener: () => void): void;
  removeEventListener(type: 'online' | 'offline', listener: () => void): void;
}

/** The browser's own signals (none outside a browser). */
export function browserNetwork(): NetworkSignals | undefined {
  if (typeof window === 'undefined' || typeof navigator === 'undefined') return undefined;
  return {
    get onLine() {
      return navigator.onLine !== false;
    },
    addEventListener: (type, listener) => window.addEventListener(type, listener),
    removeEventListener: (type, listener) => window.removeEventListener(type, listener),
  };
}

/** How to open a room connection; only the room's code is needed. */
export interface RoomConnectionOptions {
  code: string;
  /** a participant's token; staff leave it out */
  token?: string;
  socketFactory?: SocketFactory;
  /** defaults to ws(s)://this host/ws/rooms/CODE */
  url?: string;
  newId?: () => string;
  /** how often to ask the server for a pong while live, in ms; 0 never (default 45 s) */
  heartbeatMs?: number;
  /** how long to wait for any message after a ping before treating the connection as lost (default 15 s) */
  heartbeatTimeoutMs?: number;
  /** ms before the first reconnect attempt; doubles up to maxBackoffMs */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** this device's clock (ms), read when the welcome arrives to learn the offset to the server's */
  clock?: () => number;
  /**
   * The browser's online/offline signals: going offline drops the connection at once (so the
   * person sees it straight away, not after a heartbeat), coming back tries again at once.
   * Defaults to the browser's; null ignores them.
   */
  network?: NetworkSignals | null;
}
