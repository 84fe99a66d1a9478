import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';

/** One card a facilitator can choose: what the list shows, what filters it, what a preview shows. */
export interface PickerCard {
  id: string;
  title: string;
  /** one line under the title (setting and tasks, a pattern, ...) */
  detail?: string;
  /** a content note, shown in the list before anyone opens the card */
  note?: string;
  /** the values of each facet this card has, by the facet's key */
  facets: Record<string, string[]>;
  /** more words a search should find (the card's text) */
  text?: string;
  /** the card as a preview shows it */
  preview: () => TemplateResult;
}

/** A filter: its label, the words for "any", and the words for each of its values. */
export interface PickerFacet {
  key: string;
  label: string;
  any: string;
  words: (value: string) => string;
}

/** How many matches show before "Show more". */
export const PAGE = 8;

/** Lower case, without accents, so "café" is found by "cafe". */
function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/**
 * The cards that match a search and the chosen filters: every word of the search must appear in
 * the card's title, detail, note, facet words or text; each filter that is set must be one of
 * the card's values for it.
 */
export function matchingCards(
  cards: readonly PickerCard[],
  facets: readonly PickerFacet[],
  query: string,
  filters: Record<string, string>,
): PickerCard[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  return cards.filter((card) => {
    for (const facet of facets) {
      const want = filters[facet.key];
      if (want && !(card.facets[facet.key] ?? []).includes(want)) return false;
    }
    if (!words.length) return true;
    const haystack = fold(
      [
        card.title,
        card.detail ?? '',
        card.note ?? '',
        card.text ?? '',
        ...facets.flatMap((f) => (card.facets[f.key] ?? []).map(f.words)),
      ].join(' '),
    );
    return words.every((w) => haystack.includes(w));
  });
}

/**
 * Choosing cards from a bank without a list of every card on the console: the chosen cards
 * (each can be taken off), and, once opened, a search, a filter per facet, the first matches
 * and a preview of the card in focus. It renders into its host's tree (no shadow root), so the
 * console's styles and tests reach it, and tells the host of a change with `chosen-change`.
 *
 * Each checkbox carries `data-test=${test}` and the card's id as its value.
 */
@customElement('mut-card-picker')
export class MutCardPicker extends LitElement {
  @property({ attribute: false }) cards: readonly PickerCard[] = [];
  @property({ attribute: false }) facets: readonly PickerFacet[] = [];
  @property({ attribute: false }) chosen: readonly string[] = [];
  /** at most this many can be chosen (0: no limit) */
  @property({ type: Number }) max = 0;
  /** the kind of card, singular and plural ("scenario", "scenarios") */
  @property() noun = 'card';
  @property() nouns = 'cards';
  /** data-test of each checkbox, and prefix of the picker's own parts */
  @property() test = 'card';

  /** filters to start from (a module's themes, say); a new object sets them again */
  @property({ attribute: false }) preset: Record<string, string> = {};

  @state() private open = false;
  @state() private query = '';
  @state() private filters: Record<string, string> = {};
  @state() private shown = PAGE;
  @state() private previewId?: string;

  protected createRenderRoot() {
    return this;
  }

  protected willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('preset')) {
      this.filters = { ...this.preset };
      this.shown = PAGE;
    }
  }

  protected updated(): void {
    // each select shows its filter: set once its options are in place (a value set before them would not hold)
    for (const select of this.querySelectorAll<HTMLSelectElement>(`select[data-test="${this.test}-facet"]`)) {
      select.value = this.filters[select.dataset.facet ?? ''] ?? '';
    }
  }

  /** Opens the search and puts the cursor in it (the console's "open the picker" key). */
  async openPicker(): Promise<void> {
    this.open = true;
    await this.updateComplete;
    this.querySelector<HTMLInputElement>(`[data-test="${this.test}-search"]`)?.focus();
  }

  private setChosen(next: string[]) {
    this.chosen = next; // at once, so a second click before the host renders again builds on the first
    this.dispatchEvent(new CustomEvent<string[]>('chosen-change', { detail: next, bubbles: true, composed: true }));
  }

  private toggle(id: string, on: boolean) {
    const next = on ? [...new Set([...this.chosen, id])] : this.chosen.filter((x) => x !== id);
    this.setChosen(this.max ? next.slice(0, this.max) : next);
  }

  render() {
    const byId = new Map(this.cards.map((c) => [c.id, c]));
    const full = this.max > 0 && this.chosen.length >= this.max;
    return html`<fieldset class="picker">
      <legend>${this.nouns[0].toUpperCase() + this.nouns.slice(1)} from the bank${this.max ? ` (up to ${this.max})` : ''}</legend>
      ${
        this.chosen.length
          ? html`<ul class="chosen" aria-label="Chosen ${this.nouns}" data-test="${this.test}-chosen">
            ${this.chosen.map((id) => {
              const card = byId.get(id);
              return html`<li>
                <span>${card?.title ?? id}</span>
                <button class="quiet" type="button" data-unchoose=${id} @click=${() => this.toggle(id, false)}>
                  Take off<span class="visually-hidden"> ${card?.title ?? id}</span>
                </button>
              </li>`;
            })}
          </ul>`
          : html`<p class="muted">No ${this.nouns} chosen yet.</p>`
      }
      <button
        class="button secondary"
        type="button"
        data-test="${this.test}-find"
        aria-expanded=${this.open ? 'true' : 'false'}
        @click=${() => (this.open ? (this.open = false) : void this.openPicker())}
      >
        ${this.open ? `Close the search` : `Find ${this.nouns}`}
      </button>
      ${this.open ? this.renderSearch(full) : nothing}
    </fieldset>`;
  }

  private renderSearch(full: boolean) {
    const matches = matchingCards(this.cards, this.facets, this.query, this.filters);
    const showing = matches.slice(0, this.shown);
    const preview = this.cards.find((c) => c.id === this.previewId);
    return html`<div class="finder">
      <div class="filters">
        <div>
          <label for="${this.test}-search">Search</label>
          <input
            id="${this.test}-search"
            type="search"
            data-test="${this.test}-search"
            .value=${live(this.query)}
            @input=${(e: InputEvent) => {
              this.query = (e.target as HTMLInputElement).value;
              this.shown = PAGE;
            }}
          />
        </div>
        ${this.facets.map((f) => {
          const values = [...new Set(this.cards.flatMap((c) => c.facets[f.key] ?? []))].sort((a, b) =>
            f.words(a).localeCompare(f.words(b)),
          );
          return html`<div>
            <label for="${this.test}-facet-${f.key}">${f.label}</label>
            <select
              id="${this.test}-facet-${f.key}"
              data-test="${this.test}-facet"
              data-facet=${f.key}
              @change=${(e: Event) => {
                this.filters = { ...this.filters, [f.key]: (e.target as HTMLSelectElement).value };
                this.shown = PAGE;
              }}
            >
              <option value="">${f.any}</option>
              ${values.map((v) => html`<option value=${v}>${f.words(v)}</option>`)}
            </select>
          </div>`;
        })}
      </div>
      <p class="hint" role="status" data-test="${this.test}-count">
        ${
          matches.length === 0
            ? `No ${this.nouns} match.`
            : matches.length === 1
              ? `1 ${this.noun} matches.`
              : `${matches.length} ${this.nouns} match${showing.length < matches.length ? `; the first ${showing.length} are shown` : ''}.`
        }
      </p>
      <div class="found">
        <ul class="checks-list" aria-label="Matching ${this.nouns}">
          ${showing.map((card) => {
            const checked = this.chosen.includes(card.id);
            return html`<li class=${card.id === this.previewId ? 'previewing' : ''}>
              <label>
                <input
                  type="checkbox"
                  value=${card.id}
                  data-test=${this.test}
                  .checked=${live(checked)}
                  ?disabled=${!checked && full}
                  @change=${(e: Event) => this.toggle(card.id, (e.target as HTMLInputElement).checked)}
                />
                <span>
                  <span class="title">${card.title}</span>
                  ${card.detail ? html`<span class="detail">${card.detail}</span>` : nothing}
                  ${card.note ? html`<span class="detail note">Content note: ${card.note}</span>` : nothing}
                </span>
              </label>
              <button
                class="quiet"
                type="button"
                data-preview=${card.id}
                aria-pressed=${card.id === this.previewId ? 'true' : 'false'}
                @click=${() => (this.previewId = card.id === this.previewId ? undefined : card.id)}
              >
                Preview<span class="visually-hidden"> ${card.title}</span>
              </button>
            </li>`;
          })}
        </ul>
        ${
          preview
            ? html`<div
              class="preview"
              role="region"
              aria-label="Preview: ${preview.title}"
              tabindex="0"
              data-test="${this.test}-preview"
            >
              <h3>${preview.title}</h3>
              ${preview.preview()}
            </div>`
            : nothing
        }
      </div>
      ${
        showing.length < matches.length
          ? html`<button class="quiet" type="button" data-test="${this.test}-more" @click=${() => (this.shown += PAGE)}>
            Show ${Math.min(PAGE, matches.length - showing.length)} more
          </button>`
          : nothing
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-card-picker': MutCardPicker;
  }
}

/** The picker's look: it lives in the console's tree, so the console includes these. */
export const pickerStyles = css`
  .picker ul.chosen {
    list-style: none;
    margin: 0 0 var(--mut-space-3);
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: var(--mut-space-2);
  }
  .picker ul.chosen li {
    display: inline-flex;
    align-items: center;
    gap: var(--mut-space-2);
    padding: var(--mut-space-1) var(--mut-space-2) var(--mut-space-1) var(--mut-space-3);
    border: 1px solid var(--mut-primary);
    background: var(--mut-calm);
    border-radius: var(--mut-radius-sm);
    overflow-wrap: anywhere;
  }
  .picker .finder {
    display: grid;
    gap: var(--mut-space-3);
    margin-top: var(--mut-space-3);
  }
  .picker .filters {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
    gap: var(--mut-space-3);
    align-items: end;
  }
  .picker .filters select,
  .picker .filters input {
    width: 100%;
    box-sizing: border-box;
  }
  .picker .found {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
    gap: var(--mut-space-3);
    align-items: start;
  }
  .picker .found .checks-list li {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: var(--mut-space-2);
    align-items: start;
  }
  .picker .found .checks-list li.previewing label {
    outline: 2px solid var(--mut-primary);
  }
  .picker .preview {
    border: 1px solid var(--mut-line);
    border-radius: var(--mut-radius-sm);
    padding: var(--mut-space-3) var(--mut-space-4);
    max-height: 28rem;
    overflow: auto;
    overflow-wrap: anywhere;
  }
  .picker .preview h3 {
    margin: 0 0 var(--mut-space-2);
    font-size: var(--mut-text-md);
  }
  .picker .preview p {
    white-space: pre-wrap;
  }
`;
