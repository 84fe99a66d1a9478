import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ack, ana, connectAs, event, fakeSockets, refusal, sam, synced, welcome } from '../test/fake-socket';
import { parseServerMessage } from './protocol';
import { RoomCommandError, RoomConnection, backoffDelay, newCommandId, roomSocketUrl } from './room-connection';

function counter(prefix = 'id') {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

function connection(over: Partial<ConstructorParameters<typeof RoomConnection>[0]> = {}) {
  const fake = fakeSockets();
  const conn = new RoomConnection({
    code: 'KMR7TX',
    token: 'participant-token',
    socketFactory: fake.factory,
    url: 'ws://test/ws/rooms/KMR7TX',
    newId: counter(),
    heartbeatMs: 0,
    ...over,
  });
  return { conn, fake };
}

const joinedAna = (seq: number) => event(seq, 'presence.joined', { participantId: 'p-ana', name: 'Ana', role: 'participant' });
const note = (seq: number, text: string) => event(seq, 'note.shared', { text, by: 'Sam Rivera' });

describe('RoomConnection', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('says hello first, with the token and lastSeq 0', () => {
    const { conn, fake } = connection();
    conn.connect();
    expect(conn.status).toBe('connecting');
    expect(fake.last.url).toBe('ws://test/ws/rooms/KMR7TX');
    fake.last.open();
    expect(fake.last.sent).toEqual([{ v: 1, type: 'hello', id: 'id-1', token: 'participant-token', lastSeq: 0 }]);
  });

  it('staff send no token: their session cookie speaks for them', () => {
    const { conn, fake } = connection({ token: undefined });
    conn.connect();
    fake.last.open();
    expect(fake.last.hello).not.toHaveProperty('token');
  });

  it('is live after welcome, synced after the catch-up, and folds the events in', () => {
    const { conn, fake } = connection();
    const seen: string[] = [];
    conn.subscribe((c) => seen.push(c.status));
    conn.connect();
    fake.last.open();
    fake.last.receive(welcome(ana, 2));
    expect(conn.status).toBe('live');
    expect(conn.synced).toBe(false);
    fake.last.receive(joinedAna(1));
    fake.last.receive(note(2, 'Back at 11:15.'));
    fake.last.receive(synced(2));
    expect(conn.synced).toBe(true);
    expect(conn.state.me).toEqual(ana);
    expect(conn.state.room?.code).toBe('KMR7TX');
    expect(conn.state.notes.map((n) => n.text)).toEqual(['Back at 11:15.']);
    expect(conn.lastSeq).toBe(2);
    expect(seen).toContain('live');
  });

  it('applies each event once, ignoring duplicates and older ones', () => {
    const { conn, fake } = connection();
    conn.connect();
    connectAs(fake.last, ana, [note(1, 'one'), note(2, 'two')]);
    fake.last.receive(note(2, 'two'));
    fake.last.receive(note(1, 'one'));
    fake.last.receive(note(3, 'three'));
    expect(conn.state.notes.map((n) => n.text)).toEqual(['one', 'two', 'three']);
  });

  it('ignores what it cannot read', () => {
    const { conn, fake } = connection();
    conn.connect();
    connectAs(fake.last, ana);
    fake.last.onmessage?.(new MessageEvent('message', { data: 'not json' }));
    fake.last.receive({ v: 1, type: 'event', seq: 5, at: '2027-01-04T10:00:00Z', kind: 'something.new', data: {} });
    fake.last.receive({ v: 2, type: 'event', seq: 6, at: '2027-01-04T10:00:00Z', kind: 'day.ended', data: {} });
    expect(conn.lastSeq).toBe(0);
    expect(conn.status).toBe('live');
  });

  describe('after a dropped connection', () => {
    it('reconnects with backoff: 1 s, 2 s, 4 s … at most 15 s', () => {
      expect([0, 1, 2, 3, 4, 5, 9].map((n) => backoffDelay(n))).toEqual([1000, 2000, 4000, 8000, 15000, 15000, 15000]);
      const { conn, fake } = connection();
      conn.connect();
      connectAs(fake.last, ana);
      fake.last.drop();
      expect(conn.status).toBe('reconnecting');
      expect(fake.sockets).toHaveLength(1);
      vi.advanceTimersByTime(999);
      expect(fake.sockets).toHaveLength(1);
      vi.advanceTimersByTime(1);
      expect(fake.sockets).toHaveLength(2);
      fake.last.drop(); // never opened
      vi.advanceTimersByTime(1999);
      expect(fake.sockets).toHaveLength(2);
      vi.advanceTimersByTime(1);
      expect(fake.sockets).toHaveLength(3);
      fake.last.drop();
      vi.advanceTimersByTime(4000);
      expect(fake.sockets).toHaveLength(4);
      for (let i = 0; i < 4; i++) {
        fake.last.drop();
        vi.advanceTimersByTime(15000);
      }
      expect(fake.sockets).toHaveLength(8);
      // a welcome starts the waits from 1 s again
      connectAs(fake.last, ana);
      fake.last.drop();
      vi.advanceTimersByTime(1000);
      expect(fake.sockets).toHaveLength(9);
    });

    it('asks only for what it missed and delivers only that', () => {
      const { conn, fake } = connection();
      const notes: string[][] = [];
      conn.subscribe((c) => notes.push(c.state.notes.map((n) => n.text)));
      conn.connect();
      connectAs(fake.last, ana, [joinedAna(1), note(2, 'Back at 11:15.')]);
      fake.last.receive(note(3, 'Pairs now.'));
      fake.last.drop();
      vi.advanceTimersByTime(1000);

      const again = fake.last;
      again.open();
      expect(again.hello).toMatchObject({ type: 'hello', lastSeq: 3, token: 'participant-token' });
      again.receive(welcome(ana, 5));
      // a server that repeats one we had is harmless
      again.receive(note(3, 'Pairs now.'));
      again.receive(note(4, 'Water is in the kitchen.'));
      again.receive(note(5, 'Back in the circle.'));
      again.receive(synced(5));

      expect(conn.state.notes.map((n) => n.text)).toEqual([
        'Back at 11:15.',
        'Pairs now.',
        'Water is in the kitchen.',
        'Back in the circle.',
      ]);
      expect(conn.status).toBe('live');
    });

    it('sends each hello with a fresh id', () => {
      const { conn, fake } = connection();
      conn.connect();
      connectAs(fake.last, ana);
      fake.last.drop();
      vi.advanceTimersByTime(1000);
      fake.last.open();
      expect(fake.sockets[0].hello.id).not.toBe(fake.sockets[1].hello.id);
    });

    it('"try now" skips the wait', () => {
      const { conn, fake } = connection();
      conn.connect();
      connectAs(fake.last, ana);
      fake.last.drop();
      conn.retryNow();
      expect(fake.sockets).toHaveLength(2);
      vi.advanceTimersByTime(1000);
      expect(fake.sockets).toHaveLength(2);
    });
  });

  describe('commands', () => {
    it('resolves on ack with the new seqs', async () => {
      const { conn, fake } = connection();
      conn.connect();
      connectAs(fake.last, ana);
      const answered = conn.send({ type: 'checkin.answer', checkinId: 'k1', word: 'curious', energy: 4 });
      const [sent] = fake.last.commands;
      expect(sent).toEqual({ v: 1, type: 'checkin.answer', id: 'id-2', checkinId: 'k1', word: 'curious', energy: 4 });
      expect(conn.pendingCount).toBe(1);
      fake.last.receive(ack(sent.id, [13]));
      await expect(answered).resolves.toMatchObject({ id: 'id-2', seqs: [13] });
      expect(conn.pendingCount).toBe(0);
    });

    it('rejects with the error code and message', async () => {
      const { conn, fake } = connection();
      conn.connect();
      connectAs(fake.last, ana);
      const start = conn.send({ type: 'checkin.start', prompt: 'How do you arrive?', visibility: 'everyone' });
      const [sent] = fake.last.commands;
      fake.last.receive(refusal('not-allowed', 'Only facilitators can start a check-in.', sent.id));
      const error = await start.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RoomCommandError);
      expect(error).toMatchObject({ code: 'not-allowed', message: 'Only facilitators can start a check-in.', id: sent.id });
      expect(conn.pendingCount).toBe(0);
      expect(conn.status).toBe('live');
    });

    it('keeps a refusal that names no command as the last problem', () => {
      const { conn, fake } = connection();
      conn.connect();
      connectAs(fake.last, ana);
      fake.last.receive(refusal('too-large', 'That message is too large.'));
      expect(conn.lastProblem).toMatchObject({ code: 'too-large' });
      expect(conn.status).toBe('live');
    });

    it('waits while disconnected, then sends after welcome', async () => {
      const { conn, fake } = connection();
      conn.connect();
      const journal = conn.send({ type: 'journal.write', text: 'Noticed how quickly I wanted to fix it.' });
      fake.last.open();
      expect(fake.last.commands).toEqual([]);
      fake.last.receive(welcome(ana));
      const [sent] = fake.last.commands;
      expect(sent).toMatchObject({ type: 'journal.write', text: 'Noticed how quickly I wanted to fix it.' });
      fake.last.receive(ack(sent.id, [1]));
      await expect(journal).resolves.toBeTruthy();
    });

    it('resends an unanswered command after reconnecting, with the same id', async () => {
      const { conn, fake } = connection();
      conn.connect();
      connectAs(fake.last, ana);
      const pass = conn.send({ type: 'checkin.pass', checkinId: 'k1' });
      const first = fake.last.commands[0];
      fake.last.drop(); // no ack: did it arrive?

      vi.advanceTimersByTime(1000);
      const again = fake.last;
      again.open();
      expect(again.commands).toEqual([]); // not before welcome
      again.receive(welcome(ana, 1));
      expect(again.commands).toEqual([first]);
      expect(again.commands[0].id).toBe(first.id);
      // the server had stored it: the event comes in the catch-up, and the repeated id gets the first answer
      again.receive(event(1, 'checkin.passed', { checkinId: 'k1' }));
      again.receive(synced(1));
      again.receive(ack(first.id, [1]));
      await expect(pass).resolves.toMatchObject({ id: first.id, seqs: [1] });
      expect(conn.pendingCount).toBe(0);
    });

    it('resends several in the order they were given', () => {
      const { conn, fake } = connection({ token: undefined });
      conn.connect();
      connectAs(fake.last, sam);
      conn.send({ type: 'timer.set', seconds: 600, label: 'Pairs' });
      conn.send({ type: 'note.share', text: 'Back at 11:15.' });
      const ids = fake.last.commands.map((c) => c.id);
      fake.last.receive(ack(ids[0], [4]));
      fake.last.drop();
      vi.advanceTimersByTime(1000);
      connectAs(fake.last, sam);
      expect(fake.last.commands.map((c) => c.id)).toEqual([ids[1]]);
    });

    it('a hello refused as removed stops trying and refuses what waits', async () => {
      const { conn, fake } = connection();
      conn.connect();
      const waiting = conn.send({ type: 'journal.write', text: 'hello' });
      fake.last.open();
      fake.last.receive(refusal('removed', 'You have been asked to step out.', fake.last.hello.id));
      expect(conn.status).toBe('closed-removed');
      await expect(waiting).rejects.toMatchObject({ code: 'removed' });
      vi.advanceTimersByTime(60_000);
      expect(fake.sockets).toHaveLength(1);
      await expect(conn.send({ type: 'journal.write', text: 'again' })).rejects.toMatchObject({ code: 'removed' });
    });

    it('a hello refused as unauthorised stops trying', () => {
      const { conn, fake } = connection();
      conn.connect();
      fake.last.open();
      fake.last.receive(refusal('unauthorised', 'Token not recognised.', fake.last.hello.id));
      expect(conn.status).toBe('closed-unauthorised');
      vi.advanceTimersByTime(60_000);
      expect(fake.sockets).toHaveLength(1);
    });

    it('a hello refused for now (rate-limited) tries again after the wait', () => {
      const { conn, fake } = connection();
      conn.connect();
      fake.last.open();
      fake.last.receive(refusal('rate-limited', 'Slow down.', fake.last.hello.id));
      expect(conn.status).toBe('reconnecting');
      expect(fake.last.closedByClient).toBe(true);
      vi.advanceTimersByTime(1000);
      expect(fake.sockets).toHaveLength(2);
    });

    it('a closed room ends it', () => {
      const { conn, fake } = connection();
      conn.connect();
      fake.last.open();
      fake.last.receive(refusal('room-closed', 'This room has closed.'));
      expect(conn.status).toBe('ended');
    });
  });

  it('being removed while live closes the connection for good', () => {
    const { conn, fake } = connection();
    conn.connect();
    connectAs(fake.last, ana, [joinedAna(1)]);
    const socket = fake.last;
    socket.receive(event(2, 'participant.removed', { participantId: 'p-ana' }));
    expect(conn.status).toBe('closed-removed');
    expect(socket.closedByClient).toBe(true);
    vi.advanceTimersByTime(60_000);
    expect(fake.sockets).toHaveLength(1);
  });

  it('someone else being removed changes nothing about my connection', () => {
    const { conn, fake } = connection();
    conn.connect();
    connectAs(fake.last, ana);
    fake.last.receive(event(1, 'participant.removed', { participantId: 'p-ben' }));
    expect(conn.status).toBe('live');
  });

  it('after being let back in, "come back" welcomes me again', () => {
    const { conn, fake } = connection();
    conn.connect();
    connectAs(fake.last, ana, [joinedAna(1)]);
    fake.last.receive(event(2, 'participant.removed', { participantId: 'p-ana' }));
    conn.retryNow();
    fake.last.open();
    expect(fake.last.hello.lastSeq).toBe(2);
    fake.last.receive(welcome(ana, 3));
    fake.last.receive(joinedAna(3));
    fake.last.receive(synced(3));
    expect(conn.status).toBe('live');
  });

  it('a fresh page after being let back in is not fooled by the old removal', () => {
    const { conn, fake } = connection();
    conn.connect();
    connectAs(fake.last, ana, [joinedAna(1), event(2, 'participant.removed', { participantId: 'p-ana' }), joinedAna(3)]);
    expect(conn.status).toBe('live');
  });

  it('the day ending ends the connection', () => {
    const { conn, fake } = connection();
    conn.connect();
    connectAs(fake.last, ana);
    fake.last.receive(event(1, 'day.ended', {}));
    expect(conn.status).toBe('ended');
    expect(conn.state.ended).toBe(true);
    vi.advanceTimersByTime(60_000);
    expect(fake.sockets).toHaveLength(1);
  });

  it('close() stops for good', async () => {
    const { conn, fake } = connection();
    conn.connect();
    connectAs(fake.last, ana);
    const waiting = conn.send({ type: 'ping' });
    conn.close();
    await expect(waiting).rejects.toBeInstanceOf(RoomCommandError);
    expect(conn.status).toBe('closed');
    expect(fake.last.closedByClient).toBe(true);
    vi.advanceTimersByTime(60_000);
    expect(fake.sockets).toHaveLength(1);
  });

  it('pings while live and reconnects when nothing answers', () => {
    const { conn, fake } = connection({ heartbeatMs: 45_000, heartbeatTimeoutMs: 15_000 });
    conn.connect();
    connectAs(fake.last, ana);
    vi.advanceTimersByTime(45_000);
    expect(fake.last.ofType('ping')).toHaveLength(1);
    fake.last.receive({ v: 1, type: 'pong', id: fake.last.ofType('ping')[0].id });
    vi.advanceTimersByTime(15_000);
    expect(conn.status).toBe('live');
    vi.advanceTimersByTime(30_000);
    expect(fake.last.ofType('ping')).toHaveLength(2);
    vi.advanceTimersByTime(15_000);
    expect(conn.status).toBe('reconnecting');
    vi.advanceTimersByTime(1000);
    expect(fake.sockets).toHaveLength(2);
  });
});

/** A stand-in for the browser's online/offline signals. */
function fakeNetwork() {
  const target = new EventTarget();
  const net = {
    onLine: true,
    addEventListener: (type: 'online' | 'offline', l: () => void) => target.addEventListener(type, l),
    removeEventListener: (type: 'online' | 'offline', l: () => void) => target.removeEventListener(type, l),
    go(online: boolean) {
      net.onLine = online;
      target.dispatchEvent(new Event(online ? 'online' : 'offline'));
    },
  };
  return net;
}

describe('RoomConnection, when the network goes', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('says so the moment the browser goes offline, keeps what is waiting, and sends it on return', async () => {
    const network = fakeNetwork();
    const { conn, fake } = connection({ network });
    conn.connect();
    connectAs(fake.last, ana);
    const first = fake.last;
    network.go(false);
    expect(conn.status).toBe('reconnecting');
    expect(conn.offline).toBe(true);
    expect(first.closedByClient).toBe(true);
    const sent = conn.send({ type: 'journal.write', text: 'written offline' });
    expect(conn.pendingCount).toBe(1);
    network.go(true);
    expect(fake.sockets).toHaveLength(2); // straight away, not after the backoff
    expect(conn.offline).toBe(false);
    connectAs(fake.last, ana);
    const resent = fake.last.ofType('journal.write');
    expect(resent).toHaveLength(1);
    fake.last.receive(ack(resent[0].id, [2]));
    await expect(sent).resolves.toMatchObject({ type: 'ack' });
  });

  it('starts offline when the browser already is, and stops listening once closed', () => {
    const network = fakeNetwork();
    network.onLine = false;
    const { conn, fake } = connection({ network });
    conn.connect();
    expect(conn.status).toBe('reconnecting');
    expect(conn.offline).toBe(true);
    conn.close();
    network.go(true);
    expect(conn.status).toBe('closed');
    expect(fake.sockets).toHaveLength(1);
  });

  it('a short heartbeat notices a silent network within 5 s', () => {
    const { conn, fake } = connection({ heartbeatMs: 2500, heartbeatTimeoutMs: 2000, network: null });
    conn.connect();
    connectAs(fake.last, ana);
    // the network dies without a word: no close, no offline event
    vi.advanceTimersByTime(4500);
    expect(fake.last.ofType('ping')).toHaveLength(1);
    expect(conn.status).toBe('reconnecting');
  });
});

describe('protocol helpers', () => {
  it('builds the socket address from the page', () => {
    expect(roomSocketUrl('KMR7TX', { protocol: 'https:', host: 'mutuality.example' })).toBe(
      'wss://mutuality.example/ws/rooms/KMR7TX',
    );
    expect(roomSocketUrl('KMR7TX', { protocol: 'http:', host: 'localhost:8080' })).toBe('ws://localhost:8080/ws/rooms/KMR7TX');
  });

  it('makes command ids of 1–64 characters, different each time', () => {
    const a = newCommandId();
    const b = newCommandId();
    expect(a).not.toBe(b);
    expect(a.length).toBeGreaterThan(0);
    expect(a.length).toBeLessThanOrEqual(64);
  });

  it('reads the server messages it knows and nothing else', () => {
    expect(parseServerMessage(JSON.stringify(synced(3)))).toEqual(synced(3));
    expect(parseServerMessage(JSON.stringify(refusal('invalid', 'No.', 'c-1')))).toMatchObject({ code: 'invalid', id: 'c-1' });
    expect(parseServerMessage('{"v":1,"type":"surprise"}')).toBeUndefined();
    expect(parseServerMessage('[1,2]')).toBeUndefined();
    expect(parseServerMessage('{')).toBeUndefined();
  });
});
