import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CurriculumModule } from '../curricula/types';
import { roleWords, taskWords } from '../curricula/curriculum';
import type { RoleplayPerson } from '../live/protocol';
import { presentParticipants, type Roleplay, type RoomState } from '../live/room-state';
import { currentRoles, currentScenario, listenersOf } from '../live/roleplay-state';
import { groupingWords, oddRuleWords } from '../live/room-words';
import { shared } from '../shared/styles/shared';
import { focusAfterUpdate } from '../shared/fields';
import '../shared/mut-confirm';
import { activityStyles, roundClockView, CommandRunner, type SendCommand } from '../room/activity-common';
import { liveStyles } from '../room/live-common';
import '../room/mut-roleplay';
import './mut-roleplay-launch';
import { roleplayConsoleStyles } from './mut-roleplay-console-styles';
import { pickerStyles } from './mut-card-picker';

const UNASSIGNED = '';

/**
 * The facilitator's side of a role-play: launching one (from the current module's activity or
 * ad hoc), forming the groups (drag and drop, or each person's group list), and running it:
 * each group's status, a quiet "would like a facilitator" marker, listening in, the one round
 * clock, the debriefs, the notes people agreed to share and what groups shared.
 */
@customElement('mut-roleplay-console')
export class MutRoleplayConsole extends LitElement {
  static styles = [shared, liveStyles, activityStyles, pickerStyles, roleplayConsoleStyles];

  @property({ attribute: false }) state?: RoomState;
  /** the server's time now (ms) */
  @property({ attribute: false }) now = 0;
  @property({ attribute: false }) send?: SendCommand;
  /** the module under way, if any: its role-play activity is offered first */
  @property({ attribute: false }) module?: CurriculumModule | null;
  /** the day has ended: nothing more can be launched */
  @property({ type: Boolean }) ended = false;

  private readonly commands = new CommandRunner(this, () => this.send);
  @state() private confirmingEnd = false;
  @state() private dropTarget?: string;

  private dragging?: string;

  render() {
    const r = this.state?.roleplay;
    const running = r && r.phase !== 'ended';
    return html`<section class="card activity roleplay-console" aria-labelledby="rpc-title" data-test="roleplay-console">
      <h2 id="rpc-title">${running ? `Role-play: ${r.title || 'under way'}` : 'Role-play'}</h2>
      ${running ? (r.phase === 'forming' ? this.renderForming(r) : this.renderRunning(r)) : nothing}
      ${r && r.phase === 'ended' ? this.renderEndedSummary(r) : nothing}
      ${!running && this.ended ? html`<p class="muted">The room is closed.</p>` : nothing}
      <mut-roleplay-launch .module=${this.module} .send=${this.send} ?off=${!!running || this.ended}></mut-roleplay-launch>
      ${this.commands.problem ? html`<p class="notice" role="alert" data-problem="roleplay">${this.commands.problem}</p>` : nothing}
    </section>`;
  }

  /* ---- forming ---- */

  /** Everyone who could be in a group: the layout's people, and anyone here the layout has not caught up with. */
  private unplaced(r: Roleplay): RoleplayPerson[] {
    const placed = new Set(r.groups.flatMap((g) => g.members.map((m) => m.participantId)));
    const list = [...r.unassigned];
    const listed = new Set(list.map((p) => p.participantId));
    for (const p of this.state ? presentParticipants(this.state) : []) {
      if (!placed.has(p.id) && !listed.has(p.id)) list.push({ participantId: p.id, name: p.name });
    }
    return list;
  }

  private groupOf(r: Roleplay, participantId: string): string {
    return r.groups.find((g) => g.members.some((m) => m.participantId === participantId))?.groupId ?? UNASSIGNED;
  }

  private assign(r: Roleplay, participantId: string, groupId: string) {
    if (this.groupOf(r, participantId) === groupId) return;
    this.commands.run(`assign:${participantId}`, {
      type: 'roleplay.assign',
      roleplayId: r.id,
      participantId,
      groupId: groupId === UNASSIGNED ? null : groupId,
    });
  }

  private renderForming(r: Roleplay) {
    const unplaced = this.unplaced(r);
    return html`
      <p class="meta">
        Forming · groups of ${r.groupSize} · ${r.rounds} rounds of ${r.minutes} min · ${groupingWords(r.grouping)} ·
        ${oddRuleWords(r.oddRule)}
      </p>
      <p class="hint">Drag people between groups, or use the group list under each name.</p>
      <div class="groups-board" data-test="roleplay-groups-board">
        ${this.renderZone(
          r,
          UNASSIGNED,
          'Not in a group yet',
          unplaced.map((p) => ({ ...p, facilitator: false })),
        )}
        ${r.groups.map((g) => this.renderZone(r, g.groupId, g.name, g.members))}
      </div>
      <div class="actions running-actions">
        <button
          class="button secondary"
          type="button"
          data-test="roleplay-add-group"
          ?disabled=${this.commands.busy.has('add-group')}
          @click=${() => this.commands.run('add-group', { type: 'roleplay.add-group', roleplayId: r.id })}
        >
          Add a group
        </button>
        <button
          class="button"
          type="button"
          data-test="roleplay-start"
          ?disabled=${this.commands.busy.has('start')}
          @click=${() => this.commands.run('start', { type: 'roleplay.start', roleplayId: r.id })}
        >
          Start the role-play
        </button>
        ${this.renderEnd(r)}
      </div>
      <p class="hint">Starting places anyone still without a group and begins round 1.</p>
    `;
  }

  private renderZone(
    r: Roleplay,
    groupId: string,
    name: string,
    members: { participantId: string; name: string; facilitator: boolean }[],
  ) {
    const over = this.dropTarget === groupId;
    return html`<section
      class="zone ${groupId === UNASSIGNED ? 'unassigned' : ''} ${over ? 'over' : ''}"
      data-test=${groupId === UNASSIGNED ? 'roleplay-unassigned' : 'roleplay-group'}
      data-group=${groupId}
      aria-label=${name}
      @dragover=${(e: DragEvent) => {
        e.preventDefault();
        if (e.dataTransfer) e.dataTransfer.dropEffect = 'move';
        if (this.dropTarget !== groupId) this.dropTarget = groupId;
      }}
      @dragleave=${() => this.dropTarget === groupId && (this.dropTarget = undefined)}
      @drop=${(e: DragEvent) => this.drop(e, r, groupId)}
    >
      <h4>${name}</h4>
      ${
        members.length
          ? html`<ul class="plain">
            ${members.map((m) => this.renderPerson(r, m, groupId))}
          </ul>`
          : html`<p class="muted">${groupId === UNASSIGNED ? 'Everyone has a group.' : 'Nobody yet.'}</p>`
      }
    </section>`;
  }

  private renderPerson(r: Roleplay, m: { participantId: string; name: string; facilitator: boolean }, groupId: string) {
    return html`<li
      class="person"
      draggable="true"
      data-test="roleplay-person"
      data-person=${m.participantId}
      @dragstart=${(e: DragEvent) => {
        this.dragging = m.participantId;
        e.dataTransfer?.setData('text/plain', m.participantId);
        if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
      }}
      @dragend=${() => {
        this.dragging = undefined;
        this.dropTarget = undefined;
      }}
    >
      <span class="name">${m.name}${m.facilitator ? ' (facilitator)' : ''}</span>
      ${this.groupSelect(r, m.participantId, m.name, groupId)}
    </li>`;
  }

  private groupSelect(r: Roleplay, participantId: string, name: string, groupId: string) {
    return html`<select
      data-test="roleplay-assign"
      data-person=${participantId}
      aria-label="Group for ${name}"
      ?disabled=${this.commands.busy.has(`assign:${participantId}`)}
      @change=${(e: Event) => this.assign(r, participantId, (e.target as HTMLSelectElement).value)}
    >
      <option value=${UNASSIGNED} ?selected=${groupId === UNASSIGNED}>Not in a group</option>
      ${r.groups.map((g) => html`<option value=${g.groupId} ?selected=${g.groupId === groupId}>${g.name}</option>`)}
    </select>`;
  }

  private drop(e: DragEvent, r: Roleplay, groupId: string) {
    e.preventDefault();
    const id = e.dataTransfer?.getData('text/plain') || this.dragging;
    this.dragging = undefined;
    this.dropTarget = undefined;
    if (id) this.assign(r, id, groupId);
  }

  /* ---- running ---- */

  private renderRunning(r: Roleplay) {
    const me = this.state?.me?.id;
    const iPlay = r.groups.some((g) => g.members.some((m) => m.participantId === me));
    const unplaced = this.unplaced(r);
    return html`
      <p class="meta">
        ${r.phase === 'rounds' ? `${r.minutes} min a round` : r.phase === 'group-debrief' ? 'Groups are debriefing' : 'Room debrief'}
        · ${r.groups.length} ${r.groups.length === 1 ? 'group' : 'groups'}
      </p>
      ${roundClockView(r, this.now)}
      <div class="actions running-actions">
        ${
          r.phase === 'rounds'
            ? html`<button
                class="button secondary"
                type="button"
                data-test="roleplay-extend"
                ?disabled=${this.commands.busy.has('extend')}
                @click=${() => this.commands.run('extend', { type: 'roleplay.extend', roleplayId: r.id, seconds: 120 })}
              >
                +2 min
              </button>
              ${
                r.round < r.rounds
                  ? html`<button
                    class="button secondary"
                    type="button"
                    data-test="roleplay-next-round"
                    ?disabled=${this.commands.busy.has('next')}
                    @click=${() => this.commands.run('next', { type: 'roleplay.next-round', roleplayId: r.id })}
                  >
                    Next round
                  </button>`
                  : nothing
              }
              <button
                class="button ${r.round >= r.rounds ? '' : 'secondary'}"
                type="button"
                data-test="roleplay-group-debrief"
                ?disabled=${this.commands.busy.has('debrief')}
                @click=${() => this.commands.run('debrief', { type: 'roleplay.debrief', roleplayId: r.id })}
              >
                Group debrief
              </button>`
            : nothing
        }
        ${
          r.phase === 'group-debrief'
            ? html`<button
              class="button"
              type="button"
              data-test="roleplay-room-debrief"
              ?disabled=${this.commands.busy.has('room-debrief')}
              @click=${() => this.commands.run('room-debrief', { type: 'roleplay.room-debrief', roleplayId: r.id })}
            >
              Room debrief
            </button>`
            : nothing
        }
        ${this.renderEnd(r)}
      </div>
      <h3>Groups</h3>
      <div class="status-board" data-test="roleplay-status-board">${r.groups.map((g) => this.renderGroupStatus(r, g.groupId))}</div>
      ${
        unplaced.length
          ? html`<h3>Not in a group</h3>
            <ul class="plain" aria-label="Not in a group">
              ${unplaced.map(
                (p) => html`<li class="person" data-test="roleplay-person" data-person=${p.participantId}>
                  <span class="name">${p.name}</span>${this.groupSelect(r, p.participantId, p.name, UNASSIGNED)}
                </li>`,
              )}
            </ul>
            <p class="hint">Someone added during a round observes until the next one.</p>`
          : nothing
      }
      ${
        iPlay && (r.phase === 'rounds' || r.phase === 'group-debrief')
          ? html`<h3>Your own part</h3>
            <mut-roleplay .state=${this.state} .now=${this.now} .send=${this.send}></mut-roleplay>`
          : nothing
      }
      ${this.renderFacilitatorNotes(r)} ${this.renderShares(r)}
    `;
  }

  private renderGroupStatus(r: Roleplay, groupId: string) {
    const group = r.groups.find((g) => g.groupId === groupId)!;
    const roles = currentRoles(r, groupId);
    const scenario = currentScenario(r, groupId);
    const help = !!r.views[groupId]?.help;
    const listeners = listenersOf(r, groupId);
    const me = this.state?.me?.id;
    const listening = listeners.some((l) => l.facilitatorId === me);
    return html`<article class="group-status ${help ? 'wants-help' : ''}" data-test="roleplay-group-status" data-group=${groupId}>
      <h4>${group.name}</h4>
      ${help ? html`<p><span class="help-marker" data-test="roleplay-help-marker">Would like a facilitator</span></p>` : nothing}
      <ul class="plain group-members">
        ${group.members.map((m) => {
          const role = roles.find((x) => x.participantId === m.participantId)?.role;
          return html`<li data-person=${m.participantId}>
            <span>${m.name}${m.facilitator ? ' (facilitator)' : ''}</span>
            <span class="role">${role ? roleWords(role) : r.phase === 'rounds' ? 'Role to come' : ''}</span>
          </li>`;
        })}
      </ul>
      <p class="status-line" data-test="roleplay-scenario-status">
        ${
          !scenario
            ? r.phase === 'rounds'
              ? 'No scenario yet'
              : ''
            : scenario.opened
              ? `Scenario open: ${scenario.title}`
              : `Reading the content note: ${scenario.title}`
        }
      </p>
      ${
        listeners.length
          ? html`<p class="status-line">Listening: ${listeners.map((l) => (l.facilitatorId === me ? 'you' : l.name)).join(', ')}</p>`
          : nothing
      }
      <div class="actions">
        ${
          listening
            ? html`<button
              class="quiet"
              type="button"
              data-test="roleplay-stop-listening"
              data-group=${groupId}
              ?disabled=${this.commands.busy.has('listen')}
              @click=${() => this.commands.run('listen', { type: 'roleplay.listen', roleplayId: r.id, groupId: null })}
            >
              Stop listening
            </button>`
            : html`<button
              class="quiet"
              type="button"
              data-test="roleplay-listen"
              data-group=${groupId}
              ?disabled=${this.commands.busy.has('listen')}
              @click=${() => this.commands.run('listen', { type: 'roleplay.listen', roleplayId: r.id, groupId })}
            >
              Listen to this group
            </button>`
        }
      </div>
      <details>
        <summary class="status-line">Move someone</summary>
        <ul class="plain">
          ${group.members.map(
            (m) => html`<li class="person" data-person=${m.participantId}>
              <span class="name">${m.name}</span>${this.groupSelect(r, m.participantId, m.name, groupId)}
            </li>`,
          )}
        </ul>
      </details>
    </article>`;
  }

  private renderEnd(r: Roleplay) {
    return html`<button
        class="button secondary"
        type="button"
        data-test="roleplay-end"
        aria-expanded=${this.confirmingEnd ? 'true' : 'false'}
        ?disabled=${this.commands.busy.has('end')}
        @click=${() => (this.confirmingEnd = !this.confirmingEnd)}
      >
        End the role-play
      </button>
      ${
        this.confirmingEnd
          ? html`<mut-confirm
            confirm-test="roleplay-end-confirm"
            confirm-label="End the role-play"
            keep-label="Not yet"
            @confirm=${async () => {
              this.confirmingEnd = false;
              await this.commands.run('end', { type: 'roleplay.end', roleplayId: r.id });
            }}
            @keep=${async () => {
              this.confirmingEnd = false;
              await focusAfterUpdate(this, '[data-test="roleplay-end"]');
            }}
          >
            <p>End the role-play for every group now?</p>
          </mut-confirm>`
          : nothing
      }`;
  }

  private renderFacilitatorNotes(r: Roleplay) {
    if (!r.facilitatorNotes.length) {
      return html`<h3>Notes people agreed to share</h3>
        <p class="muted">None yet. Observers' notes reach you only when everyone a note is about agrees.</p>`;
    }
    const groupName = (id: string) => r.groups.find((g) => g.groupId === id)?.name ?? 'A group';
    return html`<h3>Notes people agreed to share</h3>
      <ul class="plain" aria-label="Notes people agreed to share">
        ${r.facilitatorNotes.map(
          (n) => html`<li class="note-item" data-test="roleplay-facilitator-note" data-note=${n.noteId}>
            <p><span class="task-tag ${n.task}">${taskWords(n.task)}</span><span class="moment">${n.moment}</span></p>
            <p class="status-line">
              ${groupName(n.groupId)}, round ${n.round} · by ${n.by} · about ${n.about.map((p) => p.name).join(', ')}
            </p>
          </li>`,
        )}
      </ul>`;
  }

  private renderShares(r: Roleplay) {
    if (r.phase !== 'room-debrief' && r.phase !== 'ended' && !r.shares.length) return nothing;
    return html`<h3>What the groups shared with the room</h3>
      ${
        r.shares.length
          ? html`<ul class="plain" aria-label="What the groups shared">
            ${r.shares.map(
              (s) => html`<li class="share-item" data-test="roleplay-room-share">
                <p>${s.text}</p>
                <p class="status-line">— ${s.groupName}</p>
              </li>`,
            )}
          </ul>`
          : html`<p class="muted">No group has shared anything with the room. That's fine too.</p>`
      }`;
  }

  private renderEndedSummary(r: Roleplay) {
    return html`<p class="notice calm" role="status">The role-play “${r.title || 'Role-play'}” has ended.</p>
      ${r.shares.length || r.facilitatorNotes.length ? html`${this.renderShares(r)} ${this.renderFacilitatorNotes(r)}` : nothing}
      <h3>Another role-play</h3>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-roleplay-console': MutRoleplayConsole;
  }
}
