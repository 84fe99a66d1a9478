/** Test support (not a test itself): curriculum answers shaped like the server's. */
import type { Course, CourseDetail, CurriculumModule, Scenario } from '../curricula/types';

export const introduction: Course = {
  id: 'introduction',
  title: 'Introduction to Intentional Peer Support',
  version: '2026.1',
  lengthDays: 2,
  audience: 'Open to anyone curious about IPS.',
  summary: 'Two days that open the door to the practice.',
  prerequisites: [],
};

export const core: Course = {
  id: 'core',
  title: 'IPS Core Training',
  version: '2026.2',
  lengthDays: 5,
  audience: 'People who want to practise IPS in their work or lives.',
  summary: 'Five days of practice together.',
  prerequisites: [],
};

export const advanced: Course = {
  id: 'advanced',
  title: 'IPS Advanced',
  version: '2026.1',
  lengthDays: 2,
  audience: 'People who have done Core.',
  summary: 'Going deeper with hard moments.',
  prerequisites: ['core'],
};

export const trainTheTrainer: Course = {
  id: 'train-the-trainer',
  title: 'Train the Trainer',
  version: '2026.1',
  lengthDays: 5,
  audience: 'Experienced practitioners who will co-facilitate.',
  summary: 'Learning to hold the training for others.',
  prerequisites: ['core', 'advanced'],
};

export const allCourses = [introduction, core, advanced, trainTheTrainer];

/** Day 1: a 90-minute Connection module, a 15-minute break, a 45-minute Worldview module, a 45 without tasks. */
export const introductionDetail: CourseDetail = {
  course: introduction,
  days: [
    {
      number: 1,
      title: 'Opening the door',
      starts: '09:30',
      ends: '12:45',
      agenda: [
        {
          at: '09:30',
          minutes: 90,
          kind: 'module',
          moduleId: 'intro-arriving',
          title: 'Arriving and connecting',
          summary: 'We meet each other and notice what connection feels like.',
          tasks: ['connection', 'mutuality'],
        },
        { at: '11:00', minutes: 15, kind: 'break', moduleId: null, title: 'Morning tea', summary: null, tasks: [] },
        {
          at: '11:15',
          minutes: 45,
          kind: 'module',
          moduleId: 'intro-what-happened',
          title: 'What happened?',
          summary: 'How stories change when we ask what happened.',
          tasks: ['worldview'],
        },
        {
          at: '12:00',
          minutes: 45,
          kind: 'module',
          moduleId: 'intro-closing',
          title: 'Closing the morning',
          summary: 'What we take with us.',
          tasks: [],
        },
      ],
    },
    {
      number: 2,
      title: 'Practising differently',
      starts: '09:30',
      ends: '11:00',
      agenda: [
        {
          at: '09:30',
          minutes: 90,
          kind: 'module',
          moduleId: 'intro-moving',
          title: 'Moving towards',
          summary: 'What do we want to build?',
          tasks: ['moving-towards'],
        },
      ],
    },
  ],
};

export const connectionModule: CurriculumModule = {
  id: 'core-connection',
  title: 'Connection, disconnection and finding our way back',
  minutes: 90,
  tasks: ['connection', 'moving-towards'],
  principles: ['relationship'],
  topics: ['four-tasks'],
  outcomes: ['seeks-connection'],
  learningOutcomes: ['Notice a disconnection as it happens and name it without blame.'],
  summary: 'What does it feel like when we are really with someone?',
  materials: ['A bell or chime for the rounds'],
  activities: [
    {
      kind: 'discussion',
      title: 'When were you really met?',
      minutes: 20,
      prompt: 'Think of a time you felt truly met by someone.',
      cards: [],
      roles: [],
    },
    {
      kind: 'role-play',
      minutes: 45,
      bank: 'scenarios',
      cards: ['respite-cant-sleep', 'warm-line-quiet'],
      groupSize: 3,
      roles: ['person-sharing', 'peer-supporter', 'observer'],
      rounds: 3,
      themes: ['limit', 'power'],
      parts: { setup: 7, round: 12, changeover: 1, debrief: 0 },
    },
    {
      kind: 'discussion',
      title: 'One-way relationships',
      minutes: 20,
      groupSize: 2,
      cards: [],
      roles: [],
    },
  ],
  facilitatorNotes:
    '## Starting from experience\n\nBegin with **memory** rather than *definition*.\n\n' +
    '1. Check out what happened.\n2. Own your part.\n\n' +
    '> Disconnection is not a failure.\n\n' +
    'A note with <script>alert("hi")</script> and <img src=x onerror="alert(1)"> in it.',
};

export const scenarios: Scenario[] = [
  {
    id: 'respite-cant-sleep',
    title: 'Awake at three in the morning',
    setting: 'peer-respite',
    tasks: ['connection', 'mutuality'],
    contentNote: 'Mentions being held down during a past hospital stay.',
    shared: 'It is the second night of Tomasz’s stay at a peer-run respite house.',
    roles: {
      observer: 'Watch for the moment connection opens or closes.',
      'peer-supporter': 'You are tired and have paperwork to finish.',
      'person-sharing': 'Nights in a strange building bring it all back.',
    },
  },
  {
    id: 'warm-line-quiet',
    title: 'The caller who says little',
    setting: 'warm-line',
    tasks: ['connection'],
    shared: 'A regular caller rings the warm line and goes quiet.',
    roles: {
      'person-sharing': 'You are not sure why you called tonight.',
      'peer-supporter': 'Silence on the phone makes you anxious.',
    },
  },
  {
    id: 'workplace-review',
    title: 'After the review',
    setting: 'workplace',
    tasks: ['worldview'],
    shared: 'Two colleagues talk after a difficult meeting.',
    roles: {
      'person-sharing': 'You felt talked about, not to.',
      'peer-supporter': 'You were in the meeting too.',
      observer: 'Notice how each came to see the meeting.',
    },
  },
];
