import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RoomEvent } from '../live/protocol';
import { fakeApi, json, problem, settle, text } from '../test/fake-api';
import { ana, connectAs, event, fakeSockets, type FakeSocket, closeFakeRoom, openFakeRoom } from '../test/fake-socket';
import './mut-present';
import type { MutPresent } from './mut-present';

const NOW = Date.parse('2027-01-04T10:00:00Z');
const VIEW_URL = 'POST /api/rooms/KMR7TX/view';
let fake: ReturnType<typeof fakeSockets>;

async function mount(
  events: RoomEvent[] = [],
  answer = json({ token: 'view-token', code: 'KMR7TX', expiresAt: '2027-01-04T16:30:00Z' }),
) {
  const api = fakeApi({ [VIEW_URL]: answer });
  const el = document.createElement('mut-present');
  el.code = 'KMR7TX';
  el.now = () => NOW;
  document.body.append(el);
  await settle(el);
  const socket: FakeSocket | undefined = fake.sockets.length ? fake.last : undefined;
  if (socket) {
    // the view is welcomed as someone who is not a facilitator
    connectAs(socket, { id: 'view-1', name: 'The projector', kind: 'participant' }, events);
    await settle(el, 2);
  }
  return { el: el as MutPresent, api, socket, root: el.shadowRoot! };
}

const started = (seq: number, visibility: 'everyone' | 'facilitators' | 'anonymous') =>
  event(seq, 'checkin.started', {
    checkinId: `k${seq}`,
    prompt: 'One word for now',
    closing: false,
    visibility,
    mode: 'open',
    order: [],
  });

describe('<mut-present>', () => {
  beforeEach(() => {
    fake = openFakeRoom();
  });

  afterEach(() => {
    closeFakeRoom();
  });

  it("asks for the room's view token and says hello with it, not as a facilitator", async () => {
    const { api, socket, root } = await mount();
    expect(api.to(VIEW_URL)).toHaveLength(1);
    expect(socket!.hello).toMatchObject({ type: 'hello', token: 'view-token' });
    expect(text(root.querySelector('[data-test="present-code"] [aria-hidden="true"]'))).toBe('KMR 7TX');
    expect(root.querySelector('svg.qr')).not.toBeNull();
    expect(text(root)).toContain(`${window.location.host}/join/KMR7TX`);
    expect(document.title).toBe('Projector · Room KMR 7TX · Mutuality');
  });

  it('shows the shared check-in words live, with names only where the check-in shows them', async () => {
    const { el, socket, root } = await mount([started(1, 'everyone')]);
    socket!.receive(
      event(2, 'checkin.answered', { checkinId: 'k1', answerId: 'a1', participantId: ana.id, name: 'Ana', word: 'steady' }),
    );
    await settle(el, 2);
    expect(text(root.querySelector('[data-test="present-checkin"]'))).toContain('Ana');
    expect(text(root.querySelector('[data-test="present-checkin"]'))).toContain('steady');
  });

  it('a check-in only the facilitators see shows its prompt and no answers', async () => {
    const { root } = await mount([started(1, 'facilitators')]);
    expect(text(root.querySelector('[data-test="present-checkin"]'))).toContain('The answers go to the facilitators only.');
    expect(root.querySelector('ul.answers')).toBeNull();
  });

  it('shows a running timer and what is happening now', async () => {
    const { root } = await mount([
      event(1, 'agenda.moved', { slot: 0, title: 'Arriving' }),
      event(2, 'timer.started', { timerId: 't1', label: 'Pairs', endsAt: new Date(NOW + 180_000).toISOString() }),
    ]);
    expect(text(root.querySelector('.now .slot'))).toBe('Arriving');
    expect(text(root.querySelector('[role="timer"]'))).toBe('3:00');
  });

  it('says in words when the view cannot be opened', async () => {
    const { root } = await mount([], problem(403, 'forbidden', 'Forbidden'));
    expect(fake.sockets).toHaveLength(0);
    expect(text(root.querySelector('[role="alert"]'))).toMatch(/Only the room's facilitators can open its projector view/);
  });
});
