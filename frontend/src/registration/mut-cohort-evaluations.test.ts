import { describe, expect, it } from 'vitest';
import type { Membership } from '../identity/types';
import type { CohortEvaluations } from './types';
import { fakeApi, json, problem, settle, text, type Handler } from '../test/fake-api';
import { allByTest as $$, byTest as $, cleanPageAroundEachTest, signInAs } from '../test/page';
import { COHORT_ID, staffCohort } from '../test/registration-fixtures';
import './mut-cohort-evaluations';
import type { MutCohortEvaluations } from './mut-cohort-evaluations';

const COHORT = `/api/organisations/org-a/cohorts/${COHORT_ID}`;
const EVALUATIONS = `GET ${COHORT}/evaluations`;

function evaluations(over: Partial<CohortEvaluations> = {}): CohortEvaluations {
  return {
    open: true,
    asked: 10,
    answered: 4,
    fewestToShow: 3,
    answers: [
      {
        helped: 'Being listened to without being fixed',
        gotInTheWay: 'The room was cold',
        takeWithYou: null,
        anythingElse: null,
      },
      { helped: 'The role plays', gotInTheWay: null, takeWithYou: 'Asking what we could create together', anythingElse: null },
      { helped: '   ', gotInTheWay: null, takeWithYou: null, anythingElse: 'Thank you' },
    ],
    ...over,
  };
}

function server(answer: Handler) {
  return fakeApi({ [EVALUATIONS]: answer, [`GET ${COHORT}`]: json(staffCohort()) });
}

async function mount(role: Membership['role'] = 'TRAINER'): Promise<MutCohortEvaluations> {
  signInAs(role);
  const el = document.createElement('mut-cohort-evaluations');
  el.cohortId = COHORT_ID;
  document.body.append(el);
  await settle(el);
  return el;
}

describe('<mut-cohort-evaluations>', () => {
  cleanPageAroundEachTest();

  it('shows the answers question by question, with how many answered and no names', async () => {
    server(json(evaluations()));
    const el = await mount();
    expect(text(el.shadowRoot!.querySelector('h1'))).toBe('Looking back on the course');
    expect(text(el.shadowRoot!.querySelector('.lede'))).toBe('Core, spring group');
    expect(text($(el, 'evaluations-count'))).toBe('4 of the 10 participants with a place have answered.');
    expect(text($(el, 'evaluations-about'))).toMatch(/without names.*alphabetical order, not the order they were sent/);
    const questions = $$(el, 'evaluation-question');
    expect(questions.map((q) => text(q.querySelector('h2')))).toEqual([
      'What helped you during the course?',
      'What got in the way?',
      'What will you take with you?',
      'Anything else you would like the trainers to hear?',
    ]);
    const answersTo = (i: number) => $$(questions[i], 'evaluation-answer').map(text);
    // a blank answer is left out rather than shown as an empty line
    expect(answersTo(0)).toEqual(['Being listened to without being fixed', 'The role plays']);
    expect(answersTo(1)).toEqual(['The room was cold']);
    expect(answersTo(2)).toEqual(['Asking what we could create together']);
    expect(answersTo(3)).toEqual(['Thank you']);
    expect(el.shadowRoot!.querySelector('a[href="/organisation/cohorts/c-spring"]')).not.toBeNull();
  });

  it('orders each question’s answers on their own, so one person’s answers cannot be lined up across questions', async () => {
    server(
      json(
        evaluations({
          answers: [
            { helped: 'Zoe’s check-ins', gotInTheWay: 'A cold room' },
            { helped: 'All of it', gotInTheWay: 'Rushing at the end' },
          ],
        }),
      ),
    );
    const el = await mount();
    const [helped, inTheWay] = $$(el, 'evaluation-question');
    expect($$(helped, 'evaluation-answer').map(text)).toEqual(['All of it', 'Zoe’s check-ins']);
    expect($$(inTheWay, 'evaluation-answer').map(text)).toEqual(['A cold room', 'Rushing at the end']);
  });

  it('says so under a question nobody wrote anything for', async () => {
    server(json(evaluations({ answers: [{ helped: 'The pauses' }] })));
    const el = await mount();
    const questions = $$(el, 'evaluation-question');
    expect($$(questions[0], 'evaluation-answer').map(text)).toEqual(['The pauses']);
    expect(text($(questions[1], 'evaluation-question-empty'))).toBe('Nobody wrote anything here.');
  });

  it('holds the words back while too few have answered, and says why', async () => {
    server(json(evaluations({ answered: 2, answers: [] })));
    const el = await mount();
    expect(text($(el, 'evaluations-count'))).toBe('2 of the 10 participants with a place have answered.');
    expect(text($(el, 'evaluations-held-back'))).toMatch(/once at least 3 participants have answered/);
    expect($$(el, 'evaluation-question')).toHaveLength(0);
  });

  it('has an empty state before anyone answers, and before the evaluation opens', async () => {
    server(json(evaluations({ answered: 0, answers: [] })));
    let el = await mount();
    expect(text($(el, 'evaluations-count'))).toBe('0 of the 10 participants with a place have answered.');
    expect(text($(el, 'evaluations-empty'))).toMatch(/Nobody has answered yet/);
    expect($(el, 'evaluations-about')).toBeNull();

    document.body.innerHTML = '';
    server(json(evaluations({ open: false, answered: 0, answers: [] })));
    el = await mount();
    expect(text($(el, 'evaluations-empty'))).toMatch(/opens on the course's last day/);
  });

  it('says when everyone who answered left every question empty', async () => {
    server(json(evaluations({ answered: 3, answers: [] })));
    const el = await mount();
    expect(text($(el, 'evaluations-empty'))).toBe('Everyone who answered left every question empty.');
  });

  it('tells a trainer not booked on the cohort that the answers are not for them', async () => {
    server(problem(403, 'forbidden', 'Not booked on this cohort.'));
    const el = await mount();
    expect(text($(el, 'evaluations-not-yours'))).toMatch(/for the trainers booked on this cohort/);
    expect($(el, 'evaluations-count')).toBeNull();
  });

  it('says when there is no such cohort in the organisation', async () => {
    server(problem(404, 'not-found', 'No such cohort.'));
    const el = await mount('ORG_ADMIN');
    expect(text($(el, 'evaluations-unknown'))).toMatch(/There is no such cohort in Harbour Peer Network/);
  });
});
