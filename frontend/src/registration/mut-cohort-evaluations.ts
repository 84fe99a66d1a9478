import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { cohortApi } from '../cohort/api';
import { registrationApi } from './api';
import type { CohortEvaluations } from './types';
import { EVALUATION_QUESTIONS } from './evaluation-questions';
import { ApiError } from '../shared/api/http';
import { cohortPath } from '../shared/router';
import { SessionController } from '../identity/session';
import { shared } from '../shared/styles/shared';
import { failed, loading } from '../shared/loadable';

type Page =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'unknown' }
  | { state: 'not-yours' }
  | { state: 'ready'; title?: string; evaluations: CohortEvaluations };

const people = (n: number) => (n === 1 ? '1 participant' : `${n} participants`);

/**
 * What a cohort's participants said in the anonymous end-of-course evaluation
 * (/organisation/cohorts/{cohortId}/evaluations), for the cohort's trainers and the
 * organisation's admins: question by question, the words only. No names, no scores, not in the
 * order they were sent, and each question's answers sorted on their own so that one person's
 * answers cannot be lined up; the server holds the words back while too few have answered.
 */
@customElement('mut-cohort-evaluations')
export class MutCohortEvaluations extends LitElement {
  static styles = [
    shared,
    css`
      section.question {
        margin: var(--mut-space-8) 0;
      }
      ul.answers {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: var(--mut-space-3);
        max-width: 48rem;
      }
      ul.answers li {
        border-left: 4px solid var(--mut-line);
        padding: var(--mut-space-2) var(--mut-space-4);
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
    `,
  ];

  @property() cohortId = '';

  @state() private page: Page = { state: 'loading' };

  private readonly session = new SessionController(this);
  private loadedFor?: string;

  protected willUpdate(_changed: PropertyValues<this>): void {
    const organisationId = this.session.store.organisationId;
    if (!organisationId || !this.cohortId) return;
    const key = `${organisationId}/${this.cohortId}`;
    if (key !== this.loadedFor) this.load(key, organisationId);
  }

  private async load(key: string, organisationId: string) {
    this.loadedFor = key;
    this.page = { state: 'loading' };
    try {
      const [evaluations, title] = await Promise.all([
        registrationApi.evaluations(organisationId, this.cohortId),
        // the cohort's title is a help, not a need: the page stands without it
        cohortApi.cohort(organisationId, this.cohortId).then(
          (c) => c.title,
          () => undefined,
        ),
      ]);
      if (this.loadedFor === key) this.page = { state: 'ready', title, evaluations };
    } catch (e) {
      if (this.loadedFor !== key) return;
      if (e instanceof ApiError && e.status === 404) this.page = { state: 'unknown' };
      else if (e instanceof ApiError && e.status === 403) this.page = { state: 'not-yours' };
      else this.page = { state: 'failed', message: e instanceof Error ? e.message : 'The evaluation could not be loaded.' };
    }
  }

  render() {
    const membership = this.session.store.membership;
    const back = html`<a class="back" href=${cohortPath(this.cohortId)}>← Back to the cohort</a>`;
    const heading = html`<h1>Looking back on the course</h1>`;
    if (!membership) {
      return html`${back} ${heading}
        <p>You are not part of an organisation yet, so there is no evaluation to show.</p>`;
    }
    switch (this.page.state) {
      case 'loading':
        return html`${back} ${heading} ${loading('the evaluation')}`;
      case 'failed':
        return html`${back} ${heading} ${failed(this.page.message)}`;
      case 'unknown':
        return html`${back} ${heading}
          <p role="alert" data-test="evaluations-unknown">
            There is no such cohort in ${membership.organisationName}. If it belongs to another of your organisations,
            choose that organisation at the top of the page.
          </p>`;
      case 'not-yours':
        return html`${back} ${heading}
          <p role="alert" data-test="evaluations-not-yours">
            What participants wrote is for the trainers booked on this cohort and your organisation's admins. An
            organisation admin can book you on it.
          </p>`;
      case 'ready':
        return html`${back} ${heading}
        ${this.page.title ? html`<p class="lede">${this.page.title}</p>` : nothing}
        ${this.renderEvaluations(this.page.evaluations)}`;
    }
  }

  private renderEvaluations(e: CohortEvaluations) {
    const count = html`<p data-test="evaluations-count">
      ${e.answered} of the ${people(e.asked)} with a place ${e.answered === 1 ? 'has' : 'have'} answered.
    </p>`;
    if (e.answered === 0) {
      return html`${count}
        <p data-test="evaluations-empty">
          ${
            e.open
              ? 'Nobody has answered yet. Participants find the questions on their own registration page, and answering is up to them.'
              : "The evaluation opens on the course's last day: participants find it then on their own registration page, and answering is up to them."
          }
        </p>`;
    }
    if (e.answered < e.fewestToShow) {
      return html`${count}
        <p data-test="evaluations-held-back">
          The words will show here once at least ${e.fewestToShow} participants have answered. With fewer, it would be too
          easy to tell who wrote what, and the answers were given on the promise that nobody would.
        </p>`;
    }
    const about = html`<p class="muted" data-test="evaluations-about">
      The answers come without names. Under each question they are in alphabetical order, not the order they were sent,
      so nothing on this page tells which answers came from the same person. Each question could be left empty, so some
      have fewer answers than others.
    </p>`;
    if (e.answers.length === 0) {
      return html`${count} ${about}
        <p data-test="evaluations-empty">Everyone who answered left every question empty.</p>`;
    }
    return html`${count} ${about}
    ${EVALUATION_QUESTIONS.map((q) => {
      // each question's answers in an order of their own (alphabetical), so that where an answer
      // stands under one question says nothing about which answers to the others came with it
      const words = e.answers
        .map((a) => a[q.key]?.trim())
        .filter((w): w is string => !!w)
        .sort((a, b) => a.localeCompare(b));
      return html`<section class="question" aria-labelledby="question-${q.key}" data-test="evaluation-question">
        <h2 id="question-${q.key}">${q.label}</h2>
        ${
          words.length
            ? html`<ul class="answers">
              ${words.map((w) => html`<li data-test="evaluation-answer">${w}</li>`)}
            </ul>`
            : html`<p class="muted" data-test="evaluation-question-empty">Nobody wrote anything here.</p>`
        }
      </section>`;
    })}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-cohort-evaluations': MutCohortEvaluations;
  }
}
