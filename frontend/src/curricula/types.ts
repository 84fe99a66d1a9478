/** The curricula feature's part of the JSON the REST API reads and writes (see /q/openapi). */

/** A course as the curriculum lists it (GET /api/curricula/courses). */
export interface Course {
  id: string;
  title: string;
  /** e.g. "2026.1"; cohorts keep the version they were planned with */
  version?: string;
  lengthDays: number;
  audience: string;
  summary: string;
  /** ids of courses to have done first */
  prerequisites: string[];
}

/* ---- Curricula: courses, modules and the card banks ---- */

/** The four tasks of Intentional Peer Support, as the curriculum spells them. */
export type Task = 'connection' | 'worldview' | 'mutuality' | 'moving-towards';

export type CourseSummary = Course;

/** One slot of a training day: a module (with its participant-facing summary) or a break. */
export interface AgendaSlot {
  /** local start time, "09:30" */
  at: string;
  minutes: number;
  kind: 'module' | 'break';
  moduleId?: string | null;
  title: string;
  summary?: string | null;
  tasks: string[];
}

export interface CourseDay {
  number: number;
  title: string;
  starts: string;
  ends: string;
  agenda: AgendaSlot[];
}

export interface CourseDetail {
  course: CourseSummary;
  days: CourseDay[];
}

/** What the live room runs within a module. */
export interface Activity {
  kind: string;
  title?: string | null;
  minutes: number;
  prompt?: string | null;
  /** the card bank it draws on: scenarios, reframes, prompts or lexicon */
  bank?: string | null;
  /** particular card ids in that bank */
  cards: string[];
  groupSize?: number | null;
  roles: string[];
  rounds?: number | null;
  /** in Train-the-Trainer: the Core topic id participants teach back */
  teachBack?: string | null;
  /** for a role-play: the scenario themes it practises (the room draws scenarios on these) */
  themes?: string[];
  /** how its minutes are spent */
  parts?: ActivityParts | null;
  /** what it teaches directly (a task, a principle or a topic), counted in the course's coverage */
  focus?: string[];
}

/** How an activity's minutes are spent: set-up, each round and change of roles, and the debrief. */
export interface ActivityParts {
  setup?: number | null;
  round?: number | null;
  changeover?: number | null;
  debrief?: number | null;
}

/** A module for trainers, with its facilitator notes (Markdown). */
export interface CurriculumModule {
  id: string;
  title: string;
  minutes: number;
  tasks: string[];
  principles: string[];
  topics: string[];
  outcomes: string[];
  learningOutcomes: string[];
  summary: string;
  materials: string[];
  activities: Activity[];
  facilitatorNotes: string;
  /** for two trainers: who leads which part, and how they hand over (Markdown) */
  coFacilitation?: string | null;
  /** the ids of the cards and sheets it uses, printed from its materials page */
  printables?: string[];
}

/** A role-play scenario: what everyone reads, and what each role alone reads. */
export interface Scenario {
  id: string;
  title: string;
  setting: string;
  tasks: string[];
  /** what it is about: limit, planning-ahead, big-feelings, ... */
  themes?: string[];
  /** light, moderate or heavy */
  intensity?: string | null;
  /** shown before the scenario opens, so people can choose to sit it out or swap roles */
  contentNote?: string | null;
  shared: string;
  /** keyed by role: person-sharing, peer-supporter and (usually) observer */
  roles: Record<string, string>;
}

/** A "what's wrong" statement and ways to ask "what happened?" instead. */
export interface Reframe {
  id: string;
  statement: string;
  pattern: string;
  rewrites: string[];
}

export interface Prompt {
  id: string;
  kind: 'check-in' | 'check-out';
  text: string;
  tags: string[];
}

/** The language lens: a term, why it matters, and other ways to say it. */
export interface LexiconTerm {
  term: string;
  variants: string[];
  category: string;
  why: string;
  alternatives: string[];
}

/** Which Core modules teach each Core topic and serve each outcome. */
export interface Coverage {
  topicTitles: Record<string, string>;
  topics: Record<string, string[]>;
  outcomeTitles: Record<string, string>;
  outcomes: Record<string, string[]>;
}

/** A printable material of a module: cards (each `## heading` is one card) or a sheet, in Markdown. */
export interface Material {
  id: string;
  title: string;
  kind: 'cards' | 'sheet';
  markdown: string;
}

/** A course's letter to people before it starts, with the {{placeholders}} it uses and what each means. */
export interface CourseLetter {
  courseId: string;
  markdown: string;
  placeholders: Record<string, string>;
}
