/**
 * Test support (not a test itself): a stand-in for the live room's WebSocket server. Each
 * socket the connection opens is kept; tests open it, read what the client sent, and push
 * messages and events back.
 */
import { setDefaultSocketFactory, type SocketFactory, type SocketLike } from '../live/room-connection';
import { clearCookie, setCookie } from './fake-api';
import type { EventDataMap, EventKind, RoomEvent, You } from '../live/protocol';

export class FakeSocket implements SocketLike {
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed JSON, read freely in tests
  readonly sent: any[] = [];
  closedByClient = false;

  constructor(readonly url: string) {}

  send(data: string): void {
    if (this.readyState !== 1) throw new Error('not open');
    this.sent.push(JSON.parse(data));
  }

  close(): void {
    this.closedByClient = true;
    this.readyState = 3;
  }

  /** The server accepts the connection. */
  open(): void {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }

  /** The server sends one message. */
  receive(message: unknown): void {
    this.onmessage?.(new MessageEvent('message', { data: JSON.stringify(message) }));
  }

  /** The connection drops (network gone, server restarted). */
  drop(): void {
    this.readyState = 3;
    this.onclose?.(new CloseEvent('close', { code: 1006 }));
  }

  /** What the client sent of one type. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ofType(type: string): any[] {
    return this.sent.filter((m) => m.type === type);
  }

  get hello() {
    return this.ofType('hello')[0];
  }

  /** Every command after hello. */
  get commands() {
    return this.sent.filter((m) => m.type !== 'hello' && m.type !== 'ping');
  }
}

export function fakeSockets() {
  const sockets: FakeSocket[] = [];
  const factory: SocketFactory = (url) => {
    const socket = new FakeSocket(url);
    sockets.push(socket);
    return socket;
  };
  return {
    factory,
    sockets,
    get last(): FakeSocket {
      const socket = sockets[sockets.length - 1];
      if (!socket) throw new Error('No socket was opened');
      return socket;
    },
  };
}

const BASE = Date.parse('2027-01-04T09:00:00Z');

/** An event at `seq`, `at` defaulting to a minute per seq after 09:00 UTC on 4 Jan 2027. */
export function event<K extends EventKind>(seq: number, kind: K, data: EventDataMap[K], at?: string): RoomEvent {
  return {
    v: 1,
    type: 'event',
    seq,
    at: at ?? new Date(BASE + seq * 60_000).toISOString(),
    kind,
    data,
  } as RoomEvent;
}

export const ana: You = { kind: 'participant', id: 'p-ana', name: 'Ana' };
export const ben: You = { kind: 'participant', id: 'p-ben', name: 'Ben' };
export const sam: You = { kind: 'facilitator', id: 'f-sam', name: 'Sam Rivera' };

/** `now`: the server's clock (ISO instant), which the client corrects its countdowns by. */
export function welcome(you: You, latestSeq = 0, now?: string) {
  return {
    v: 1,
    type: 'welcome',
    you,
    room: { code: 'KMR7TX', cohortTitle: 'Core training, January 2027', dayNumber: 1, closesAt: '2027-01-04T16:30:00Z' },
    latestSeq,
    ...(now ? { now } : {}),
  };
}

export const synced = (seq: number) => ({ v: 1, type: 'synced', seq });
export const ack = (id: string, seqs: number[] = []) => ({ v: 1, type: 'ack', id, seqs });
export const refusal = (code: string, message: string, id?: string) => ({ v: 1, type: 'error', id, code, message });

/** Opens the socket, welcomes `you` (with the server's `now`, if given), sends `events` and says synced. */
export function connectAs(socket: FakeSocket, you: You, events: RoomEvent[] = [], now?: string): void {
  socket.open();
  const latest = events.reduce((m, e) => Math.max(m, e.seq), 0);
  socket.receive(welcome(you, latest, now));
  for (const e of events) socket.receive(e);
  socket.receive(synced(latest));
}

/**
 * A staff page's live room in a test: fresh fake sockets as the connection's factory and the CSRF
 * cookie set (call it in `beforeEach`); {@link closeFakeRoom} undoes both and empties the page.
 */
export function openFakeRoom(): ReturnType<typeof fakeSockets> {
  const fake = fakeSockets();
  setDefaultSocketFactory(fake.factory);
  setCookie('mutuality_csrf=csrf-cookie; path=/');
  return fake;
}

/** Undoes {@link openFakeRoom} (call it in `afterEach`). */
export function closeFakeRoom(): void {
  document.body.innerHTML = '';
  setDefaultSocketFactory(undefined);
  clearCookie('mutuality_csrf');
}
