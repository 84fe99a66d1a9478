import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { navigate, parseRoute, type Route } from '../router';
import { shared } from '../styles/shared';
import './mut-home';
import './mut-organisation';
import './mut-facilitator';
import './mut-join';

const NAV: { path: string; label: string; name: Route['name'] }[] = [
  { path: '/organisation', label: 'Organise trainings', name: 'organisation' },
  { path: '/facilitator', label: 'Facilitate', name: 'facilitator' },
  { path: '/join', label: 'Join with a code', name: 'join' },
];

/** The app shell: header, navigation for the three audiences, and the current page. */
@customElement('mut-app')
export class MutApp extends LitElement {
  static styles = [
    shared,
    css`
      :host {
        min-height: 100vh;
        display: flex;
        flex-direction: column;
      }
      .skip {
        position: absolute;
        left: var(--mut-space-4);
        top: -4rem;
        background: var(--mut-surface);
        padding: var(--mut-space-2) var(--mut-space-4);
        border-radius: var(--mut-radius-sm);
        z-index: 10;
      }
      .skip:focus {
        top: var(--mut-space-2);
      }
      header {
        background: var(--mut-surface);
        border-bottom: 1px solid var(--mut-line);
      }
      .bar {
        max-width: var(--mut-content-width);
        margin: 0 auto;
        padding: var(--mut-space-3) var(--mut-space-6);
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--mut-space-4) var(--mut-space-8);
      }
      .brand {
        display: flex;
        align-items: center;
        gap: var(--mut-space-2);
        font-weight: 700;
        font-size: var(--mut-text-lg);
        color: var(--mut-ink);
        text-decoration: none;
      }
      nav ul {
        list-style: none;
        display: flex;
        flex-wrap: wrap;
        gap: var(--mut-space-2);
        margin: 0;
        padding: 0;
      }
      nav a {
        display: inline-block;
        padding: var(--mut-space-2) var(--mut-space-3);
        border-radius: var(--mut-radius-sm);
        color: var(--mut-ink);
        text-decoration: none;
        font-weight: 600;
      }
      nav a:hover {
        background: var(--mut-calm);
      }
      nav a[aria-current='page'] {
        background: var(--mut-calm);
        color: var(--mut-primary-strong);
        box-shadow: inset 0 -3px 0 var(--mut-primary);
      }
      main {
        flex: 1;
        width: 100%;
        max-width: var(--mut-content-width);
        margin: 0 auto;
        padding: var(--mut-space-8) var(--mut-space-6) var(--mut-space-12);
      }
      footer {
        border-top: 1px solid var(--mut-line);
        padding: var(--mut-space-4) var(--mut-space-6);
        text-align: center;
        font-size: var(--mut-text-sm);
        color: var(--mut-ink-soft);
      }
      @media (max-width: 640px) {
        .bar {
          padding: var(--mut-space-3) var(--mut-space-4);
        }
        nav {
          width: 100%;
        }
        nav ul {
          gap: var(--mut-space-1);
        }
        nav a {
          padding: var(--mut-space-2);
        }
        main {
          padding: var(--mut-space-6) var(--mut-space-4) var(--mut-space-8);
        }
      }
    `,
  ];

  @state() private route: Route = parseRoute(window.location.pathname);

  private readonly onPopState = () => {
    this.route = parseRoute(window.location.pathname);
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('main')?.focus());
  };

  connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.onPopState);
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
    navigate(anchor.pathname);
  }

  render() {
    return html`
      <a class="skip" href="#content" @click=${this.skipToContent}>Skip to content</a>
      <header>
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
                  <a href=${item.path} aria-current=${item.name === this.route.name ? 'page' : 'false'}
                    >${item.label}</a
                  >
                </li>`,
              )}
            </ul>
          </nav>
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

  private page() {
    switch (this.route.name) {
      case 'home':
        return html`<mut-home></mut-home>`;
      case 'organisation':
        return html`<mut-organisation></mut-organisation>`;
      case 'facilitator':
        return html`<mut-facilitator></mut-facilitator>`;
      case 'join':
        return html`<mut-join .code=${this.route.code ?? ''}></mut-join>`;
      case 'not-found':
        return html`<section>
          <h1>Nothing here</h1>
          <p>There is no page at <code>${this.route.path}</code>. Try one of the places above, or go to the <a href="/">start</a>.</p>
        </section>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-app': MutApp;
  }
}
