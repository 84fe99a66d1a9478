import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { curriculaApi } from '../curricula/api';
import type { Activity, CurriculumModule, Scenario } from '../curricula/types';
import { humanise, roleWords, taskWords } from '../curricula/curriculum';
import type { AdHocScenario, OddRule, RoleplayGrouping, RoleplayLaunchCommand, RoleplayPerson } from '../live/protocol';
import { presentParticipants, type Roleplay, type RoomState } from '../live/room-state';
import { currentRoles, currentScenario, listenersOf } from '../live/roleplay-state';
import { groupingHint, groupingWords, oddRuleHint, oddRuleWords } from '../live/room-words';
import { shared } from '../shared/styles/shared';
import { focusAfterUpdate } from '../shared/fields';
import '../shared/mut-confirm';
import { activityStyles, roundClockView, CommandRunner, type SendCommand } from '../room/activity-common';
import { liveStyles } from '../room/live-common';
import { load, loading, type Loadable } from '../shared/loadable';
import '../room/mut-roleplay';
import { roleplayConsoleStyles } from './mut-roleplay-console-styles';

const GROUPINGS: RoleplayGrouping[] = ['auto', 'manual', 'choice'];
const ODD_RULES: OddRule[] = ['extra-observer', 'facilitator-joins'];
const GROUP_SIZES = [2, 3, 4];
const MAX_SCENARIOS = 12;

type Basis = 'module' | 'ad-hoc';
type Source = 'bank' | 'own';

interface AdHocFields {
  title: string;
  contentNote: string;
  shared: string;
  personSharing: string;
  peerSupporter: string;
  observer: string;
}

const emptyAdHoc = (): AdHocFields => ({
  title: '',
  contentNote: '',
  shared: '',
  personSharing: '',
  peerSupporter: '',
  observer: '',
});

/** The role-play activity of a module, if it has one. */
export function rolePlayActivity(module: CurriculumModule | null | undefined): Activity | undefined {
  return module?.activities?.find((a) => a.kind === 'role-play');
}

const UNASSIGNED = '';

/**
 * The facilitator's side of a role-play: launching one (from the current module's activity or
 * ad hoc), forming the groups (drag and drop, or each person's group list), and running it:
 * each group's status, a quiet "would like a facilitator" marker, listening in, the one round
 * clock, the debriefs, the notes people agreed to share and what groups shared.
 */
@customElement('mut-roleplay-console')
export class MutRoleplayConsole extends LitElement {
  static styles = [shared, liveStyles, activityStyles, roleplayConsoleStyles];

  @property({ attribute: false }) state?: RoomState;
  /** the server's time now (ms) */
  @property({ attribute: false }) now = 0;
  @property({ attribute: false }) send?: SendCommand;
  /** the module under way, if any: its role-play activity is offered first */
  @property({ attribute: false }) module?: CurriculumModule | null;
  /** the day has ended: nothing more can be launched */
  @property({ type: Boolean }) ended = false;

  @state() private bank: Loadable<Scenario[]> = { state: 'loading' };
  private readonly commands = new CommandRunner(this, () => this.send);
  @state() private confirmingEnd = false;
  @state() private dropTarget?: string;

  // the launch form
  @state() private basis: Basis = 'ad-hoc';
  @state() private rpTitle = '';
  @state() private source: Source = 'bank';
  @state() private chosen: string[] = [];
  @state() private adhoc: AdHocFields = emptyAdHoc();
  @state() private groupSize = '3';
  @state() private grouping: RoleplayGrouping = 'auto';
  @state() private oddRule: OddRule = 'extra-observer';
  @state() private rounds = '3';
  @state() private minutes = '10';

  private bankRequested = false;
  private prefilledFor?: string;
  private dragging?: string;

  protected willUpdate(changed: Map<string, unknown>): void {
    if (!this.bankRequested) {
      this.bankRequested = true;
      load(() => curriculaApi.scenarios()).then((bank) => (this.bank = bank));
    }
    if (changed.has('module')) this.prefill();
  }

  /** Fills the form from the current module's role-play activity, once per module. */
  private prefill() {
    const activity = rolePlayActivity(this.module);
    const id = activity ? this.module!.id : undefined;
    if (id === this.prefilledFor) return;
    this.prefilledFor = id;
    if (!activity || !this.module) {
      this.basis = 'ad-hoc';
      return;
    }
    this.basis = 'module';
    this.rpTitle = activity.title ?? this.module.title;
    this.source = 'bank';
    this.chosen = [...(activity.cards ?? [])].slice(0, MAX_SCENARIOS);
    const size = activity.groupSize && activity.groupSize >= 2 && activity.groupSize <= 4 ? activity.groupSize : 3;
    this.groupSize = String(size);
    this.rounds = String(activity.rounds && activity.rounds >= 1 && activity.rounds <= 8 ? activity.rounds : size);
  }

  render() {
    const r = this.state?.roleplay;
    const running = r && r.phase !== 'ended';
    return html`<section class="card activity roleplay-console" aria-labelledby="rpc-title" data-test="roleplay-console">
      <h2 id="rpc-title">${running ? `Role-play: ${r.title || 'under way'}` : 'Role-play'}</h2>
      ${running ? (r.phase === 'forming' ? this.renderForming(r) : this.renderRunning(r)) : nothing}
      ${r && r.phase === 'ended' ? this.renderEndedSummary(r) : nothing}
      ${!running ? (this.ended ? html`<p class="muted">The room is closed.</p>` : this.renderLaunch()) : nothing}
      ${this.commands.problem ? html`<p class="notice" role="alert" data-problem="roleplay">${this.commands.problem}</p>` : nothing}
    </section>`;
  }

  /* ---- launching ---- */

  private renderLaunch() {
    const activity = rolePlayActivity(this.module);
    const scenarios = this.bank.state === 'ready' ? this.bank.value : [];
    const byId = new Map(scenarios.map((s) => [s.id, s]));
    return html`<form class="grid launch" novalidate data-test="roleplay-launch" @submit=${this.launch}>
      ${
        activity && this.module
          ? html`<div class="module-offer">
            <p>
              <strong>${this.module.title}</strong> has a role-play: groups of ${activity.groupSize ?? 3},
              ${activity.rounds ?? activity.groupSize ?? 3} rounds${
                activity.cards?.length
                  ? html`, with ${activity.cards.map((id) => byId.get(id)?.title ?? humanise(id)).join(', ')}`
                  : nothing
              }.
            </p>
            <div class="radios">
              ${(['module', 'ad-hoc'] as Basis[]).map(
                (b) => html`<label>
                  <input
                    type="radio"
                    name="rp-basis"
                    value=${b}
                    data-test="roleplay-basis"
                    .checked=${live(this.basis === b)}
                    @change=${() => (this.basis = b)}
                  />
                  ${b === 'module' ? 'This module’s role-play' : 'Something else'}
                </label>`,
              )}
            </div>
          </div>`
          : html`<p class="hint">Set up a role-play for the room: scenarios, groups and rounds.</p>`
      }
      <div>
        <label for="rp-title">Title (optional)</label>
        <input
          id="rp-title"
          data-test="roleplay-title"
          maxlength="120"
          .value=${live(this.rpTitle)}
          @input=${(e: InputEvent) => (this.rpTitle = (e.target as HTMLInputElement).value)}
        />
      </div>
      <fieldset>
        <legend>Scenarios</legend>
        <div class="radios">
          ${(['bank', 'own'] as Source[]).map(
            (s) => html`<label>
              <input
                type="radio"
                name="rp-source"
                value=${s}
                data-test="roleplay-scenario-source"
                .checked=${live(this.source === s)}
                @change=${() => (this.source = s)}
              />
              ${s === 'bank' ? 'From the scenario bank' : 'Write one for today'}
            </label>`,
          )}
        </div>
      </fieldset>
      ${this.source === 'bank' ? this.renderBankPicker() : this.renderAdHocFields()}
      <div class="fields-row">
        <div>
          <label for="rp-size">Group size</label>
          <select
            id="rp-size"
            data-test="roleplay-group-size"
            @change=${(e: Event) => (this.groupSize = (e.target as HTMLSelectElement).value)}
          >
            ${GROUP_SIZES.map((n) => html`<option value=${n} ?selected=${String(n) === this.groupSize}>${n} people</option>`)}
          </select>
        </div>
        <div>
          <label for="rp-rounds">Rounds</label>
          <input
            id="rp-rounds"
            data-test="roleplay-rounds"
            type="number"
            inputmode="numeric"
            min="1"
            max="8"
            .value=${live(this.rounds)}
            @input=${(e: InputEvent) => (this.rounds = (e.target as HTMLInputElement).value)}
          />
        </div>
        <div>
          <label for="rp-minutes">Minutes a round</label>
          <input
            id="rp-minutes"
            data-test="roleplay-minutes"
            type="number"
            inputmode="numeric"
            min="1"
            max="60"
            .value=${live(this.minutes)}
            @input=${(e: InputEvent) => (this.minutes = (e.target as HTMLInputElement).value)}
          />
        </div>
      </div>
      <p class="hint">With as many rounds as people in a group, everyone plays each role once.</p>
      <fieldset>
        <legend>How groups form</legend>
        <div class="radios stacked">
          ${GROUPINGS.map(
            (g) => html`<label>
              <input
                type="radio"
                name="rp-grouping"
                value=${g}
                data-test="roleplay-grouping"
                .checked=${live(this.grouping === g)}
                @change=${() => (this.grouping = g)}
              />
              <span>${groupingWords(g)}<span class="hint">${groupingHint(g)}</span></span>
            </label>`,
          )}
        </div>
      </fieldset>
      <fieldset>
        <legend>When the numbers are uneven</legend>
        <div class="radios stacked">
          ${ODD_RULES.map(
            (o) => html`<label>
              <input
                type="radio"
                name="rp-odd"
                value=${o}
                data-test="roleplay-odd-rule"
                .checked=${live(this.oddRule === o)}
                @change=${() => (this.oddRule = o)}
              />
              <span>${oddRuleWords(o)}<span class="hint">${oddRuleHint(o)}</span></span>
            </label>`,
          )}
        </div>
      </fieldset>
      <p class="hint">Every scenario's content note is shown to its group first; a group can always choose another scenario.</p>
      <div>
        <button class="button" type="submit" data-test="roleplay-launch-submit" ?disabled=${this.commands.busy.has('launch')}>
          ${this.basis === 'module' && activity ? 'Start this role-play' : 'Launch the role-play'}
        </button>
      </div>
    </form>`;
  }

  private renderBankPicker() {
    const bank = this.bank;
    if (bank.state === 'loading') return loading('the scenario bank');
    if (bank.state === 'failed') {
      return html`<p class="notice">The scenario bank could not be loaded. You can write a scenario for today instead.</p>`;
    }
    return html`<fieldset>
      <legend>Choose scenarios (up to ${MAX_SCENARIOS})</legend>
      <ul class="checks-list" aria-label="The scenario bank">
        ${bank.value.map((s) => {
          const checked = this.chosen.includes(s.id);
          return html`<li>
            <label>
              <input
                type="checkbox"
                value=${s.id}
                data-test="roleplay-scenario"
                .checked=${live(checked)}
                ?disabled=${!checked && this.chosen.length >= MAX_SCENARIOS}
                @change=${(e: Event) => this.toggleScenario(s.id, (e.target as HTMLInputElement).checked)}
              />
              <span>
                <span class="title">${s.title}</span>
                <span class="detail">${humanise(s.setting)} · ${s.tasks.map(taskWords).join(', ')}</span>
                ${s.contentNote ? html`<span class="detail note">Content note: ${s.contentNote}</span>` : nothing}
              </span>
            </label>
          </li>`;
        })}
      </ul>
      <p class="hint" role="status">${this.chosen.length} chosen. Groups are offered them in turn, a new one each round.</p>
    </fieldset>`;
  }

  private toggleScenario(id: string, on: boolean) {
    this.chosen = on ? [...new Set([...this.chosen, id])].slice(0, MAX_SCENARIOS) : this.chosen.filter((x) => x !== id);
  }

  private renderAdHocFields() {
    const field = (key: keyof AdHocFields, label: string, test: string, rows: number, max: number, hint?: string) =>
      html`<div>
        <label for="rp-adhoc-${key}">${label}</label>
        ${
          rows === 1
            ? html`<input
              id="rp-adhoc-${key}"
              data-test=${test}
              maxlength=${max}
              .value=${live(this.adhoc[key])}
              @input=${(e: InputEvent) => (this.adhoc = { ...this.adhoc, [key]: (e.target as HTMLInputElement).value })}
            />`
            : html`<textarea
              id="rp-adhoc-${key}"
              data-test=${test}
              maxlength=${max}
              rows=${rows}
              .value=${live(this.adhoc[key])}
              @input=${(e: InputEvent) => (this.adhoc = { ...this.adhoc, [key]: (e.target as HTMLTextAreaElement).value })}
            ></textarea>`
        }
        ${hint ? html`<p class="hint">${hint}</p>` : nothing}
      </div>`;
    return html`<div class="adhoc">
      ${field('title', 'Scenario title', 'roleplay-adhoc-title', 1, 120)}
      ${field('contentNote', 'Content note (optional)', 'roleplay-adhoc-content-note', 2, 300, 'Shown to each group before they open it.')}
      ${field('shared', 'What everyone in the group reads', 'roleplay-adhoc-shared', 3, 2000)}
      ${field('personSharing', `${roleWords('person-sharing')}: their card`, 'roleplay-adhoc-person-sharing', 3, 2000)}
      ${field('peerSupporter', `${roleWords('peer-supporter')}: their card`, 'roleplay-adhoc-peer-supporter', 3, 2000)}
      ${field('observer', `${roleWords('observer')}: their card (optional)`, 'roleplay-adhoc-observer', 2, 2000)}
      <p class="hint">Each person sees only their own role's card.</p>
    </div>`;
  }

  private launchProblem(message: string) {
    this.commands.say(message);
  }

  private async launch(event: Event) {
    event.preventDefault();
    const groupSize = Number(this.groupSize);
    const rounds = Number(this.rounds);
    const minutes = Number(this.minutes);
    if (!Number.isInteger(groupSize) || groupSize < 2 || groupSize > 4) return this.launchProblem('Choose groups of 2, 3 or 4.');
    if (!Number.isInteger(rounds) || rounds < 1 || rounds > 8) return this.launchProblem('Choose between 1 and 8 rounds.');
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 60)
      return this.launchProblem('Choose between 1 and 60 minutes a round.');
    const fromModule = this.basis === 'module' && !!rolePlayActivity(this.module) && !!this.module;
    let scenarioIds: string[] | undefined;
    let scenario: AdHocScenario | undefined;
    if (this.source === 'bank') {
      if (this.chosen.length > MAX_SCENARIOS) return this.launchProblem(`Choose at most ${MAX_SCENARIOS} scenarios.`);
      if (!this.chosen.length && !fromModule) {
        return this.launchProblem('Choose at least one scenario from the bank, or write one for today.');
      }
      scenarioIds = this.chosen.length ? [...this.chosen] : undefined;
    } else {
      const a = this.adhoc;
      const [title, shared, personSharing, peerSupporter] = [a.title, a.shared, a.personSharing, a.peerSupporter].map((v) =>
        v.trim(),
      );
      if (!title || !shared || !personSharing || !peerSupporter) {
        return this.launchProblem(
          'A scenario for today needs a title, what everyone reads, and the cards for the person sharing and the peer supporter.',
        );
      }
      scenario = {
        title,
        ...(a.contentNote.trim() ? { contentNote: a.contentNote.trim() } : {}),
        shared,
        roles: {
          'person-sharing': personSharing,
          'peer-supporter': peerSupporter,
          ...(a.observer.trim() ? { observer: a.observer.trim() } : {}),
        },
      };
    }
    const title = this.rpTitle.trim();
    const body: Omit<RoleplayLaunchCommand, 'v' | 'id'> = {
      type: 'roleplay.launch',
      ...(fromModule ? { moduleId: this.module!.id } : {}),
      ...(title ? { title } : {}),
      ...(scenarioIds ? { scenarioIds } : {}),
      ...(scenario ? { scenario } : {}),
      groupSize,
      grouping: this.grouping,
      oddRule: this.oddRule,
      rounds,
      minutes,
    };
    if (await this.commands.run('launch', body)) {
      this.adhoc = emptyAdHoc();
    }
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
