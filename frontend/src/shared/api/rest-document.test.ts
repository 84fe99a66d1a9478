// @vitest-environment node
// (Reads files from the disk and compiles TypeScript; no DOM needed.)
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exportedTypeNames, programOf } from '../../test/contract';
import { restDifferences, type TypeAt } from '../../test/rest-contract';

const DOCUMENT = fileURLToPath(new URL('../../../../docs/protocol/openapi.json', import.meta.url));
const SRC = fileURLToPath(new URL('../../', import.meta.url));
const FEATURES = ['cohort', 'console', 'curricula', 'identity', 'registration', 'room', 'shared/api'];
const file = (feature: string) => `${SRC}${feature}/types.ts`;

/**
 * Which schema of the OpenAPI document each TypeScript REST type stands for, by feature: the
 * one place that ties the two sets of names together (the server names its views after its
 * Java records; several are called DayView, the document numbers them DayView1…).
 */
const SCHEMA_OF: Record<string, Record<string, string>> = {
  cohort: {
    CohortStatus: 'CohortStatus',
    TrainingDay: 'DayView1',
    Trainer: 'TrainerView',
    Cohort: 'CohortView',
    FollowUp: 'FollowUpView',
    SupportContactRequest: 'SupportContactRequest',
    PlanCohortRequest: 'PlanCohortRequest',
    PlanDay: 'DayRequest',
    BookTrainerRequest: 'BookTrainerRequest',
    CalendarLink: 'FeedLink',
    PinnedSlot: 'ResolvedSlot',
    PinnedDay: 'ResolvedDay',
    PinnedCurriculum: 'ResolvedCourse',
    Otherwise: 'Otherwise',
    CompletionRule: 'RuleView',
    RuleRequest: 'RuleRequest',
    DayCell: 'DayCell',
    MakeUp: 'MakeUp',
    CompletionState: 'State',
    PersonRow: 'PersonRow',
    CompletionGrid: 'Grid',
    MarkRequest: 'MarkRequest',
    Verification: 'Verification',
  },
  console: {
    AttendanceRow: 'AttendanceRow',
    DayRoomStatus: 'DayRoomStatus',
    AttendanceCorrection: 'AttendanceCorrection',
    DaySummary: 'Summary',
  },
  curricula: {
    Course: 'CourseSummary',
    Material: 'Material',
    CourseLetter: 'Letter',
    CourseSummary: 'CourseSummary',
    AgendaSlot: 'SlotView',
    CourseDay: 'DayView',
    CourseDetail: 'CourseDetail',
    Activity: 'Activity',
    ActivityParts: 'Parts',
    CurriculumModule: 'ModuleView',
    Scenario: 'Scenario',
    Reframe: 'Reframe',
    Prompt: 'Prompt',
    LexiconTerm: 'Term',
    Coverage: 'Coverage',
  },
  identity: {
    Organisation: 'OrganisationView',
    QualificationKind: 'Qualification',
    Qualification: 'QualificationView',
    QualificationRequest: 'QualificationRequest',
    Role: 'Role',
    Account: 'AccountView',
    Membership: 'MembershipView',
    SessionView: 'SessionView',
    SignInRequest: 'SignInRequest',
    ChangePasswordRequest: 'PasswordChange',
    Member: 'MemberView',
    Invitation: 'InvitationView',
    InvitationSent: 'InvitationSent',
    InviteRequest: 'InviteRequest',
    AuditEntry: 'AuditView',
    InvitationView: 'InvitationPreview',
    AcceptInvitationRequest: 'AcceptInvitation',
  },
  registration: {
    RegistrationStatus: 'RegistrationStatus',
    EvaluationAnswers: 'EvaluationRequest',
    EvaluationAnswer: 'EvaluationView',
    CohortEvaluations: 'EvaluationsView',
    PublicDay: 'PublicDay',
    PublicPool: 'PublicPool',
    PublicCohort: 'PublicCohort',
    RegisterRequest: 'RegisterRequest',
    RegistrationReceived: 'RegistrationReceived',
    Registered: 'Registered',
    MyRegistration: 'MyRegistration',
    RegistrationView: 'RegistrationView',
    PoolView: 'PoolView',
    Roster: 'Roster',
    PoolRequest: 'PoolRequest',
    SeatingRequest: 'SeatingRequest',
    ImportRequest: 'ImportRequest',
    ImportRow: 'ImportRow',
    ImportReport: 'ImportReport',
    InterestPage: 'InterestPage',
    InterestRequest: 'InterestRequest',
    Demand: 'Demand',
    InviteInterestRequest: 'InviteRequest1',
    Invited: 'Invited',
  },
  room: {
    JoinRequest: 'JoinRequest',
    RoomSummary: 'RoomSummary',
    JoinView: 'JoinView',
    RoomView: 'RoomView',
    RoomViewToken: 'ViewToken',
  },
};

/** Types with no schema of their own in the document, and why. */
const NOT_IN_THE_DOCUMENT: Record<string, Record<string, string>> = {
  'shared/api': {
    Problem: 'problem details (RFC 9457), answered as application/problem+json',
    FieldError: 'part of the problem details',
    FileDownload: 'a downloaded file as the client keeps it, not JSON',
  },
  console: {
    SharedAnswer: 'inside the summary, which the document gives as free-form objects',
    SummaryCheckin: 'inside the summary, which the document gives as free-form objects',
    SummaryRewrite: 'inside the summary, which the document gives as free-form objects',
    SummaryReframeStatement: 'inside the summary, which the document gives as free-form objects',
    SummaryReframe: 'inside the summary, which the document gives as free-form objects',
    SummaryRoleplay: 'inside the summary, which the document gives as free-form objects',
  },
  curricula: { Task: 'a string the document does not list the values of' },
  cohort: { CellSource: 'a string the document does not list the values of' },
  registration: {
    RegistrationState: 'a string the document does not list the values of',
    ImportOutcome: 'a string the document does not list the values of',
  },
};

function mapping(): Map<TypeAt, string> {
  const table = new Map<TypeAt, string>();
  for (const [feature, types] of Object.entries(SCHEMA_OF)) {
    for (const [name, schema] of Object.entries(types)) table.set({ file: file(feature), name }, schema);
  }
  return table;
}

describe('the REST types and docs/protocol/openapi.json', () => {
  const doc = JSON.parse(readFileSync(DOCUMENT, 'utf-8'));
  const program = programOf(FEATURES.map(file));

  it('agree on the fields of every type the table maps to a schema', () => {
    expect(restDifferences(doc, program, mapping())).toEqual([]);
  });

  it('leave no exported type unaccounted for: each is in the table or said to have no schema', () => {
    const unaccounted = FEATURES.flatMap((feature) =>
      exportedTypeNames(program, file(feature))
        .filter((name) => !SCHEMA_OF[feature]?.[name] && !NOT_IN_THE_DOCUMENT[feature]?.[name])
        .map((name) => `${feature}/types.ts ${name}`),
    );
    expect(unaccounted).toEqual([]);
  });
});

/* ---- the checker itself, on a small document and a small set of types ---- */

const FIXTURE_DOCUMENT = {
  components: {
    schemas: {
      UUID: { type: 'string', format: 'uuid' },
      Status: { type: 'string', enum: ['OPEN', 'CLOSED'] },
      DayView: { type: 'object', properties: { dayNumber: { type: 'integer' }, date: { type: 'string' } } },
      CohortView: {
        type: 'object',
        required: ['id', 'title'],
        properties: {
          id: { $ref: '#/components/schemas/UUID' },
          title: { type: 'string' },
          status: { $ref: '#/components/schemas/Status' },
          days: { type: 'array', items: { $ref: '#/components/schemas/DayView' } },
        },
      },
    },
  },
};

const FIXTURE_TYPES = `
export type CohortStatus = 'OPEN' | 'CLOSED';
export interface TrainingDay { dayNumber: number; date: string }
export interface Cohort { id: string; title: string; status?: CohortStatus; days?: TrainingDay[] }
`;

const FIXTURE_FILE = '/fixture/types.ts';

function differences(types: string): string[] {
  const program = programOf([FIXTURE_FILE], { [FIXTURE_FILE]: types });
  const table = new Map<TypeAt, string>([
    [{ file: FIXTURE_FILE, name: 'Cohort' }, 'CohortView'],
    [{ file: FIXTURE_FILE, name: 'CohortStatus' }, 'Status'],
  ]);
  return restDifferences(FIXTURE_DOCUMENT, program, table);
}

describe('the REST checker', () => {
  it('finds nothing when the two agree', () => {
    expect(differences(FIXTURE_TYPES)).toEqual([]);
  });

  it('reports a field renamed in the types only, nested ones too', () => {
    const renamed = FIXTURE_TYPES.replace('{ id: string; title', '{ id: string; name').replace(
      'dayNumber: number',
      'number: number',
    );
    expect(differences(renamed)).toEqual([
      'Cohort (/fixture/types.ts) ~ CohortView: the document has `title`, the TypeScript type does not',
      'Cohort (/fixture/types.ts) ~ CohortView.days: the document has `dayNumber`, the TypeScript type does not',
      'Cohort (/fixture/types.ts) ~ CohortView.days: the TypeScript type has `number`, the document does not',
      'Cohort (/fixture/types.ts) ~ CohortView: the TypeScript type has `name`, the document does not',
    ]);
  });

  it('reports a field the document requires that the type leaves optional', () => {
    expect(differences(FIXTURE_TYPES.replace('title: string', 'title?: string'))).toEqual([
      'Cohort (/fixture/types.ts) ~ CohortView: `title` is required in the document but optional in the TypeScript type',
    ]);
  });

  it('reports an enum value on one side only', () => {
    expect(differences(FIXTURE_TYPES.replace("'OPEN' | 'CLOSED'", "'OPEN' | 'CLOSED' | 'FULL'"))).toEqual([
      'Cohort (/fixture/types.ts) ~ CohortView: `status` allows [CLOSED, OPEN] in the document but [CLOSED, FULL, OPEN] in the TypeScript type',
      'CohortStatus (/fixture/types.ts) ~ Status: allows [CLOSED, OPEN] in the document but [CLOSED, FULL, OPEN] in TypeScript',
    ]);
  });

  it('reports a schema the table names that the document does not have', () => {
    const program = programOf([FIXTURE_FILE], { [FIXTURE_FILE]: FIXTURE_TYPES });
    const table = new Map<TypeAt, string>([[{ file: FIXTURE_FILE, name: 'Cohort' }, 'CohortDetail']]);
    expect(restDifferences(FIXTURE_DOCUMENT, program, table)).toEqual([
      'Cohort (/fixture/types.ts) ~ CohortDetail: the document has no schema CohortDetail',
    ]);
  });
});
