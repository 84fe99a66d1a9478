import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { cohortApi } from './api';
import type { Cohort, CompletionGrid, Otherwise } from './types';
import { ruleWords } from './completion-words';
import { ApiForm } from '../shared/api-form';
import { focusAfterUpdate, toggled } from '../shared/fields';
import { problemNotice } from '../shared/loadable';

/** The most time the rule may allow to be missed, in hours (the server's limit). */
const MAX_ALLOWANCE_HOURS = 50;

type RuleField = 'mustAttendDays' | 'maxMinutesMissed' | 'otherwise';

/**
 * The completion section's rule: the organisation's rule for the course in words, and for its
 * admins a form to change it. It renders into the completion section's own tree (no shadow
 * root of its own), so that section's styles and tests reach it. It fires `rule-saving` when a
 * save starts and `rule-saved` once the server has the new rule, for the section to read its
 * grid again and say so.
 */
@customElement('mut-completion-rule')
export class MutCompletionRule extends LitElement {
  @property() organisationId = '';
  @property({ attribute: false }) cohort?: Cohort;
  @property({ attribute: false }) grid?: CompletionGrid;
  @property({ type: Boolean }) admin = false;

  @state() private ruleOpen = false;
  @state() private ruleDays = new Set<number>();
  @state() private ruleHours = '';
  @state() private ruleOtherwise: Otherwise = 'MAKE_UP';
  private readonly ruleForm = new ApiForm<RuleField>(this, { fields: ['mustAttendDays', 'maxMinutesMissed', 'otherwise'] });

  protected createRenderRoot() {
    return this;
  }

  protected willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('cohort') || changed.has('organisationId') || (changed.has('admin') && !this.admin)) this.ruleOpen = false;
  }

  render() {
    return this.grid ? this.renderRule(this.grid) : nothing;
  }

  private renderRule(grid: CompletionGrid) {
    const rule = grid.rule;
    return html`<div class="card rule" data-test="rule">
      <h3 id="rule-heading">The rule for completing this course</h3>
      ${
        rule.standard
          ? html`<p class="pill" data-test="rule-standard">standard rule</p>`
          : html`<p class="pill" data-test="rule-own">your organisation's rule</p>`
      }
      <ul data-test="rule-words">
        ${ruleWords(rule).map((sentence) => html`<li>${sentence}</li>`)}
      </ul>
      ${
        this.admin
          ? html`<button
              class="button secondary"
              type="button"
              data-test="rule-change"
              aria-expanded=${this.ruleOpen ? 'true' : 'false'}
              @click=${() => this.toggleRule(grid)}
            >
              Change the rule
            </button>
            ${this.ruleOpen ? this.renderRuleForm(grid) : nothing}`
          : html`<p class="hint">The rule is the organisation's, for every cohort of this course; its admins can change it.</p>`
      }
    </div>`;
  }

  private async toggleRule(grid: CompletionGrid) {
    this.ruleOpen = !this.ruleOpen;
    this.ruleForm.clear();
    if (!this.ruleOpen) return;
    this.ruleDays = new Set(grid.rule.mustAttendDays);
    this.ruleHours = String(Math.round((grid.rule.maxMinutesMissed / 60) * 100) / 100);
    this.ruleOtherwise = grid.rule.otherwise;
    await focusAfterUpdate(this, '[data-test="rule-form"] input');
  }

  private renderRuleForm(grid: CompletionGrid) {
    const days = [...new Set([...grid.dayNumbers, ...grid.rule.mustAttendDays])].sort((a, b) => a - b);
    const errors = this.ruleForm.errors;
    return html`<form class="rule-form" novalidate data-test="rule-form" aria-labelledby="rule-heading" @submit=${this.saveRule}>
      <fieldset aria-describedby="rule-days-hint${errors.mustAttendDays ? ' rule-days-error' : ''}">
        <legend>Days that must be attended</legend>
        <div class="days-choice">
          ${days.map(
            (n) => html`<div class="check">
              <input
                id="rule-day-${n}"
                type="checkbox"
                data-test="rule-day"
                value=${n}
                .checked=${live(this.ruleDays.has(n))}
                @change=${(e: Event) => this.chooseDay(n, (e.target as HTMLInputElement).checked)}
              />
              <label for="rule-day-${n}">Day ${n}</label>
            </div>`,
          )}
        </div>
        <p class="hint" id="rule-days-hint">Arriving a few minutes late on these days is fine.</p>
        ${errors.mustAttendDays ? html`<p class="error" id="rule-days-error">${errors.mustAttendDays}</p>` : nothing}
      </fieldset>
      <div>
        <label for="rule-hours">Time that may be missed over the other days, in hours</label>
        <input
          id="rule-hours"
          class="short"
          type="number"
          inputmode="decimal"
          min="0"
          max=${MAX_ALLOWANCE_HOURS}
          step="0.25"
          data-test="rule-hours"
          .value=${live(this.ruleHours)}
          @input=${(e: InputEvent) => (this.ruleHours = (e.target as HTMLInputElement).value)}
          aria-invalid=${errors.maxMinutesMissed ? 'true' : 'false'}
          aria-describedby="rule-hours-hint${errors.maxMinutesMissed ? ' rule-hours-error' : ''}"
        />
        <p class="hint" id="rule-hours-hint">For example 3.5 for half a day. From 0 to ${MAX_ALLOWANCE_HOURS}.</p>
        ${errors.maxMinutesMissed ? html`<p class="error" id="rule-hours-error">${errors.maxMinutesMissed}</p>` : nothing}
      </div>
      <fieldset data-test="rule-otherwise" aria-describedby=${errors.otherwise ? 'rule-otherwise-error' : nothing}>
        <legend>When someone misses more than that</legend>
        ${(
          [
            ['MAKE_UP', 'They make up the days they missed in a later cohort of this course'],
            ['REPEAT', 'They take the course again'],
          ] as const
        ).map(
          ([value, words]) => html`<div class="check">
            <input
              id="rule-otherwise-${value}"
              type="radio"
              name="rule-otherwise"
              value=${value}
              .checked=${live(this.ruleOtherwise === value)}
              @change=${() => (this.ruleOtherwise = value)}
            />
            <label for="rule-otherwise-${value}">${words}</label>
          </div>`,
        )}
        ${errors.otherwise ? html`<p class="error" id="rule-otherwise-error">${errors.otherwise}</p>` : nothing}
      </fieldset>
      <p class="hint">The rule applies to every cohort of this course in your organisation.</p>
      ${problemNotice(this.ruleForm.problem, 'rule-problem')}
      <div class="actions">
        <button class="button" type="submit" data-test="rule-save" ?disabled=${this.ruleForm.busy}>Save the rule</button>
        <button class="button secondary" type="button" data-test="rule-cancel" @click=${this.closeRule}>Cancel</button>
      </div>
    </form>`;
  }

  private chooseDay(day: number, on: boolean) {
    this.ruleDays = toggled(this.ruleDays, day, on);
  }

  private async closeRule() {
    this.ruleOpen = false;
    await focusAfterUpdate(this, '[data-test="rule-change"]');
  }

  private async saveRule(event: Event) {
    event.preventDefault();
    const cohort = this.cohort;
    if (!cohort || this.ruleForm.busy) return;
    this.dispatchEvent(new CustomEvent('rule-saving'));
    const hours = Number(this.ruleHours);
    const wrongHours = this.ruleHours.trim() === '' || !Number.isFinite(hours) || hours < 0 || hours > MAX_ALLOWANCE_HOURS;
    const refused = await this.ruleForm.refuse(
      wrongHours ? { maxMinutesMissed: `Give a number of hours from 0 to ${MAX_ALLOWANCE_HOURS}, for example 3.5.` } : {},
    );
    if (refused) return;
    await this.ruleForm.run(
      () =>
        cohortApi.setCompletionRule(this.organisationId, cohort.courseId, {
          mustAttendDays: [...this.ruleDays].sort((a, b) => a - b),
          maxMinutesMissed: Math.round(hours * 60),
          otherwise: this.ruleOtherwise,
        }),
      () => {
        this.ruleOpen = false;
        this.dispatchEvent(new CustomEvent('rule-saved'));
      },
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-completion-rule': MutCompletionRule;
  }
}
