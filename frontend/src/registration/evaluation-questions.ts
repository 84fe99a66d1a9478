import type { EvaluationAnswers } from './types';

/**
 * The end-of-course evaluation's open questions, in the order they are asked: the participant's
 * form asks them, and the staff page reads the answers under the same words. Each may be left
 * empty.
 */
export const EVALUATION_QUESTIONS: { key: keyof EvaluationAnswers; label: string }[] = [
  { key: 'helped', label: 'What helped you during the course?' },
  { key: 'gotInTheWay', label: 'What got in the way?' },
  { key: 'takeWithYou', label: 'What will you take with you?' },
  { key: 'anythingElse', label: 'Anything else you would like the trainers to hear?' },
];
