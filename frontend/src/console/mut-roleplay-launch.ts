import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { curriculaApi } from '../curricula/api';
import type { Activity, CurriculumModule, Scenario } from '../curricula/types';
import { humanise, orderedRoles, roleWords, settingWords, taskWords, themeWords } from '../curricula/curriculum';
import './mut-card-picker';
import type { PickerCard, PickerFacet } from './mut-card-picker';
import type { AdHocScenario, OddRule, RoleplayGrouping, RoleplayLaunchCommand } from '../live/protocol';
import { groupingHint, groupingWords, oddRuleHint, oddRuleWords } from '../live/room-words';
import { CommandRunner, type SendCommand } from '../room/activity-common';
import { load, loading, type Loadable } from '../shared/loadable';

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

/** How a facilitator narrows the scenario bank. */
export const SCENARIO_FACETS: PickerFacet[] = [
  { key: 'setting', label: 'Setting', any: 'Any setting', words: settingWords },
  { key: 'task', label: 'Task', any: 'Any task', words: taskWords },
  { key: 'theme', label: 'Theme', any: 'Any theme', words: themeWords },
  { key: 'intensity', label: 'Intensity', any: 'Any intensity', words: humanise },
];

/** The scenario bank as cards for the picker: each previews what the group reads and each role's card. */
export function scenarioCards(scenarios: readonly Scenario[]): PickerCard[] {
  return scenarios.map((s) => ({
    id: s.id,
    title: s.title,
    detail: [settingWords(s.setting), s.tasks.map(taskWords).join(', '), ...(s.intensity ? [humanise(s.intensity)] : [])].join(
      ' · ',
    ),
    note: s.contentNote ?? undefined,
    facets: { setting: [s.setting], task: s.tasks, theme: s.themes ?? [], intensity: s.intensity ? [s.intensity] : [] },
    text: [s.shared, ...Object.values(s.roles)].join(' '),
    preview:
      () => html`${(s.themes ?? []).length ? html`<p class="meta">Themes: ${(s.themes ?? []).map(themeWords).join(', ')}</p>` : nothing}
      <p>${s.shared}</p>
      ${orderedRoles(s.roles).map((role) => html`<h4>${roleWords(role)}</h4><p>${s.roles[role]}</p>`)}`,
  }));
}

/** The role-play activity of a module, if it has one. */
export function rolePlayActivity(module: CurriculumModule | null | undefined): Activity | undefined {
  return module?.activities?.find((a) => a.kind === 'role-play');
}

/**
 * The role-play console's launch form: from the current module's role-play activity (filled in
 * from it, once per module) or ad hoc, from the bank of scenarios or one written for today. It
 * renders into the console's own tree (no shadow root of its own), so the console's styles and
 * tests reach it, and stays in place while a role-play runs (showing nothing) so what was typed
 * is kept for the next one.
 */
@customElement('mut-roleplay-launch')
export class MutRoleplayLaunch extends LitElement {
  /** the module under way, if any: its role-play activity is offered first */
  @property({ attribute: false }) module?: CurriculumModule | null;
  @property({ attribute: false }) send?: SendCommand;
  /** a role-play is under way, or the room has closed: nothing to launch now */
  @property({ type: Boolean }) off = false;

  @state() private bank: Loadable<Scenario[]> = { state: 'loading' };
  private readonly commands = new CommandRunner(this, () => this.send);
  @state() private basis: Basis = 'ad-hoc';
  @state() private rpTitle = '';
  @state() private source: Source = 'bank';
  @state() private chosen: string[] = [];
  /** the picker's filters to start from: the module's first theme, if it names any */
  @state() private preset: Record<string, string> = {};
  @state() private adhoc: AdHocFields = emptyAdHoc();
  @state() private groupSize = '3';
  @state() private grouping: RoleplayGrouping = 'auto';
  @state() private oddRule: OddRule = 'extra-observer';
  @state() private rounds = '3';
  @state() private minutes = '10';

  private bankRequested = false;
  private prefilledFor?: string;

  protected createRenderRoot() {
    return this;
  }

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
      this.preset = {};
      return;
    }
    this.basis = 'module';
    this.rpTitle = activity.title ?? this.module.title;
    this.source = 'bank';
    this.chosen = [...(activity.cards ?? [])].slice(0, MAX_SCENARIOS);
    this.preset = activity.themes?.length ? { theme: activity.themes[0] } : {};
    const size = activity.groupSize && activity.groupSize >= 2 && activity.groupSize <= 4 ? activity.groupSize : 3;
    this.groupSize = String(size);
    this.rounds = String(activity.rounds && activity.rounds >= 1 && activity.rounds <= 8 ? activity.rounds : size);
  }

  render() {
    if (this.off) return nothing;
    return html`${this.renderLaunch()}
    ${this.commands.problem ? html`<p class="notice" role="alert" data-problem="roleplay">${this.commands.problem}</p>` : nothing}`;
  }

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
    return html`<mut-card-picker
        .cards=${scenarioCards(bank.value)}
        .facets=${SCENARIO_FACETS}
        .chosen=${this.chosen}
        .preset=${this.preset}
        max=${MAX_SCENARIOS}
        noun="scenario"
        nouns="scenarios"
        test="roleplay-scenario"
        @chosen-change=${(e: CustomEvent<string[]>) => (this.chosen = e.detail)}
      ></mut-card-picker>
      <p class="hint" role="status">${this.chosen.length} chosen. Groups are offered them in turn, a new one each round.</p>`;
  }

  /** Opens the scenario search (the console's "open the picker" key), when the bank is in use. */
  async openPicker(): Promise<boolean> {
    const picker = this.querySelector('mut-card-picker');
    if (!picker) return false;
    await picker.openPicker();
    return true;
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
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-roleplay-launch': MutRoleplayLaunch;
  }
}
