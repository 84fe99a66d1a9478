import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { registrationApi } from './api';
import type { EvaluationAnswers, MyRegistration } from './types';
import { shared } from '../shared/styles/shared';
import { textArea } from '../shared/fields';
import { EVALUATION_QUESTIONS as QUESTIONS } from './evaluation-questions';

const MAX = 2000;

/**
 * The end-of-course evaluation on a person's own page: four open questions, any of which can be
 * left empty, sent once. What is written is kept without the person's name or link, so the
 * trainers read the words and never who wrote them. No scores, no ratings.
 */
@customElement('mut-evaluation')
export class MutEvaluation extends LitElement {
  static styles = [
    shared,
    css`
      form {
        display: grid;
        gap: var(--mut-space-4);
        max-width: 40rem;
      }
    `,
  ];

  /** The person's own link token. */
  @property() token = '';

  @state() private answers: EvaluationAnswers = {};
  @state() private sending = false;
  @state() private problem?: string;

  render() {
    return html`<section class="card" aria-labelledby="evaluation-heading" data-test="evaluation">
      <h2 id="evaluation-heading">Looking back on the course</h2>
      <p>
        If you would like to, tell the trainers how the course was for you. Answer any question, or none: every one can be
        left empty. Your words reach them without your name.
      </p>
      <form novalidate @submit=${this.send}>
        ${QUESTIONS.map((q) =>
          textArea({
            id: `evaluation-${q.key}`,
            label: q.label,
            value: this.answers[q.key] ?? '',
            maxlength: MAX,
            test: `evaluation-${q.key}`,
            onInput: (v) => (this.answers = { ...this.answers, [q.key]: v }),
          }),
        )}
        <div class="actions">
          <button class="button" type="submit" data-test="evaluation-send" ?disabled=${this.sending}>Send my answers</button>
        </div>
        ${this.problem ? html`<p class="notice" role="alert" data-test="evaluation-problem">${this.problem}</p>` : nothing}
      </form>
    </section>`;
  }

  private async send(event: Event) {
    event.preventDefault();
    this.sending = true;
    this.problem = undefined;
    const answers: EvaluationAnswers = {};
    for (const q of QUESTIONS) {
      const text = this.answers[q.key]?.trim();
      if (text) answers[q.key] = text;
    }
    try {
      const mine = await registrationApi.evaluate(this.token, answers);
      this.dispatchEvent(new CustomEvent<MyRegistration>('answered', { detail: mine, bubbles: true, composed: true }));
    } catch (e) {
      this.problem = e instanceof Error ? e.message : 'Your answers could not be sent. Please try again.';
    } finally {
      this.sending = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-evaluation': MutEvaluation;
  }
}
