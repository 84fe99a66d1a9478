import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { LensMark } from './lens';
import type { DraftStore } from '../live/drafts';
import { loadLens } from '../live/lexicon';
import type { ShareAs } from '../live/protocol';
import {
  boardColumnLabel,
  boardColumns,
  myPair,
  mySharedEntry,
  statementText,
  type BoardEntry,
  type ReframeExercise,
} from '../live/reframe-state';
import type { RoomState } from '../live/room-state';
import { shareAsWords } from '../live/room-words';
import { shared } from '../shared/styles/shared';
import { activityStyles, CommandRunner, type SendCommand } from './activity-common';
import { liveStyles } from './live-common';

type Lens = (text: string) => LensMark[];

const SHARE_CHOICES: ShareAs[] = ['named', 'anonymous', 'none'];

const SHARE_TEST: Record<ShareAs, string> = {
  named: 'reframe-share-named',
  anonymous: 'reframe-share-anonymous',
  none: 'reframe-share-none',
};

/** The text with the lens's marks as <mark> elements; every piece is rendered as text. */
export function markedText(text: string, marks: LensMark[]) {
  const pieces: unknown[] = [];
  let at = 0;
  for (const m of [...marks].sort((a, b) => a.start - b.start)) {
    if (m.start < at) continue;
    if (m.start > at) pieces.push(text.slice(at, m.start));
    pieces.push(html`<mark class="lens" data-test="lens-mark" data-term=${m.term.term}>${text.slice(m.start, m.end)}</mark>`);
    at = m.end;
  }
  if (at < text.length) pieces.push(text.slice(at));
  return pieces;
}

/** Each marked term once: why it matters, and other ways to say it. */
export function lensNotes(marks: LensMark[]) {
  const seen = new Set<string>();
  const terms = marks.map((m) => m.term).filter((t) => (seen.has(t.term) ? false : (seen.add(t.term), true)));
  if (!terms.length) return nothing;
  return html`<ul class="lens-notes" aria-label="Words the language lens points to">
    ${terms.map(
      (t) => html`<li data-test="lens-note" data-term=${t.term}>
        <strong>${t.term}</strong>: ${t.why}
        ${t.alternatives.length ? html`<span class="alternatives">Other ways to say it: ${t.alternatives.join('; ')}.</span>` : nothing}
      </li>`,
    )}
  </ul>`;
}

/**
 * The "what happened?" exercise as a participant lives it: each "what's wrong" statement with a
 * private rewrite box, the language lens pointing at words as they are typed (it never blocks),
 * pairs, the share choice after the reveal, and the shared board with "this opens something for
 * me". Nothing is required; nothing is counted or ranked.
 */
@customElement('mut-reframe')
export class MutReframe extends LitElement {
  static styles = [
    shared,
    liveStyles,
    activityStyles,
    css`
      ol.statements {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--mut-space-6);
      }
      ol.statements > li {
        border-top: 1px solid var(--mut-line);
        padding-top: var(--mut-space-4);
      }
      .original {
        font-size: var(--mut-text-lg);
        font-weight: 600;
        margin: 0 0 var(--mut-space-3);
        overflow-wrap: anywhere;
      }
      .original .label {
        display: block;
        font-size: var(--mut-text-sm);
        font-weight: 400;
        color: var(--mut-ink-soft);
      }
      .lens-preview {
        margin: var(--mut-space-2) 0 0;
        padding: var(--mut-space-2) var(--mut-space-3);
        border: 1px dashed var(--mut-line);
        border-radius: var(--mut-radius-sm);
        overflow-wrap: anywhere;
      }
      .lens-preview .label {
        display: block;
        font-size: var(--mut-text-sm);
        color: var(--mut-ink-soft);
        margin-bottom: var(--mut-space-1);
      }
      .lens-preview .mirror {
        white-space: pre-wrap;
        margin: 0;
        max-width: none;
      }
      mark.lens {
        background: var(--mut-notice);
        color: var(--mut-notice-ink);
        border-bottom: 2px solid var(--mut-accent);
        padding: 0 0.1em;
      }
      ul.lens-notes {
        margin: var(--mut-space-2) 0 0;
        padding-left: var(--mut-space-6);
        font-size: var(--mut-text-sm);
      }
      ul.lens-notes .alternatives {
        display: block;
        color: var(--mut-ink-soft);
      }
      .kept-line {
        font-size: var(--mut-text-sm);
        color: var(--mut-primary-strong);
        margin: var(--mut-space-1) 0 0;
      }
      .share-choice {
        margin-top: var(--mut-space-3);
        padding: var(--mut-space-3);
        background: var(--mut-calm);
        border-radius: var(--mut-radius-sm);
      }
      .share-choice p {
        margin: 0 0 var(--mut-space-2);
      }
      .compared li {
        padding: var(--mut-space-2) var(--mut-space-3);
        border-left: 4px solid var(--mut-task-worldview-edge);
        background: var(--mut-task-worldview);
        border-radius: 0 var(--mut-radius-sm) var(--mut-radius-sm) 0;
        overflow-wrap: anywhere;
      }
      .compared p {
        margin: 0 0 var(--mut-space-1);
      }
      .resonate {
        text-align: left;
      }
      .resonate[aria-pressed='true'],
      .resonate[aria-pressed='true'][disabled] {
        opacity: 1;
        font-weight: 700;
        text-decoration: none;
        color: var(--mut-primary-strong);
        cursor: default;
      }
    `,
  ];

  @property({ attribute: false }) state?: RoomState;
  @property({ attribute: false }) send?: SendCommand;
  /** where what is typed is kept across reloads (participants) */
  @property({ attribute: false }) drafts?: DraftStore;

  @state() private lens?: Lens;
  @state() private lensUnavailable = false;
  private readonly commands = new CommandRunner(this, () => this.send);
  /** what is being typed, by draft key; falls back to the drafts store and then to what was kept */
  @state() private typing: Record<string, string> = {};

  private lensRequested = false;

  private get me(): string | undefined {
    return this.state?.me?.id;
  }

  protected willUpdate(): void {
    if (this.state?.reframe && !this.lensRequested) {
      this.lensRequested = true;
      loadLens().then(
        (lens) => (this.lens = lens),
        () => (this.lensUnavailable = true),
      );
    }
  }

  private problem(key: string) {
    const message = this.commands.problemFor(key);
    return message ? html`<p class="notice" role="alert">${message}</p>` : nothing;
  }

  /* ---- what is typed ---- */

  private draft(key: string, fallback: string): string {
    return this.typing[key] ?? this.drafts?.value.rewrites?.[key] ?? fallback;
  }

  private setDraft(key: string, text: string) {
    this.typing = { ...this.typing, [key]: text };
    this.drafts?.update((d) => ({ ...d, rewrites: { ...(d.rewrites ?? {}), [key]: text } }));
  }

  private forgetDraft(key: string) {
    const typing = { ...this.typing };
    delete typing[key];
    this.typing = typing;
    this.drafts?.update((d) => {
      const rewrites = { ...(d.rewrites ?? {}) };
      delete rewrites[key];
      return { ...d, rewrites };
    });
  }

  /* ---- rendering ---- */

  render() {
    const x = this.state?.reframe;
    if (!x) return nothing;
    return html`<section class="card activity reframe" aria-labelledby="reframe-title" data-test="reframe">
      <p class="eyebrow">Reframing</p>
      <h2 id="reframe-title">What happened?</h2>
      ${
        x.phase === 'closed'
          ? html`<p class="lede">The exercise has closed. Thank you.</p>`
          : html`<p>
            Each statement says what's wrong with someone. Try saying it as what happened instead, or as a question you
            could ask. Only you see what you write until you choose to share it, and you never have to.
          </p>`
      }
      ${x.phase === 'closed' ? nothing : x.mode === 'pairs' ? this.renderPairs(x) : this.renderSolo(x)}
      ${x.phase === 'writing' ? nothing : this.renderBoard(x)}
    </section>`;
  }

  private renderSolo(x: ReframeExercise) {
    if (!x.statements.length) return html`<p class="muted">No statements yet.</p>`;
    return html`<ol class="statements" data-test="reframe-statements" aria-label="Statements to rewrite">
      ${x.statements.map(
        (s) => html`<li data-test="reframe-statement" data-statement=${s.statementId}>
          <p class="original"><span class="label">What's wrong</span>${s.text}</p>
          ${this.renderRewrite(x, s.statementId)}
        </li>`,
      )}
    </ol>`;
  }

  private renderPairs(x: ReframeExercise) {
    const mine = myPair(x, this.me);
    if (!x.pairs.length) return html`<p class="muted">Pairs are being made.</p>`;
    if (!mine) return html`<p>You're not in a pair for this exercise. You're welcome to follow the board after the reveal.</p>`;
    const others = mine.pair.members.filter((m) => m.participantId !== this.me);
    const names = (list: { name: string }[], fallback: string) => list.map((m) => m.name).join(' and ') || fallback;
    const partnerNames = names(others, 'your partner');
    // whose statement I rewrite, and who rewrites mine (in a three, these are different people)
    const holderName = names(
      others.filter((m) => m.holds === mine.me.rewrites),
      'your partner',
    );
    const rewriterNames = names(
      others.filter((m) => m.rewrites === mine.me.holds),
      'your partner',
    );
    const holding = statementText(x, mine.me.holds);
    const toRewrite = statementText(x, mine.me.rewrites);
    const compared = x.compared[mine.pair.pairId];
    const heldKey = `${x.id}/held`;
    const heldDraft = this.draft(heldKey, '');
    return html`<p>You're in a pair with ${partnerNames}.</p>
      <ol class="statements" data-test="reframe-statements" aria-label="Your pair's statements">
        <li data-test="reframe-held" data-statement=${mine.me.holds}>
          <p class="original"><span class="label">The statement you hold</span>${holding ?? 'Not written yet'}</p>
          ${
            x.phase === 'writing'
              ? html`<form class="grid" novalidate @submit=${(e: Event) => this.setHeld(e, x, heldKey)}>
                <div>
                  <label for="held-text">${holding ? 'Put it in your own words (you can skip this)' : 'Write a “what’s wrong” statement you have heard or said'}</label>
                  <textarea
                    id="held-text"
                    data-test="reframe-own-statement"
                    maxlength="300"
                    rows="2"
                    .value=${live(heldDraft)}
                    @input=${(e: InputEvent) => this.setDraft(heldKey, (e.target as HTMLTextAreaElement).value)}
                  ></textarea>
                  <p class="hint">${rewriterNames} will rewrite it. Nobody else sees it.</p>
                </div>
                <div>
                  <button class="button secondary" type="submit" data-test="reframe-own-statement-submit" ?disabled=${this.commands.busy.has('held')}>
                    Give this statement to ${rewriterNames}
                  </button>
                </div>
                ${this.problem('held')}
              </form>`
              : nothing
          }
        </li>
        <li data-test="reframe-statement" data-statement=${mine.me.rewrites}>
          <p class="original"><span class="label">${holderName}'s statement, for you to rewrite</span>${toRewrite ?? ''}</p>
          ${
            toRewrite
              ? this.renderRewrite(x, mine.me.rewrites)
              : html`<p class="muted">Waiting for ${holderName} to put their statement into words.</p>`
          }
        </li>
      </ol>
      ${
        compared?.length
          ? html`<h3>Side by side</h3>
            <ul class="plain compared" data-test="reframe-compared" aria-label="Your pair's rewrites">
              ${compared.map(
                (c) => html`<li>
                  <p class="status-line">“${c.statement}”</p>
                  <p>${c.text}</p>
                  <p class="status-line">— ${c.participantId === this.me ? 'You' : c.name}</p>
                </li>`,
              )}
            </ul>`
          : nothing
      }`;
  }

  private async setHeld(event: Event, x: ReframeExercise, key: string) {
    event.preventDefault();
    const text = this.draft(key, '').trim();
    if (!text) {
      this.commands.say('Write the statement first, or leave it as it is.', 'held');
      return;
    }
    if (await this.commands.run('held', { type: 'reframe.statement', exerciseId: x.id, text })) this.forgetDraft(key);
  }

  /** The private rewrite box for one statement, with the lens, the keep button and (after the reveal) the share choice. */
  private renderRewrite(x: ReframeExercise, statementId: string) {
    const key = `${x.id}/${statementId}`;
    const kept = x.rewrites[statementId];
    const text = this.draft(key, kept?.text ?? '');
    const marks = this.lens ? this.lens(text) : [];
    const changed = !kept || kept.text !== text;
    const id = `rewrite-${statementId}`;
    return html`<form class="grid rewrite" novalidate @submit=${(e: Event) => this.keep(e, x, statementId, key)}>
        <div>
          <label for=${id}>Your “what happened?” rewrite</label>
          <textarea
            id=${id}
            data-test="reframe-rewrite"
            data-statement=${statementId}
            maxlength="1000"
            rows="3"
            aria-describedby="${id}-private"
            .value=${live(text)}
            @input=${(e: InputEvent) => this.setDraft(key, (e.target as HTMLTextAreaElement).value)}
          ></textarea>
          <p class="hint" id="${id}-private">Only you see this.</p>
          ${
            text.trim()
              ? html`<div class="lens-preview" data-test="lens-preview" aria-live="polite">
                <span class="label">${marks.length ? 'The language lens points to:' : 'The language lens has nothing to point to.'}</span>
                <p class="mirror">${markedText(text, marks)}</p>
                ${lensNotes(marks)}
              </div>`
              : nothing
          }
          ${this.lensUnavailable ? html`<p class="hint">The language lens isn't available just now.</p>` : nothing}
        </div>
        <div class="actions">
          <button class="button secondary" type="submit" data-test="reframe-keep" ?disabled=${this.commands.busy.has(key)}>
            Keep this rewrite
          </button>
          ${kept && !changed ? html`<span class="kept-line" role="status">Kept. Only you see it.</span>` : nothing}
        </div>
        ${this.problem(key)}
      </form>
      ${x.phase === 'reveal' && kept ? this.renderShareChoice(x, statementId) : nothing}`;
  }

  private async keep(event: Event, x: ReframeExercise, statementId: string, key: string) {
    event.preventDefault();
    const text = this.draft(key, x.rewrites[statementId]?.text ?? '').trim();
    if (!text) {
      this.commands.say('Write something first, or leave this one.', key);
      return;
    }
    if (await this.commands.run(key, { type: 'reframe.write', exerciseId: x.id, statementId, text })) {
      // kept on the server now: the box keeps showing it, and nothing more needs keeping here
      this.forgetDraft(key);
      this.typing = { ...this.typing, [key]: text };
    }
  }

  private renderShareChoice(x: ReframeExercise, statementId: string) {
    const entry = mySharedEntry(x, statementId);
    const key = `share:${statementId}`;
    if (entry) {
      return html`<div class="share-choice" data-test="reframe-share-choice">
        <p role="status">${entry.anonymous ? 'Shared on the board without your name.' : 'Shared on the board with your name.'}</p>
        <button
          class="quiet"
          type="button"
          data-test="reframe-unshare"
          ?disabled=${this.commands.busy.has(key)}
          @click=${() => this.commands.run(key, { type: 'reframe.unshare', exerciseId: x.id, entryId: entry.entryId })}
        >
          Take it back
        </button>
        ${this.problem(key)}
      </div>`;
    }
    const kept = x.kept.includes(statementId);
    return html`<div class="share-choice" data-test="reframe-share-choice">
      <p>${kept ? 'You kept this to yourself. You can still change your mind.' : 'Would you like to share this rewrite with the room?'}</p>
      <div class="actions">
        ${SHARE_CHOICES.filter((as) => !(kept && as === 'none')).map(
          (as) => html`<button
            class="button secondary"
            type="button"
            data-test=${SHARE_TEST[as]}
            ?disabled=${this.commands.busy.has(key)}
            @click=${() => this.commands.run(key, { type: 'reframe.share', exerciseId: x.id, statementId, as })}
          >
            ${shareAsWords(as)}
          </button>`,
        )}
      </div>
      ${this.problem(key)}
    </div>`;
  }

  /* ---- the board ---- */

  private renderBoard(x: ReframeExercise) {
    const columns = boardColumns(x);
    return html`<h3>The shared board</h3>
      <p class="hint">Rewrites people chose to share, beside the statement they started from.</p>
      <div class="board" data-test="reframe-board">
        ${columns.map(
          (c, i) => html`<section class="board-column" data-statement=${c.statementId} aria-label=${boardColumnLabel(i, c.text)}>
            <p class="original"><span class="label">What's wrong</span>${c.text ?? 'A statement one of the pairs held'}</p>
            ${
              c.entries.length
                ? html`<ul class="entries-row">
                  ${c.entries.map((e) => this.renderEntry(x, e))}
                </ul>`
                : html`<p class="muted">Nothing shared for this one yet.</p>`
            }
            ${
              x.examples[c.statementId]?.length
                ? html`<div class="examples" data-test="reframe-examples-list">
                  <h4>Example rewrites from the bank</h4>
                  <ul>
                    ${x.examples[c.statementId].map((t) => html`<li>${t}</li>`)}
                  </ul>
                </div>`
                : nothing
            }
          </section>`,
        )}
      </div>`;
  }

  private renderEntry(x: ReframeExercise, e: BoardEntry) {
    const key = `resonate:${e.entryId}`;
    const who = e.mine ? (e.anonymous ? 'Yours, shared without your name' : 'Yours') : e.anonymous || !e.name ? '' : e.name;
    return html`<li class="entry ${e.highlighted ? 'highlighted' : ''}" data-test="reframe-entry" data-entry=${e.entryId}>
      ${e.highlighted ? html`<p class="highlight-tag">Highlighted</p>` : nothing}
      <p class="text">${e.text}</p>
      ${who ? html`<p class="who">— ${who}</p>` : nothing}
      ${
        e.mine
          ? e.resonated
            ? html`<p class="opened" data-test="reframe-resonated">Someone found this opened something for them.</p>`
            : nothing
          : x.phase === 'closed' && !e.resonanceGiven
            ? nothing
            : html`<button
              class="quiet resonate"
              type="button"
              data-test="reframe-resonate"
              aria-pressed=${e.resonanceGiven ? 'true' : 'false'}
              ?disabled=${e.resonanceGiven || this.commands.busy.has(key)}
              @click=${() => this.commands.run(key, { type: 'reframe.resonate', exerciseId: x.id, entryId: e.entryId })}
            >
              ${e.resonanceGiven ? 'This opened something for you' : 'This opens something for me'}
            </button>`
      }
      ${this.problem(key)}
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-reframe': MutReframe;
  }
}
