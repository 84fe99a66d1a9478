import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CalendarLink } from './types';
import { feedUrl, webcalUrl } from './calendar';
import { shared } from '../shared/styles/shared';
import { copyOrSelect, copyStyles } from '../shared/copy-link';

type Shown =
  | { state: 'hidden' }
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; url: string; webcal?: string };

/**
 * A private calendar feed to subscribe to: shown only when asked for (it is private, and
 * screens get shared in trainings), with a copy button and a webcal:// link that opens the
 * calendar app.
 */
@customElement('mut-calendar-link')
export class MutCalendarLink extends LitElement {
  static styles = [
    shared,
    copyStyles,
    css`
      h2 {
        font-size: var(--mut-calendar-heading-size, var(--mut-text-xl));
      }
      h2,
      h3 {
        margin-bottom: var(--mut-space-2);
      }
      .link {
        display: grid;
        gap: var(--mut-space-2);
        max-width: 44rem;
      }
      .link,
      .actions,
      .notice {
        margin-top: var(--mut-space-4);
      }
      .link label {
        margin: 0;
      }
    `,
  ];

  @property() heading = 'Add to a calendar';
  /** Its heading's level: 2 on a page of its own, 3 within a section of a page. */
  @property({ type: Number }) level: 2 | 3 = 2;
  /** What the feed holds, for the words: "this cohort's training days". */
  @property() what = 'these training days';
  /** Names the feed; when it changes, the link is hidden again until asked for. */
  @property() source = '';
  /** Fetches the feed's link. */
  @property({ attribute: false }) fetchLink?: () => Promise<CalendarLink>;

  @state() private shown: Shown = { state: 'hidden' };
  @state() private copied = '';

  protected willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('source') && changed.get('source') !== undefined) {
      this.shown = { state: 'hidden' };
      this.copied = '';
    }
  }

  render() {
    return html`<section aria-labelledby="calendar-heading" data-test="calendar">
      ${
        this.level === 3
          ? html`<h3 id="calendar-heading">${this.heading}</h3>`
          : html`<h2 id="calendar-heading">${this.heading}</h2>`
      }
      <p class="hint" id="calendar-hint">
        Calendar apps check this link and keep ${this.what} up to date by themselves. Keep it private: anyone who has it
        can see them.
      </p>
      ${this.renderLink()}
    </section>`;
  }

  private renderLink() {
    const shown = this.shown;
    switch (shown.state) {
      case 'hidden':
        return html`<div class="actions">
          <button class="button secondary" type="button" data-test="calendar-show" @click=${this.show}>
            Show the calendar link
          </button>
        </div>`;
      case 'loading':
        return html`<p class="muted" role="status">Getting the calendar link…</p>`;
      case 'failed':
        return html`<p class="notice" role="alert">${shown.message}</p>
          <div class="actions">
            <button class="button secondary" type="button" data-test="calendar-show" @click=${this.show}>
              Try again
            </button>
          </div>`;
      case 'ready':
        return html`<div class="link">
          <label for="calendar-url">Calendar link</label>
          <div class="copy">
            <input
              id="calendar-url"
              type="text"
              readonly
              spellcheck="false"
              .value=${shown.url}
              data-test="calendar-url"
              aria-describedby="calendar-hint"
            />
            <button class="button secondary" type="button" data-test="calendar-copy" @click=${() => this.copy(shown.url)}>
              Copy link
            </button>
          </div>
          ${
            shown.webcal
              ? html`<p>
                <a href=${shown.webcal} data-test="calendar-webcal">Open it in your calendar app</a><span class="muted"
                  >, or paste the link where your calendar app offers to add a calendar from a web address.</span
                >
              </p>`
              : nothing
          }
          <p class="hint" role="status">${this.copied}</p>
        </div>`;
    }
  }

  private async show() {
    if (!this.fetchLink || this.shown.state === 'loading') return;
    const source = this.source;
    this.shown = { state: 'loading' };
    this.copied = '';
    try {
      const { url } = await this.fetchLink();
      if (source !== this.source) return;
      const feed = feedUrl(url ?? '');
      this.shown = feed
        ? { state: 'ready', url: feed, webcal: webcalUrl(feed) }
        : { state: 'failed', message: 'The calendar link could not be read. Please try again later.' };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#calendar-url')?.focus();
    } catch (e) {
      if (source !== this.source) return;
      this.shown = {
        state: 'failed',
        message: e instanceof Error ? e.message : 'The calendar link could not be fetched. Please try again.',
      };
    }
  }

  private async copy(url: string) {
    this.copied = await copyOrSelect(this, '#calendar-url', url);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-calendar-link': MutCalendarLink;
  }
}
