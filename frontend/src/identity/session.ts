import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError } from '../shared/api/http';
import { identityApi, type IdentityApi } from './api';
import type { Membership, SessionView } from './types';

/** Where the chosen organisation is remembered between visits. */
export const ORGANISATION_KEY = 'mutuality.organisation';

export type SessionState =
  | { status: 'unknown' }
  | { status: 'signed-out' }
  | { status: 'unavailable'; message: string }
  | { status: 'signed-in'; session: SessionView };

type Listener = (state: SessionState) => void;

/** A session answer has the shape we rely on; anything else counts as nobody signed in. */
function isSessionView(value: unknown): value is SessionView {
  const v = value as SessionView | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.account === 'object' &&
    v.account !== null &&
    typeof v.account.displayName === 'string' &&
    Array.isArray(v.memberships)
  );
}

function safeStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * The one place that knows who is signed in and which of their organisations they are
 * working in. The app shell loads it once; pages subscribe and re-render when it changes.
 */
export class SessionStore {
  private current: SessionState = { status: 'unknown' };
  private readonly listeners = new Set<Listener>();
  private loading?: Promise<SessionState>;

  constructor(
    private readonly client: IdentityApi = identityApi,
    private readonly storage: Storage | undefined = safeStorage(),
  ) {}

  get state(): SessionState {
    return this.current;
  }

  get session(): SessionView | undefined {
    return this.current.status === 'signed-in' ? this.current.session : undefined;
  }

  /** Calls `listener` on every change (not straight away); returns the way to stop. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Asks the server who is signed in, once; later calls share the first answer. */
  load(): Promise<SessionState> {
    if (!this.loading) this.loading = this.fetch();
    return this.loading;
  }

  /** Asks again, e.g. after someone's own role changed. */
  refresh(): Promise<SessionState> {
    this.loading = this.fetch();
    return this.loading;
  }

  /** After signing in or accepting an invitation: the server's answer is the session. */
  signedIn(session: SessionView): void {
    this.loading = Promise.resolve(this.set({ status: 'signed-in', session }));
  }

  /** After signing out, or when the server says nobody is signed in. */
  signedOut(): void {
    this.loading = Promise.resolve(this.set({ status: 'signed-out' }));
  }

  /** Back to not knowing (for tests). */
  reset(): void {
    this.loading = undefined;
    this.current = { status: 'unknown' };
  }

  get memberships(): Membership[] {
    return this.session?.memberships ?? [];
  }

  /** The organisation being worked in: the remembered choice if still a membership, else the first. */
  get organisationId(): string | undefined {
    const memberships = this.memberships;
    const remembered = this.storage?.getItem(ORGANISATION_KEY);
    if (remembered && memberships.some((m) => m.organisationId === remembered)) return remembered;
    return memberships[0]?.organisationId;
  }

  get membership(): Membership | undefined {
    const id = this.organisationId;
    return this.memberships.find((m) => m.organisationId === id);
  }

  get isOrgAdmin(): boolean {
    return this.membership?.role === 'ORG_ADMIN';
  }

  chooseOrganisation(organisationId: string): void {
    if (!this.memberships.some((m) => m.organisationId === organisationId)) return;
    try {
      this.storage?.setItem(ORGANISATION_KEY, organisationId);
    } catch {
      // storage full or refused: the choice lasts for this page only
    }
    this.notify();
  }

  private async fetch(): Promise<SessionState> {
    try {
      const answer = await this.client.session();
      return this.set(isSessionView(answer) ? { status: 'signed-in', session: answer } : { status: 'signed-out' });
    } catch (e) {
      if (e instanceof ApiError && (e.status === 401 || e.status === 403)) return this.set({ status: 'signed-out' });
      const message = e instanceof Error ? e.message : 'Mutuality could not tell whether you are signed in.';
      return this.set({ status: 'unavailable', message });
    }
  }

  private set(state: SessionState): SessionState {
    this.current = state;
    this.notify();
    return state;
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener(this.current);
  }
}

export const sessionStore = new SessionStore();

/** Re-renders a component whenever the session or the chosen organisation changes. */
export class SessionController implements ReactiveController {
  private stop?: () => void;

  constructor(
    private readonly host: ReactiveControllerHost,
    readonly store: SessionStore = sessionStore,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.stop = this.store.subscribe(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.stop?.();
    this.stop = undefined;
  }
}
