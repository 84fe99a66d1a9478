import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { RoomConnection, type RoomConnectionOptions } from './room-connection';
import { serverNow } from './room-state';

/**
 * Ties a RoomConnection to a Lit component: re-renders on every change, closes when the
 * component leaves the page, and keeps a clock ticking for countdowns (every second while a
 * timer or a role-play round runs, every 15 seconds otherwise, for the minutes spent on a slot).
 */
export class RoomController implements ReactiveController {
  connection?: RoomConnection;

  private options?: RoomConnectionOptions;
  private stop?: () => void;
  private ticker?: ReturnType<typeof setInterval>;
  private ticks = 0;
  private attached = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly clock: () => number = () => Date.now(),
    private readonly onChange?: (connection: RoomConnection) => void,
  ) {
    host.addController(this);
  }

  /** The time countdowns are measured against (ms): this device's clock, corrected to the server's by the welcome. */
  get now(): number {
    return serverNow(this.connection?.state, this.clock());
  }

  /** Connects to a room (closing any earlier connection). */
  open(options: RoomConnectionOptions): RoomConnection {
    this.close();
    this.options = options;
    const connection = new RoomConnection({ clock: this.clock, ...options });
    this.connection = connection;
    this.stop = connection.subscribe((c) => {
      this.onChange?.(c);
      this.host.requestUpdate();
    });
    if (this.attached) connection.connect();
    this.host.requestUpdate();
    return connection;
  }

  close(): void {
    this.stop?.();
    this.stop = undefined;
    this.connection?.close();
    this.connection = undefined;
  }

  hostConnected(): void {
    this.attached = true;
    if (this.connection) this.connection.connect();
    else if (this.options) this.open(this.options);
    this.ticker = setInterval(() => this.tick(), 1000);
  }

  hostDisconnected(): void {
    this.attached = false;
    if (this.ticker !== undefined) clearInterval(this.ticker);
    this.ticker = undefined;
    this.close();
  }

  private tick(): void {
    this.ticks++;
    const state = this.connection?.state;
    const rounds = state?.roleplay?.phase === 'rounds' && !state.roleplay.timeUp;
    const running = rounds || (state?.timers.some((t) => t.running) ?? false);
    if (running || this.ticks % 15 === 0) this.host.requestUpdate();
  }
}
