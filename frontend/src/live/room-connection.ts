/**
 * One person's connection to a live room: the WebSocket, `hello` with the highest seq seen,
 * the events folded into a RoomState exactly once and in order, reconnection with backoff,
 * and commands that survive a dropped connection (resent with the same id until answered).
 */
import {
  PROTOCOL_VERSION,
  parseServerMessage,
  type AckMessage,
  type CommandBody,
  type ErrorMessage,
  type HelloMessage,
  type RoomEvent,
  type ServerMessage,
} from './protocol';
import { amRemoved, applyEvent, applyWelcome, initialRoomState, type RoomState } from './room-state';
import {
  OPEN,
  getDefaultSocketFactory,
  RoomCommandError,
  backoffDelay,
  roomSocketUrl,
  newCommandId,
  browserNetwork,
  type SocketLike,
  type SocketFactory,
  type ConnectionStatus,
  type NetworkSignals,
  type RoomConnectionOptions,
} from './room-socket';

export {
  browserSocket,
  setDefaultSocketFactory,
  getDefaultSocketFactory,
  RoomCommandError,
  backoffDelay,
  roomSocketUrl,
  newCommandId,
  browserNetwork,
  type SocketLike,
  type SocketFactory,
  type ConnectionStatus,
  type NetworkSignals,
  type RoomConnectionOptions,
} from './room-socket';

interface Pending {
  id: string;
  message: string;
  resolve: (ack: AckMessage) => void;
  reject: (error: RoomCommandError) => void;
}

type Listener = (connection: RoomConnection) => void;

/** Refusals of hello that mean "not you, not here": no point in trying again by itself. */
const HELLO_REFUSALS: ReadonlySet<string> = new Set([
  'unauthorised',
  'not-allowed',
  'not-found',
  'invalid',
  'too-many-connections',
]);

const FINAL: ReadonlySet<ConnectionStatus> = new Set(['closed-removed', 'closed-unauthorised', 'ended', 'closed']);

export class RoomConnection {
  private currentStatus: ConnectionStatus = 'connecting';
  private currentState: RoomState = initialRoomState();
  private socket?: SocketLike;
  private helloId?: string;
  private welcomed = false;
  private isSynced = false;
  private attempt = 0;
  private reconnectTimer?: ReturnType<typeof setTimeout>;
  private heartbeatTimer?: ReturnType<typeof setTimeout>;
  private heartbeatDeadline?: ReturnType<typeof setTimeout>;
  private started = false;
  /** commands not yet answered, in the order they were given */
  private readonly pending = new Map<string, Pending>();
  private readonly listeners = new Set<Listener>();
  private problem?: RoomCommandError;
  private readonly network?: NetworkSignals;
  private isOffline = false;
  private readonly wentOffline = () => this.networkLost();
  private readonly cameBack = () => this.networkBack();

  readonly code: string;
  private readonly token?: string;
  private readonly factory: SocketFactory;
  private readonly url: string;
  private readonly newId: () => string;
  private readonly heartbeatMs: number;
  private readonly heartbeatTimeoutMs: number;
  private readonly baseBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly clock: () => number;

  constructor(options: RoomConnectionOptions) {
    this.code = options.code;
    this.token = options.token;
    this.factory = options.socketFactory ?? getDefaultSocketFactory();
    this.url = options.url ?? roomSocketUrl(options.code);
    this.newId = options.newId ?? newCommandId;
    this.heartbeatMs = options.heartbeatMs ?? 45_000;
    this.heartbeatTimeoutMs = options.heartbeatTimeoutMs ?? 15_000;
    this.baseBackoffMs = options.baseBackoffMs ?? 1000;
    this.maxBackoffMs = options.maxBackoffMs ?? 15_000;
    this.clock = options.clock ?? (() => Date.now());
    this.network = options.network === null ? undefined : (options.network ?? browserNetwork());
  }

  /** True while the browser says this device has no network. */
  get offline(): boolean {
    return this.isOffline;
  }

  get status(): ConnectionStatus {
    return this.currentStatus;
  }

  /** The room as folded from every event received so far. */
  get state(): RoomState {
    return this.currentState;
  }

  /** The highest seq folded in: what `hello.lastSeq` carries. */
  get lastSeq(): number {
    return this.currentState.lastSeq;
  }

  /** True once the server has sent every missed event on this connection. */
  get synced(): boolean {
    return this.isSynced;
  }

  /** Commands given but not yet answered. */
  get pendingCount(): number {
    return this.pending.size;
  }

  get pendingIds(): string[] {
    return [...this.pending.keys()];
  }

  /** The last refusal that belonged to no command (e.g. `too-large` without an id). */
  get lastProblem(): RoomCommandError | undefined {
    return this.problem;
  }

  /** Calls `listener` after every change; returns the way to stop. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Opens the first connection. */
  connect(): void {
    if (this.started) return;
    this.started = true;
    this.network?.addEventListener('offline', this.wentOffline);
    this.network?.addEventListener('online', this.cameBack);
    if (this.network && !this.network.onLine) {
      this.isOffline = true;
      this.setStatus('reconnecting', false);
    }
    this.open();
  }

  /** Tries again straight away (a "Try now" button, or after being let back in). */
  retryNow(): void {
    if (this.currentStatus === 'closed' || this.currentStatus === 'ended') return;
    this.clearReconnect();
    this.dropSocket();
    this.attempt = 0;
    this.setStatus(this.welcomed || this.currentState.lastSeq > 0 ? 'reconnecting' : 'connecting');
    this.open();
  }

  /** Closes for good; unanswered commands are refused. */
  close(): void {
    this.finish('closed', new RoomCommandError('room-closed', 'The connection to the room was closed.'));
  }

  /**
   * Sends a command and resolves with the server's ack, or rejects with its error. A command
   * given while disconnected waits; one in flight when the connection drops is sent again
   * with the same id after reconnecting, and the server answers it only once.
   */
  send(body: CommandBody, id: string = this.newId()): Promise<AckMessage> {
    if (FINAL.has(this.currentStatus)) {
      return Promise.reject(this.finalError());
    }
    const existing = this.pending.get(id);
    if (existing) {
      return new Promise((resolve, reject) => {
        const { resolve: r0, reject: j0 } = existing;
        existing.resolve = (ack) => (r0(ack), resolve(ack));
        existing.reject = (e) => (j0(e), reject(e));
      });
    }
    const message = JSON.stringify({ ...body, v: PROTOCOL_VERSION, id });
    return new Promise<AckMessage>((resolve, reject) => {
      this.pending.set(id, { id, message, resolve, reject });
      if (this.welcomed) this.write(message);
      this.notify();
    });
  }

  /* ---- the socket ---- */

  private open(): void {
    this.welcomed = false;
    this.isSynced = false;
    let socket: SocketLike;
    try {
      socket = this.factory(this.url);
    } catch {
      this.dropped();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      if (this.socket !== socket) return;
      this.helloId = this.newId();
      const hello: HelloMessage = { v: PROTOCOL_VERSION, type: 'hello', id: this.helloId, lastSeq: this.currentState.lastSeq };
      if (this.token) hello.token = this.token;
      this.write(JSON.stringify(hello));
    };
    socket.onmessage = (event: MessageEvent) => {
      if (this.socket !== socket) return;
      if (typeof event.data !== 'string') return;
      const message = parseServerMessage(event.data);
      if (message) this.receive(message);
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      this.dropped();
    };
    socket.onerror = () => {
      // a close always follows an error; reconnecting happens there
    };
  }

  private write(text: string): void {
    const socket = this.socket;
    if (!socket || socket.readyState !== OPEN) return;
    try {
      socket.send(text);
    } catch {
      // the close that follows starts the reconnect; the command stays pending
    }
  }

  private receive(message: ServerMessage): void {
    this.heartbeatAnswered();
    switch (message.type) {
      case 'welcome':
        this.welcomed = true;
        this.isOffline = false;
        this.attempt = 0;
        this.problem = undefined;
        this.currentState = applyWelcome(this.currentState, message, this.clock());
        this.setStatus('live', false);
        // everything not yet answered goes again, with the same ids, in the order given
        for (const p of this.pending.values()) this.write(p.message);
        this.scheduleHeartbeat();
        this.notify();
        return;
      case 'event':
        this.applyEvent(message);
        return;
      case 'synced':
        this.isSynced = true;
        this.notify();
        return;
      case 'ack': {
        const p = this.pending.get(message.id);
        if (!p) return;
        this.pending.delete(message.id);
        p.resolve(message);
        this.notify();
        return;
      }
      case 'error':
        this.refused(message);
        return;
      case 'pong':
        return;
    }
  }

  private applyEvent(event: RoomEvent): void {
    if (event.seq <= this.currentState.lastSeq) return; // seen already: once only
    const before = this.currentState;
    this.currentState = applyEvent(before, event);
    if (this.currentState === before) return;
    if (event.kind === 'participant.removed' && amRemoved(this.currentState)) {
      this.finish(
        'closed-removed',
        new RoomCommandError('removed', 'A facilitator has asked you to step out of the room for now.'),
      );
      return;
    }
    if (event.kind === 'day.ended') {
      this.finish('ended', new RoomCommandError('room-closed', 'The training day has ended.'));
      return;
    }
    this.notify();
  }

  private refused(message: ErrorMessage): void {
    const error = new RoomCommandError(message.code, message.message, message.id);
    const forHello = !this.welcomed && (message.id === undefined || message.id === this.helloId);
    if (message.code === 'removed') {
      this.rejectOne(message.id, error);
      this.finish('closed-removed', error);
      return;
    }
    if (message.code === 'room-closed') {
      this.rejectOne(message.id, error);
      this.finish('ended', error);
      return;
    }
    if (forHello) {
      if (HELLO_REFUSALS.has(message.code)) {
        // the server will not let this person into this room as they are: trying again won't change that
        this.finish('closed-unauthorised', error);
      } else {
        // e.g. rate-limited: drop this attempt and try again after the usual wait
        this.problem = error;
        this.dropSocket();
        this.dropped();
      }
      return;
    }
    if (message.id && this.pending.has(message.id)) {
      this.rejectOne(message.id, error);
      this.notify();
      return;
    }
    this.problem = error;
    this.notify();
  }

  private rejectOne(id: string | undefined, error: RoomCommandError): void {
    if (!id) return;
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    p.reject(error);
  }

  private dropped(): void {
    this.stopHeartbeat();
    this.welcomed = false;
    this.isSynced = false;
    if (FINAL.has(this.currentStatus)) return;
    const delay = backoffDelay(this.attempt, this.baseBackoffMs, this.maxBackoffMs);
    this.attempt++;
    this.setStatus('reconnecting', false);
    this.clearReconnect();
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      this.open();
    }, delay);
    this.notify();
  }

  /** Stops for good with `status`; every unanswered command is refused with `error`. */
  private finish(status: ConnectionStatus, error: RoomCommandError): void {
    this.network?.removeEventListener('offline', this.wentOffline);
    this.network?.removeEventListener('online', this.cameBack);
    this.isOffline = false;
    this.clearReconnect();
    this.stopHeartbeat();
    this.currentStatus = status;
    this.problem = status === 'closed' ? undefined : error;
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) p.reject(new RoomCommandError(error.code, error.message, p.id));
    this.dropSocket();
    this.notify();
  }

  private finalError(): RoomCommandError {
    switch (this.currentStatus) {
      case 'closed-removed':
        return new RoomCommandError('removed', 'A facilitator has asked you to step out of the room for now.');
      case 'closed-unauthorised':
        return new RoomCommandError('unauthorised', 'This device is no longer recognised in the room.');
      case 'ended':
        return new RoomCommandError('room-closed', 'The training day has ended.');
      default:
        return new RoomCommandError('room-closed', 'The connection to the room was closed.');
    }
  }

  private dropSocket(): void {
    const socket = this.socket;
    this.socket = undefined;
    this.welcomed = false;
    if (!socket) return;
    socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
    try {
      socket.close(1000);
    } catch {
      // already closing
    }
  }

  private clearReconnect(): void {
    if (this.reconnectTimer !== undefined) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
  }

  /* ---- the browser's network signals ---- */

  private networkLost(): void {
    if (FINAL.has(this.currentStatus)) return;
    this.isOffline = true;
    if (this.socket) {
      // the socket may take a minute to notice; say so now, and keep trying with the usual waits
      this.dropSocket();
      this.dropped();
    } else {
      this.notify();
    }
  }

  private networkBack(): void {
    if (FINAL.has(this.currentStatus)) return;
    this.isOffline = false;
    if (this.currentStatus === 'live') {
      this.notify();
      return;
    }
    this.retryNow();
  }

  /* ---- heartbeat: notices a connection that silently died ---- */

  private scheduleHeartbeat(): void {
    this.stopHeartbeat();
    if (!this.heartbeatMs) return;
    this.heartbeatTimer = setTimeout(() => {
      this.heartbeatTimer = undefined;
      if (!this.welcomed) return;
      this.write(JSON.stringify({ v: PROTOCOL_VERSION, type: 'ping', id: this.newId() }));
      this.heartbeatDeadline = setTimeout(() => {
        this.heartbeatDeadline = undefined;
        // nothing came back: treat it as lost and reconnect
        const socket = this.socket;
        this.dropSocket();
        if (socket) this.dropped();
      }, this.heartbeatTimeoutMs);
    }, this.heartbeatMs);
  }

  private heartbeatAnswered(): void {
    if (this.heartbeatDeadline !== undefined) {
      clearTimeout(this.heartbeatDeadline);
      this.heartbeatDeadline = undefined;
    }
    if (this.welcomed && this.heartbeatTimer === undefined) this.scheduleHeartbeat();
  }

  private stopHeartbeat(): void {
    if (this.heartbeatTimer !== undefined) clearTimeout(this.heartbeatTimer);
    if (this.heartbeatDeadline !== undefined) clearTimeout(this.heartbeatDeadline);
    this.heartbeatTimer = undefined;
    this.heartbeatDeadline = undefined;
  }

  private setStatus(status: ConnectionStatus, notify = true): void {
    if (FINAL.has(this.currentStatus) && status !== 'connecting' && status !== 'reconnecting') return;
    this.currentStatus = status;
    if (notify) this.notify();
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener(this);
  }
}
