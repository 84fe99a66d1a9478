/** The JSON the Mutuality REST API reads and writes (see /q/openapi). */

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
}

export interface FieldError {
  field: string;
  message: string;
}

export interface Course {
  id: string;
  title: string;
  lengthDays: number;
  audience: string;
  summary: string;
  prerequisites: string[];
}

export interface Organisation {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
}

export type CohortStatus = 'DRAFT' | 'OPEN' | 'FULL' | 'CLOSED' | 'RUNNING' | 'COMPLETED' | 'CANCELLED';

export interface TrainingDay {
  dayNumber: number;
  /** ISO date in the cohort's time zone, e.g. 2027-03-15 */
  date: string;
  /** local time, e.g. 09:30:00 */
  startsAt: string;
  endsAt: string;
}

export interface Trainer {
  accountId: string;
  displayName: string;
  lead: boolean;
}

export interface Cohort {
  id: string;
  organisationId: string;
  courseId: string;
  title: string;
  timeZone: string;
  capacity: number;
  status: CohortStatus;
  venue?: { name: string; address?: string };
  onlineLink?: string;
  registrationOpens?: string;
  registrationCloses?: string;
  days: TrainingDay[];
  trainers: Trainer[];
}

export interface PlanCohortRequest {
  courseId: string;
  title: string;
  timeZone?: string;
  capacity: number;
  venue?: { name: string; address?: string };
  onlineLink?: string;
  registrationOpens?: string;
  registrationCloses?: string;
  days: { date: string; startsAt: string; endsAt: string }[];
}
