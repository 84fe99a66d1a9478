import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { curriculaApi } from './api';
import type { Scenario } from './types';
import { listWords, orderedRoles, roleWords, settingWords, taskWords } from './curriculum';
import { shared } from '../shared/styles/shared';
import { loadForStaff, printBarStyles, signInToSee, type StaffLoadable } from './curricula-common';
import { failed, loading } from '../shared/loadable';

const PATH = '/curricula/role-cards';

export { scenariosFromQuery } from '../shared/router';

/**
 * Role cards to print for groups in the room without devices: for each chosen scenario,
 * a card everyone reads and one card for each role, each in its own box to cut out.
 */
@customElement('mut-role-cards')
export class MutRoleCards extends LitElement {
  static styles = [
    shared,
    printBarStyles,
    css`
      fieldset {
        border: 1px solid var(--mut-line);
        border-radius: var(--mut-radius);
        background: var(--mut-surface);
        padding: var(--mut-space-4) var(--mut-space-6) var(--mut-space-6);
        margin: 0 0 var(--mut-space-6);
        min-width: 0;
      }
      legend {
        font-weight: 700;
        font-size: var(--mut-text-lg);
        padding: 0 var(--mut-space-2);
      }
      ul.choices {
        list-style: none;
        margin: var(--mut-space-4) 0 0;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr));
        gap: var(--mut-space-1) var(--mut-space-6);
      }
      ul.choices li {
        display: flex;
        align-items: flex-start;
        gap: var(--mut-space-3);
        min-width: 0;
      }
      ul.choices input {
        flex: 0 0 auto;
        width: 1.375rem;
        height: 1.375rem;
        min-height: 0;
        margin: 0.7rem 0 0;
        padding: 0;
        accent-color: var(--mut-primary);
      }
      ul.choices label {
        flex: 1;
        min-width: 0;
        font-weight: 600;
        padding: var(--mut-space-2) 0;
        margin: 0;
        cursor: pointer;
        overflow-wrap: anywhere;
      }
      ul.choices label span {
        display: block;
        font-weight: 400;
        font-size: var(--mut-text-sm);
        color: var(--mut-ink-soft);
      }
      .picker-actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--mut-space-2) var(--mut-space-4);
      }
      .status {
        margin: var(--mut-space-4) 0 0;
      }
      section.scenario {
        margin-top: var(--mut-space-8);
      }
      section.scenario h2 {
        font-size: var(--mut-text-lg);
      }
      ul.cards {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 15rem), 1fr));
        gap: var(--mut-space-4);
      }
      li.cut {
        position: relative;
        min-width: 0;
        padding: var(--mut-space-4) var(--mut-space-6) var(--mut-space-6);
        border: 2px dashed var(--mut-ink-soft);
        border-radius: var(--mut-radius-sm);
        background: var(--mut-surface);
        break-inside: avoid;
        overflow-wrap: anywhere;
      }
      li.cut .scissors {
        position: absolute;
        top: -0.85rem;
        left: var(--mut-space-4);
        padding: 0 var(--mut-space-1);
        background: var(--mut-paper);
        color: var(--mut-ink-soft);
        line-height: 1.5rem;
      }
      li.cut h3 {
        margin-bottom: var(--mut-space-2);
      }
      li.cut p {
        margin-bottom: var(--mut-space-3);
      }
      li.cut p:last-child {
        margin-bottom: 0;
      }
      .for {
        font-size: var(--mut-text-sm);
        font-weight: 600;
        text-transform: uppercase;
        letter-spacing: 0.04em;
        color: var(--mut-ink-soft);
        margin-bottom: var(--mut-space-1) !important;
      }
      .content-note {
        border-left: 4px solid var(--mut-accent);
        background: var(--mut-notice);
        color: var(--mut-notice-ink);
        padding: var(--mut-space-2) var(--mut-space-3);
        border-radius: 0 var(--mut-radius-sm) var(--mut-radius-sm) 0;
      }
      .small {
        font-size: var(--mut-text-sm);
        color: var(--mut-ink-soft);
      }
      @media (max-width: 640px) {
        fieldset {
          padding: var(--mut-space-3) var(--mut-space-4) var(--mut-space-4);
        }
        li.cut {
          padding: var(--mut-space-4);
        }
      }
      @media print {
        .intro,
        fieldset,
        .status {
          display: none;
        }
        section.scenario {
          margin-top: 0;
          padding-top: var(--mut-space-4);
        }
        section.scenario + section.scenario {
          margin-top: var(--mut-space-4);
        }
        section.scenario h2 {
          font-size: var(--mut-text-sm);
          font-weight: 400;
          margin-bottom: var(--mut-space-2);
        }
        ul.cards {
          grid-template-columns: 1fr 1fr;
          gap: 6mm;
        }
        li.cut {
          border: 1.5px dashed #000;
          border-radius: 0;
        }
        li.cut .scissors {
          background: #fff;
          color: #000;
        }
        .content-note {
          background: none;
          color: #000;
          border-left-color: #000;
        }
      }
    `,
  ];

  /** The scenario ids chosen when the page opens, e.g. from `?scenarios=`. */
  @property({ attribute: false }) chosen: string[] = [];

  @state() private scenarios: StaffLoadable<Scenario[]> = { state: 'loading' };
  @state() private selected = new Set<string>();

  connectedCallback(): void {
    super.connectedCallback();
    this.selected = new Set(this.chosen);
    loadForStaff(() => curriculaApi.scenarios()).then((s) => (this.scenarios = s));
  }

  render() {
    const scenarios = this.scenarios;
    const intro = html`<div class="intro">
      <h1>Role cards</h1>
      <p class="lede">
        For groups in the room without devices. Print, cut along the dashed lines, and give each person the card for
        their role. Everyone reads the shared card; each role card is for its holder alone.
      </p>
    </div>`;
    switch (scenarios.state) {
      case 'loading':
        return html`${intro}${loading('the scenarios')}`;
      case 'sign-in':
        return html`${intro}${signInToSee('Role cards', PATH)}`;
      case 'failed':
        return html`${intro}${failed(scenarios.message)}`;
      case 'ready':
        return html`${intro}${this.picker(scenarios.value)}${this.cards(scenarios.value)}`;
    }
  }

  private picker(all: Scenario[]) {
    const count = all.filter((s) => this.selected.has(s.id)).length;
    return html`<fieldset>
        <legend>Scenarios to print</legend>
        <div class="picker-actions">
          <button class="quiet" type="button" @click=${() => this.choose(all.map((s) => s.id))}>Choose all</button>
          <button class="quiet" type="button" ?disabled=${count === 0} @click=${() => this.choose([])}>
            Clear the choice
          </button>
        </div>
        <ul class="choices">
          ${all.map(
            (s) => html`<li>
              <input
                type="checkbox"
                id="scenario-${s.id}"
                .checked=${this.selected.has(s.id)}
                @change=${(e: Event) => this.toggle(s.id, (e.target as HTMLInputElement).checked)}
              />
              <label for="scenario-${s.id}"
                >${s.title}
                <span>${settingWords(s.setting)}${s.contentNote ? ' · has a content note' : ''}</span></label
              >
            </li>`,
          )}
        </ul>
      </fieldset>
      <div class="status actions">
        <p role="status">${this.statusWords(all, count)}</p>
        <button class="button" type="button" ?disabled=${count === 0} @click=${() => window.print()}>Print</button>
      </div>`;
  }

  private statusWords(all: Scenario[], count: number): string {
    if (count === 0) return 'Choose one or more scenarios and their cards appear below, ready to print.';
    const cards = all.filter((s) => this.selected.has(s.id)).reduce((n, s) => n + 1 + orderedRoles(s.roles).length, 0);
    return `${count} ${count === 1 ? 'scenario' : 'scenarios'} chosen: ${cards} cards to cut out.`;
  }

  private cards(all: Scenario[]) {
    const chosen = all.filter((s) => this.selected.has(s.id));
    return chosen.map(
      (s) => html`<section class="scenario" data-scenario=${s.id} aria-labelledby="title-${s.id}">
        <h2 id="title-${s.id}">${s.title}</h2>
        <ul class="cards" aria-label="Cards for ${s.title}">
          <li class="cut" data-card="shared">
            <span class="scissors" aria-hidden="true">✂</span>
            ${s.contentNote ? html`<p class="content-note"><strong>Content note:</strong> ${s.contentNote}</p>` : nothing}
            <p class="for">For everyone</p>
            <h3>${s.title}</h3>
            <p class="small">
              ${settingWords(s.setting)}${s.tasks.length ? ` · ${listWords(s.tasks.map(taskWords))}` : ''}
            </p>
            <p>${s.shared}</p>
            <p class="small">
              Change any detail so it feels real to you. Anyone can pause or step out of a role at any time, without
              saying why.
            </p>
          </li>
          ${orderedRoles(s.roles).map(
            (role) => html`<li class="cut" data-card=${role}>
              <span class="scissors" aria-hidden="true">✂</span>
              <p class="for">${s.title}</p>
              <h3>${roleWords(role)}</h3>
              <p>${s.roles[role]}</p>
              <p class="small">This card is just for you. Read it, then keep it to yourself.</p>
            </li>`,
          )}
        </ul>
      </section>`,
    );
  }

  private toggle(id: string, on: boolean) {
    const next = new Set(this.selected);
    if (on) next.add(id);
    else next.delete(id);
    this.choose([...next]);
  }

  /** Chooses these scenarios and keeps the choice in the address, so a reload or a shared link keeps it. */
  private choose(ids: string[]) {
    this.selected = new Set(ids);
    const url = new URL(window.location.href);
    if (ids.length) url.searchParams.set('scenarios', ids.join(','));
    else url.searchParams.delete('scenarios');
    window.history.replaceState(window.history.state, '', url.pathname + url.search.replace(/%2C/gi, ',') + url.hash);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-role-cards': MutRoleCards;
  }
}
