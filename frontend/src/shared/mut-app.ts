import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { identityApi } from '../identity/api';
import {
  CURRICULA_ROUTES,
  cohortFromQuery,
  navigate,
  pageTitle,
  parseCohortsQuery,
  parseRoute,
  routePath,
  scenariosFromQuery,
  signInPath,
  type Route,
} from './router';
import { SessionController } from '../identity/session';
import { shared } from './styles/shared';
import { failed, loading } from './loadable';
import { appStyles } from './mut-app-styles';

/**
 * Each page's code, loaded when the page is first shown: a participant opening the join page or
 * the room downloads neither the console nor the organisation's pages, and staff load each part of
 * the app as they reach it. An element rendered before its code has arrived is upgraded when it does.
 */
const PAGES: Record<Route['name'], (() => Promise<unknown>) | undefined> = {
  home: () => import('./mut-home'),
  organisation: () => import('../cohort/mut-organisation'),
  members: () => import('../identity/mut-members'),
  'interest-demand': () => import('../registration/mut-interest-demand'),
  interest: () => import('../registration/mut-interest'),
  verify: () => import('../cohort/mut-verify'),
  cohort: () => import('../cohort/mut-cohort'),
  'cohort-evaluations': () => import('../registration/mut-cohort-evaluations'),
  register: () => import('../registration/mut-register'),
  registration: () => import('../registration/mut-my-registration'),
  facilitator: () => import('../console/mut-facilitator'),
  join: () => import('../room/mut-join'),
  room: () => import('../room/mut-room'),
  present: () => import('../console/mut-present'),
  'room-console': () => import('../console/mut-room-console'),
  'practice-console': () => import('../console/mut-room-console'),
  'sign-in': () => import('../identity/mut-sign-in'),
  account: () => import('../identity/mut-account'),
  invitation: () => import('../identity/mut-invitation'),
  curricula: () => import('../curricula/mut-curricula'),
  course: () => import('../curricula/mut-course'),
  'day-print': () => import('../curricula/mut-day-agenda'),
  'day-handout': () => import('../curricula/mut-day-handout'),
  module: () => import('../curricula/mut-module'),
  'role-cards': () => import('../curricula/mut-role-cards'),
  'observer-sheet': () => import('../curricula/mut-observer-sheet'),
  materials: () => import('../curricula/mut-materials'),
  letter: () => import('../curricula/mut-letter'),
  'not-found': undefined,
};

/** Loads a page's code (once; the browser keeps the module), reporting a failed download in the page. */
export function loadPage(name: Route['name']): Promise<unknown> {
  return PAGES[name]?.() ?? Promise.resolve();
}

const NAV: { path: string; label: string; name: Route['name'] }[] = [
  { path: '/organisation', label: 'Organise trainings', name: 'organisation' },
  { path: '/facilitator', label: 'Facilitate', name: 'facilitator' },
  { path: '/curricula', label: 'Curricula', name: 'curricula' },
  { path: '/join', label: 'Join with a code', name: 'join' },
];

/** Pages for the people who organise and run trainings; participants never need to sign in. */
const SIGNED_IN_ONLY: Record<string, string> = {
  organisation: 'Organise trainings',
  members: 'Members and invitations',
  'interest-demand': 'Interest in courses',
  cohort: 'Cohort',
  'cohort-evaluations': 'Looking back on the course',
  facilitator: 'Facilitate',
  'room-console': 'The live room',
  'practice-console': 'Practice room',
  account: 'Your account',
  module: 'Facilitator notes',
  'role-cards': 'Role cards',
  'observer-sheet': 'Observer sheet',
  materials: 'Materials to print',
  letter: 'Letter before the course',
  present: 'The projector view',
};

/** Pages for people taking part in a room: a minimal layout, with no staff navigation. */
const PARTICIPANT_PAGES: ReadonlySet<Route['name']> = new Set(['room']);

/** The app shell: header, navigation for the three audiences, who is signed in, and the current page. */
@customElement('mut-app')
export class MutApp extends LitElement {
  static styles = [shared, appStyles];

  @state() private route: Route = parseRoute(window.location.pathname);
  @state() private signOutProblem?: string;
  /** The current page's code could not be downloaded. */
  @state() private pageProblem?: boolean;

  private readonly session = new SessionController(this);

  private readonly onPopState = () => {
    this.route = parseRoute(window.location.pathname);
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('main')?.focus());
  };

  /** Each page its own title; a page that knows more (a room's code) sets a fuller one after this. */
  protected willUpdate(changed: PropertyValues): void {
    if (changed.has('route')) {
      document.title = pageTitle(this.route);
      const route = this.route;
      this.pageProblem = undefined;
      loadPage(route.name).catch(() => {
        // a new version was deployed and this page's old code is gone, or the network dropped
        if (this.route === route) this.pageProblem = true;
      });
    }
  }

  connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.onPopState);
    this.session.store.load();
  }

  disconnectedCallback(): void {
    window.removeEventListener('popstate', this.onPopState);
    super.disconnectedCallback();
  }

  /** Internal links move without a reload; modified clicks (new tab) keep the browser's way. */
  private onClick(event: MouseEvent) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    const anchor = event.composedPath().find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement);
    if (!anchor || anchor.target || anchor.origin !== window.location.origin) return;
    if (anchor.pathname.startsWith('/api') || anchor.pathname.startsWith('/q/')) return;
    event.preventDefault();
    navigate(anchor.pathname + anchor.search + anchor.hash);
  }

  private async signOut() {
    this.signOutProblem = undefined;
    try {
      await identityApi.signOut();
      this.session.store.signedOut();
      navigate('/');
    } catch (e) {
      this.signOutProblem = e instanceof Error ? e.message : 'Signing out did not work. Please try again.';
    }
  }

  private renderYou() {
    const store = this.session.store;
    const state = store.state;
    if (state.status === 'unknown') return nothing;
    if (state.status !== 'signed-in') {
      return this.route.name === 'sign-in'
        ? nothing
        : html`<div class="you"><a href=${signInPath(this.here())}>Sign in</a></div>`;
    }
    const { account, memberships } = state.session;
    const chosen = store.organisationId;
    return html`<div class="you">
      ${
        memberships.length > 1
          ? html`<div class="switcher">
            <label for="organisation-switcher">Organisation</label>
            <select
              id="organisation-switcher"
              .value=${chosen ?? ''}
              @change=${(e: Event) => store.chooseOrganisation((e.target as HTMLSelectElement).value)}
            >
              ${memberships.map(
                (m) =>
                  html`<option value=${m.organisationId} ?selected=${m.organisationId === chosen}>
                    ${m.organisationName}
                  </option>`,
              )}
            </select>
          </div>`
          : memberships.length === 1
            ? html`<span class="org">${memberships[0].organisationName}</span>`
            : nothing
      }
      <a class="name" href="/account" aria-current=${this.route.name === 'account' ? 'page' : 'false'}
        ><span class="visually-hidden">Your account: </span>${account.displayName}</a
      >
      <button class="quiet" type="button" @click=${this.signOut}>Sign out</button>
      ${this.signOutProblem ? html`<p class="notice" role="alert">${this.signOutProblem}</p>` : nothing}
    </div>`;
  }

  /** The first stop for the keyboard, inside the banner so that nothing on the page stands outside a landmark. */
  private skipLink() {
    return html`<a class="skip" href="#content" @click=${this.skipToContent}>Skip to content</a>`;
  }

  /** A participant's header: only the name of the app and the way to their data; the room says the rest. */
  private renderParticipantHeader() {
    return html`<header data-layout="participant">
      ${this.skipLink()}
      <div class="bar participant-bar" @click=${this.onClick}>
        <span class="brand">
          <svg width="24" height="24" viewBox="0 0 32 32" aria-hidden="true">
            <circle cx="12" cy="16" r="8" fill="none" stroke="#1f6f6b" stroke-width="3" />
            <circle cx="20" cy="16" r="8" fill="none" stroke="#a8532b" stroke-width="3" />
          </svg>
          Mutuality
        </span>
        <a class="data" href="/join">Your place and what you wrote</a>
      </div>
    </header>`;
  }

  render() {
    if (this.route.name === 'present') {
      // the projector shows the room, nothing of the app around it
      return html`<main id="content" class="projector" tabindex="-1">${this.page()}</main>`;
    }
    if (PARTICIPANT_PAGES.has(this.route.name)) {
      return html`
        ${this.renderParticipantHeader()}
        <main id="content" tabindex="-1" @click=${this.onClick}>${this.page()}</main>
      `;
    }
    return html`
      <header>
        ${this.skipLink()}
        <div class="bar" @click=${this.onClick}>
          <a class="brand" href="/">
            <svg width="28" height="28" viewBox="0 0 32 32" aria-hidden="true">
              <circle cx="12" cy="16" r="8" fill="none" stroke="#1f6f6b" stroke-width="3" />
              <circle cx="20" cy="16" r="8" fill="none" stroke="#a8532b" stroke-width="3" />
            </svg>
            Mutuality
          </a>
          <nav aria-label="Main">
            <ul>
              ${NAV.map(
                (item) => html`<li>
                  <a href=${item.path} aria-current=${this.isCurrent(item.name) ? 'page' : 'false'}
                    >${item.label}</a
                  >
                </li>`,
              )}
            </ul>
          </nav>
          ${this.renderYou()}
        </div>
      </header>
      <main id="content" tabindex="-1" @click=${this.onClick}>${this.page()}</main>
      <footer>Mutuality: learning together, one training day at a time.</footer>
    `;
  }

  private skipToContent(event: Event) {
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>('main')?.focus();
  }

  /** Where we are, with the page's choices in its query, to come back to after signing in. */
  private here(): string {
    return routePath(this.route) + window.location.search;
  }

  private isCurrent(name: Route['name']): boolean {
    return (
      name === this.route.name ||
      (name === 'organisation' &&
        (this.route.name === 'members' ||
          this.route.name === 'cohort' ||
          this.route.name === 'cohort-evaluations' ||
          this.route.name === 'interest-demand')) ||
      (name === 'facilitator' && (this.route.name === 'room-console' || this.route.name === 'practice-console')) ||
      (name === 'join' && this.route.name === 'room') ||
      (name === 'curricula' && CURRICULA_ROUTES.has(this.route.name))
    );
  }

  /** A page for signed-in people: shown once the session is known, else a way to sign in. */
  private signedInOnly(title: string, page: () => TemplateResult) {
    const state = this.session.store.state;
    switch (state.status) {
      case 'unknown':
        return loading('your session');
      case 'unavailable':
        return html`<h1>${title}</h1>
          ${failed(state.message)}
          <p><button class="button secondary" type="button" @click=${() => this.session.store.refresh()}>Try again</button></p>`;
      case 'signed-out':
        return html`<section>
          <h1>${title}</h1>
          <p>This part of Mutuality is for the people who organise and run trainings, so it needs you to sign in.</p>
          <p><a class="button" href=${signInPath(this.here())}>Sign in to carry on</a></p>
          <p class="muted">Taking part in a training? You don't need an account: <a href="/join">join with a code</a>.</p>
        </section>`;
      case 'signed-in':
        return page();
    }
  }

  private page() {
    if (this.pageProblem) {
      return html`<section role="alert" data-test="page-not-loaded">
        <h1>This page did not load</h1>
        <p>
          Its code could not be downloaded: the connection may have dropped, or Mutuality has just been updated.
          <a href=${this.here()}>Load the page again</a>.
        </p>
      </section>`;
    }
    return this.routePage();
  }

  private routePage() {
    const route = this.route;
    const guarded = SIGNED_IN_ONLY[route.name];
    switch (route.name) {
      case 'home':
        return html`<mut-home></mut-home>`;
      case 'organisation':
        return this.signedInOnly(guarded, () => {
          const query = parseCohortsQuery(window.location.search);
          return html`<mut-organisation .view=${query.view} .month=${query.month}></mut-organisation>`;
        });
      case 'members':
        return this.signedInOnly(guarded, () => html`<mut-members></mut-members>`);
      case 'cohort':
        return this.signedInOnly(guarded, () => html`<mut-cohort .cohortId=${route.cohortId}></mut-cohort>`);
      case 'cohort-evaluations':
        return this.signedInOnly(
          guarded,
          () => html`<mut-cohort-evaluations .cohortId=${route.cohortId}></mut-cohort-evaluations>`,
        );
      case 'interest-demand':
        return this.signedInOnly(guarded, () => html`<mut-interest-demand></mut-interest-demand>`);
      case 'interest':
        return html`<mut-interest .organisationId=${route.organisationId}></mut-interest>`;
      case 'verify':
        return html`<mut-verify .code=${route.code ?? ''}></mut-verify>`;
      case 'register':
        return html`<mut-register .cohortId=${route.cohortId}></mut-register>`;
      case 'registration':
        return html`<mut-my-registration .token=${route.token}></mut-my-registration>`;
      case 'facilitator':
        return this.signedInOnly(guarded, () => html`<mut-facilitator></mut-facilitator>`);
      case 'account':
        return this.signedInOnly(guarded, () => html`<mut-account></mut-account>`);
      case 'sign-in':
        return html`<mut-sign-in .next=${new URLSearchParams(window.location.search).get('next')}></mut-sign-in>`;
      case 'invitation':
        return html`<mut-invitation .token=${route.token}></mut-invitation>`;
      case 'join':
        return html`<mut-join .code=${route.code ?? ''}></mut-join>`;
      case 'room':
        return html`<mut-room></mut-room>`;
      case 'present':
        return this.signedInOnly(guarded, () => html`<mut-present .code=${route.code}></mut-present>`);
      case 'room-console':
        return this.signedInOnly(
          guarded,
          () =>
            html`<mut-room-console
              .organisationId=${route.organisationId}
              .cohortId=${route.cohortId}
              .day=${route.day}
            ></mut-room-console>`,
        );
      case 'practice-console':
        return this.signedInOnly(
          guarded,
          () => html`<mut-room-console .organisationId=${route.organisationId} .practiceCode=${route.code}></mut-room-console>`,
        );
      case 'curricula':
        return html`<mut-curricula></mut-curricula>`;
      case 'course':
        return html`<mut-course .courseId=${route.courseId} .day=${route.day}></mut-course>`;
      case 'day-print':
        return html`<mut-day-agenda .courseId=${route.courseId} .day=${route.day}></mut-day-agenda>`;
      case 'day-handout':
        return html`<mut-day-handout
          .courseId=${route.courseId}
          .day=${route.day}
          .cohortId=${cohortFromQuery(window.location.search)}
        ></mut-day-handout>`;
      case 'module':
        return this.signedInOnly(guarded, () => html`<mut-module .moduleId=${route.moduleId}></mut-module>`);
      case 'role-cards':
        return this.signedInOnly(
          guarded,
          () => html`<mut-role-cards .chosen=${scenariosFromQuery(window.location.search)}></mut-role-cards>`,
        );
      case 'observer-sheet':
        return this.signedInOnly(guarded, () => html`<mut-observer-sheet></mut-observer-sheet>`);
      case 'materials':
        return this.signedInOnly(
          guarded,
          () =>
            html`<mut-materials .moduleId=${route.moduleId} .cohortId=${cohortFromQuery(window.location.search)}></mut-materials>`,
        );
      case 'letter':
        return this.signedInOnly(guarded, () => html`<mut-letter .courseId=${route.courseId}></mut-letter>`);
      case 'not-found':
        return html`<section>
          <h1>Nothing here</h1>
          <p>There is no page at <code>${route.path}</code>. Try one of the places above, or go to the <a href="/">start</a>.</p>
        </section>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-app': MutApp;
  }
}
