import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { roleWords, taskWords } from '../curricula/curriculum';
import { NOTE_TASKS, type NoteTask, type RoleplayGroupLayout } from '../live/protocol';
import type { Roleplay, RoomState } from '../live/room-state';
import { currentScenario, myCard, myGroup, myRole, type Proposal, type RoleplayNote } from '../live/roleplay-state';
import { formingSentence } from '../live/room-words';
import { shared } from '../shared/styles/shared';
import { activityStyles, roundClockView, CommandRunner, type SendCommand } from './activity-common';
import { liveStyles } from './live-common';
import { roleplayStyles } from './mut-roleplay-styles';
import { groupView, memberNames, roomSharesView } from './roleplay-views';

const TASK_HINTS: Record<NoteTask, string> = {
  connection: 'coming closer or drifting apart',
  worldview: 'a way of seeing things coming into view',
  mutuality: 'both people’s needs, limits or power',
  'moving-towards': 'turning towards what someone wants',
};

/**
 * A role-play as a member of a group lives it: forming (and choosing a group), who plays what
 * this round, the scenario (its content note first, then the shared part and one's own card),
 * the round clock, a quiet call for a facilitator, observers' notes with consent, and the
 * debriefs. Every prompt can be passed; nothing here is required.
 */
@customElement('mut-roleplay')
export class MutRoleplay extends LitElement {
  static styles = [shared, liveStyles, activityStyles, roleplayStyles];

  /** The room as I see it. */
  @property({ attribute: false }) state?: RoomState;
  /** The server's time now (ms), for the round clock. */
  @property({ attribute: false }) now = 0;
  @property({ attribute: false }) send?: SendCommand;

  private readonly commands = new CommandRunner(this, () => this.send);
  @state() private noteTask?: NoteTask;
  @state() private noteMoment = '';
  /** who the note is about; undefined: everyone else in the group (the default) */
  @state() private noteAbout?: string[];
  @state() private noteProblem?: string;
  @state() private noteGiven = false;
  @state() private proposalText = '';

  private get me(): string | undefined {
    return this.state?.me?.id;
  }

  render() {
    const r = this.state?.roleplay;
    if (!r) return nothing;
    return html`<section class="card activity roleplay" aria-labelledby="rp-title" data-test="roleplay">
      <p class="eyebrow">Role-play</p>
      <h2 id="rp-title">${r.title || 'Role-play'}</h2>
      ${this.renderPhase(r)}
      ${this.commands.problem ? html`<p class="notice" role="alert" data-problem="roleplay">${this.commands.problem}</p>` : nothing}
    </section>`;
  }

  private renderPhase(r: Roleplay) {
    switch (r.phase) {
      case 'forming':
        return this.renderForming(r);
      case 'rounds':
        return this.renderRounds(r);
      case 'group-debrief':
        return this.renderGroupDebrief(r);
      case 'room-debrief':
        return html`${roomSharesView(r)} ${this.renderNotes(r)}`;
      case 'ended':
        return html`<p class="lede">The role-play has ended. Thank you for practising together.</p>
          ${r.shares.length ? roomSharesView(r) : nothing} ${this.renderNotes(r)}`;
    }
  }

  /* ---- forming ---- */

  private renderForming(r: Roleplay) {
    const mine = myGroup(r, this.me);
    const choosing = r.grouping === 'choice' && !r.final;
    const capacity = r.groupSize + 1;
    return html`
      <p>${formingSentence(r.grouping, r.groupSize)}</p>
      ${
        mine
          ? html`<p class="my-group" data-test="roleplay-my-group" role="status">You're in ${mine.name}.</p>`
          : html`<p class="muted" role="status">You're not in a group yet.</p>`
      }
      ${
        r.groups.length
          ? html`<ul class="plain group-choices" aria-label="Groups">
            ${r.groups.map((g) => {
              const isMine = g.groupId === mine?.groupId;
              const full = g.members.length >= capacity;
              return html`<li class=${isMine ? 'mine' : ''} data-group=${g.groupId}>
                <h4>${g.name}</h4>
                <p>${memberNames(g, this.me)}</p>
                ${
                  choosing && !isMine
                    ? html`<button
                      class="button secondary"
                      type="button"
                      data-test="roleplay-choose-group"
                      data-group=${g.groupId}
                      ?disabled=${full || this.commands.busy.has('choose')}
                      @click=${() => this.commands.run('choose', { type: 'roleplay.choose', roleplayId: r.id, groupId: g.groupId })}
                    >
                      ${full ? `${g.name} is full` : html`Join ${g.name}`}
                    </button>`
                    : nothing
                }
              </li>`;
            })}
          </ul>`
          : html`<p class="muted">No groups yet.</p>`
      }
      ${choosing ? html`<p class="hint">You can change your mind until the role-play starts.</p>` : nothing}
    `;
  }

  /* ---- rounds ---- */

  private renderRounds(r: Roleplay) {
    const group = myGroup(r, this.me);
    if (!group) {
      return html`${roundClockView(r, this.now)}
        <p>You're not in a group for this round. A facilitator can bring you into one; you're welcome to sit this one out.</p>`;
    }
    const role = myRole(r, this.me);
    return html`
      ${roundClockView(r, this.now)} ${groupView(r, group, this.me)} ${this.renderScenario(r, group)}
      ${this.renderHelp(r, group)} ${role === 'observer' ? this.renderNoteForm(r, group) : nothing} ${this.renderNotes(r)}
    `;
  }

  private renderScenario(r: Roleplay, group: RoleplayGroupLayout) {
    const scenario = currentScenario(r, group.groupId);
    if (!scenario) return html`<p class="muted">Your group's scenario is on its way.</p>`;
    const swap = html`<button
      class="quiet"
      type="button"
      data-test="roleplay-swap"
      ?disabled=${this.commands.busy.has('swap')}
      @click=${() => this.commands.run('swap', { type: 'roleplay.swap', roleplayId: r.id })}
    >
      Choose another scenario
    </button>`;
    if (!scenario.opened) {
      return html`<h3>The scenario: ${scenario.title}</h3>
        <div class="content-note" data-test="roleplay-content-note">
          <p><strong>Before you open it:</strong></p>
          <p>${scenario.contentNote ?? 'This scenario has a content note.'}</p>
        </div>
        <p class="hint">Open it when your group is ready, or choose another scenario. No reason is needed.</p>
        <div class="actions">
          <button
            class="button"
            type="button"
            data-test="roleplay-open"
            ?disabled=${this.commands.busy.has('open')}
            @click=${() => this.commands.run('open', { type: 'roleplay.open', roleplayId: r.id })}
          >
            Open the scenario
          </button>
          ${swap}
        </div>`;
    }
    const card = myCard(r, this.me);
    return html`<h3>The scenario: ${scenario.title}</h3>
      ${scenario.contentNote ? html`<p class="hint">Content note: ${scenario.contentNote}</p>` : nothing}
      <div class="shared-part" data-test="roleplay-shared">
        <h4>What everyone in your group reads</h4>
        <p class="text">${scenario.shared ?? ''}</p>
      </div>
      ${
        card
          ? html`<div class="role-card" data-test="role-card" data-role=${card.role}>
            <h4>Your part: ${roleWords(card.role)}</h4>
            <p class="text">${card.card}</p>
            <p class="only-you">Only you see this card.</p>
          </div>`
          : html`<p class="muted">Your own card is on its way.</p>`
      }
      <div class="actions">${swap}</div>`;
  }

  private renderHelp(r: Roleplay, group: RoleplayGroupLayout) {
    const on = !!r.views[group.groupId]?.help;
    return html`<div class="help">
      <button
        class="button secondary help-toggle"
        type="button"
        data-test="roleplay-help"
        aria-pressed=${on ? 'true' : 'false'}
        aria-describedby="help-hint"
        ?disabled=${this.commands.busy.has('help')}
        @click=${() => this.commands.run('help', { type: 'roleplay.help', roleplayId: r.id, on: !on })}
      >
        We'd like a facilitator
      </button>
      <p class="hint" id="help-hint" role="status">
        ${
          on
            ? 'A facilitator has been quietly asked to come by. Press again if your group no longer needs one.'
            : 'Quietly asks a facilitator to come to your group. It comes from the group, not from you by name.'
        }
      </p>
    </div>`;
  }

  /* ---- notes ---- */

  private renderNoteForm(r: Roleplay, group: RoleplayGroupLayout) {
    const others = group.members.filter((m) => m.participantId !== this.me);
    const about = this.noteAbout ?? others.map((m) => m.participantId);
    return html`<h3>A note as the observer</h3>
      <form class="grid note-form" novalidate data-test="roleplay-note-form" @submit=${(e: Event) =>
        this.giveNote(
          e,
          r,
          others.map((m) => m.participantId),
        )}>
        <fieldset>
          <legend>Which task did you notice?</legend>
          <div class="radios stacked">
            ${NOTE_TASKS.map(
              (task) => html`<label>
                <input
                  type="radio"
                  name="note-task"
                  value=${task}
                  data-test="roleplay-note-task"
                  .checked=${live(this.noteTask === task)}
                  @change=${() => {
                    this.noteTask = task;
                    this.noteProblem = undefined;
                  }}
                />
                <span>${taskWords(task)}<span class="hint">${TASK_HINTS[task]}</span></span>
              </label>`,
            )}
          </div>
        </fieldset>
        <div>
          <label for="note-moment">One moment, as it happened</label>
          <textarea
            id="note-moment"
            data-test="roleplay-note-moment"
            maxlength="500"
            rows="3"
            placeholder="When …, …"
            aria-describedby="note-moment-hint"
            .value=${live(this.noteMoment)}
            @input=${(e: InputEvent) => {
              this.noteMoment = (e.target as HTMLTextAreaElement).value;
              this.noteProblem = undefined;
              this.noteGiven = false;
            }}
          ></textarea>
          <p class="hint" id="note-moment-hint">What you saw and heard, not a verdict: “When Ben went quiet, Ana waited with him.”</p>
        </div>
        ${
          others.length
            ? html`<fieldset>
              <legend>Who it's about</legend>
              <div class="checks">
                ${others.map(
                  (m) => html`<label>
                    <input
                      type="checkbox"
                      value=${m.participantId}
                      data-test="roleplay-note-about"
                      .checked=${live(about.includes(m.participantId))}
                      @change=${(e: Event) => this.toggleAbout(about, m.participantId, (e.target as HTMLInputElement).checked)}
                    />
                    ${m.name}
                  </label>`,
                )}
              </div>
            </fieldset>`
            : nothing
        }
        <p class="hint">
          Only the people it's about see your note. The facilitators read it only if every one of them agrees.
        </p>
        <div>
          <button class="button secondary" type="submit" data-test="roleplay-note-submit" ?disabled=${this.commands.busy.has('note')}>
            Give this note
          </button>
        </div>
        <div role="status">
          ${this.noteProblem ? html`<p class="notice">${this.noteProblem}</p>` : nothing}
          ${this.noteGiven ? html`<p class="hint">Your note has been given.</p>` : nothing}
        </div>
      </form>`;
  }

  private toggleAbout(current: string[], id: string, on: boolean) {
    this.noteAbout = on ? [...new Set([...current, id])] : current.filter((x) => x !== id);
    this.noteProblem = undefined;
  }

  private async giveNote(event: Event, r: Roleplay, everyoneElse: string[]) {
    event.preventDefault();
    const moment = this.noteMoment.trim();
    const task = this.noteTask;
    if (!task || !moment) {
      this.noteProblem = 'A note needs a task and one moment. You can also leave it for now.';
      return;
    }
    const about = this.noteAbout ?? everyoneElse;
    if (!about.length) {
      this.noteProblem = 'Choose at least one person the note is about.';
      return;
    }
    const everyone = about.length === everyoneElse.length && everyoneElse.every((id) => about.includes(id));
    const ok = await this.commands.run('note', {
      type: 'roleplay.note',
      roleplayId: r.id,
      task,
      moment,
      ...(everyone ? {} : { about }),
    });
    if (ok) {
      this.noteMoment = '';
      this.noteTask = undefined;
      this.noteAbout = undefined;
      this.noteGiven = true;
    }
  }

  private renderNotes(r: Roleplay) {
    const toMe = r.notes.filter((n) => n.aboutMe);
    const byMe = r.notes.filter((n) => n.byMe);
    if (!toMe.length && !byMe.length) return nothing;
    return html`
      ${
        toMe.length
          ? html`<h3>Notes from the observer</h3>
            <p class="private">These are private: only you, the observer and the others each note is about see them.</p>
            <ul class="plain" aria-label="Notes about you">
              ${toMe.map((n) => this.renderNoteToMe(r, n))}
            </ul>`
          : nothing
      }
      ${
        byMe.length
          ? html`<h3>Notes you gave</h3>
            <ul class="plain" aria-label="Notes you gave">
              ${byMe.map(
                (n) => html`<li class="note-item" data-test="roleplay-note" data-note=${n.noteId}>
                  <p><span class="task-tag ${n.task}">${taskWords(n.task)}</span><span class="moment">${n.moment}</span></p>
                  <p class="status-line">
                    About ${n.about.map((p) => p.name).join(', ')} ·
                    ${
                      n.about.length && n.about.every((p) => n.consented.includes(p.participantId))
                        ? 'they agreed the facilitators may read it'
                        : 'private to you and them'
                    }
                  </p>
                </li>`,
              )}
            </ul>`
          : nothing
      }
    `;
  }

  private renderNoteToMe(r: Roleplay, n: RoleplayNote) {
    const agreed = !!this.me && n.consented.includes(this.me);
    const key = `consent:${n.noteId}`;
    return html`<li class="note-item" data-test="roleplay-note" data-note=${n.noteId}>
      <p><span class="task-tag ${n.task}">${taskWords(n.task)}</span><span class="moment">${n.moment}</span></p>
      <p class="status-line">— ${n.by}</p>
      ${
        agreed
          ? html`<p class="status-line" role="status">
            You agreed the facilitators may read this. They will once everyone it's about has agreed.
          </p>`
          : html`<div class="actions">
              <button
                class="quiet"
                type="button"
                data-test="roleplay-note-consent"
                ?disabled=${this.commands.busy.has(key)}
                @click=${() => this.commands.run(key, { type: 'roleplay.note-consent', roleplayId: r.id, noteId: n.noteId })}
              >
                Let the facilitators read this
              </button>
            </div>
            <p class="status-line">Otherwise it stays private. You don't need to do anything.</p>`
      }
    </li>`;
  }

  /* ---- debriefs ---- */

  private renderGroupDebrief(r: Roleplay) {
    const group = myGroup(r, this.me);
    if (!group) {
      return html`<p>The groups are talking over what happened. The room comes together after.</p>`;
    }
    const proposals = r.proposals.filter((p) => p.groupId === group.groupId);
    return html`<p>Talk over what happened in ${group.name}. If something feels worth sharing with the room, anyone can suggest it.</p>
      <form class="grid propose" novalidate @submit=${(e: Event) => this.propose(e, r)}>
        <div>
          <label for="proposal-text">Something your group might share with the room</label>
          <textarea
            id="proposal-text"
            data-test="roleplay-propose-text"
            maxlength="500"
            rows="2"
            .value=${live(this.proposalText)}
            @input=${(e: InputEvent) => (this.proposalText = (e.target as HTMLTextAreaElement).value)}
          ></textarea>
          <p class="hint">It goes to the room only if everyone in your group agrees. Anyone can say “not this one”, and nobody sees who did.</p>
        </div>
        <div>
          <button class="button secondary" type="submit" data-test="roleplay-propose" ?disabled=${this.commands.busy.has('propose')}>
            Suggest sharing this
          </button>
        </div>
      </form>
      ${
        proposals.length
          ? html`<h3>Suggestions in your group</h3>
            <ul class="plain" aria-label="Suggestions to share">
              ${proposals.map((p) => this.renderProposal(r, p))}
            </ul>`
          : nothing
      }
      ${this.renderNotes(r)}`;
  }

  private async propose(event: Event, r: Roleplay) {
    event.preventDefault();
    const text = this.proposalText.trim();
    if (!text) {
      this.commands.say('Write what you would suggest sharing first, or leave it.');
      return;
    }
    if (await this.commands.run('propose', { type: 'roleplay.share-propose', roleplayId: r.id, text })) this.proposalText = '';
  }

  private renderProposal(r: Roleplay, p: Proposal) {
    const agreed = !!this.me && p.agreed.includes(this.me);
    const key = `answer:${p.proposalId}`;
    let status;
    if (p.shared) status = 'Shared with the room.';
    else if (p.ready) status = 'Everyone agreed: this will be shared with the room.';
    else if (p.declined) status = 'Not this one: it stays in your group.';
    else if (agreed) status = 'You agreed. Waiting for the others.';
    return html`<li class="proposal" data-test="roleplay-proposal" data-proposal=${p.proposalId}>
      <p>${p.text}</p>
      <p class="status-line">Suggested by ${p.by}</p>
      ${
        status
          ? html`<p class="status-line" role="status" data-ready=${p.ready ? 'true' : 'false'}>${status}</p>`
          : html`<div class="actions">
            <button
              class="button secondary"
              type="button"
              data-test="roleplay-agree"
              ?disabled=${this.commands.busy.has(key)}
              @click=${() => this.commands.run(key, { type: 'roleplay.share-answer', roleplayId: r.id, proposalId: p.proposalId, agree: true })}
            >
              Agree
            </button>
            <button
              class="button secondary"
              type="button"
              data-test="roleplay-decline"
              ?disabled=${this.commands.busy.has(key)}
              @click=${() => this.commands.run(key, { type: 'roleplay.share-answer', roleplayId: r.id, proposalId: p.proposalId, agree: false })}
            >
              Not this one
            </button>
          </div>`
      }
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-roleplay': MutRoleplay;
  }
}
