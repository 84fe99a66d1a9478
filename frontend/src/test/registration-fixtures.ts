/** Test support (not a test itself): registration answers shaped like the server's. */
import type { Cohort, CompletionGrid, DayCell, PersonRow } from '../cohort/types';
import type { Course } from '../curricula/types';
import type { MyRegistration, PublicCohort, RegistrationView, Roster } from '../registration/types';

export const COHORT_ID = 'c-spring';

/** The course the cohorts here are of. */
export const coreCourse: Course = {
  id: 'core',
  title: 'IPS Core Training',
  lengthDays: 5,
  audience: '',
  summary: '',
  prerequisites: [],
};

export const days = [
  { dayNumber: 1, date: '2027-03-15', startsAt: '09:30:00', endsAt: '16:30:00' },
  { dayNumber: 2, date: '2027-03-16', startsAt: '10:00:00', endsAt: '15:00:00' },
];

export function publicCohort(over: Partial<PublicCohort> = {}): PublicCohort {
  return {
    id: COHORT_ID,
    organisationName: 'Harbour Peer Network',
    courseTitle: 'IPS Core Training',
    title: 'Core, spring group',
    timeZone: 'Europe/Dublin',
    days,
    venueName: 'Harbour Community Centre',
    venueAddress: '12 Quay Street, Galway',
    online: false,
    registrationOpens: '2027-01-10',
    registrationCloses: '2027-03-01',
    registration: 'open',
    pools: [{ code: 'open', name: 'Open seats', seatsLeft: 5, waiting: 0 }],
    prerequisites: [],
    ...over,
  };
}

export function mine(over: Partial<MyRegistration> = {}): MyRegistration {
  return {
    name: 'Ana Lopez',
    cohortTitle: 'Core, spring group',
    poolName: 'Open seats',
    status: 'CONFIRMED',
    waitlistPlace: null,
    offerExpiresAt: null,
    days,
    timeZone: 'Europe/Dublin',
    ...over,
  };
}

export function staffCohort(over: Partial<Cohort> = {}): Cohort {
  return {
    id: COHORT_ID,
    organisationId: 'org-a',
    courseId: 'core',
    leadNeeds: 'TRAIN_THE_TRAINER',
    title: 'Core, spring group',
    timeZone: 'Pacific/Auckland',
    capacity: 12,
    status: 'OPEN',
    venue: { name: 'Harbour Community Centre', address: '12 Quay Street' },
    registrationCloses: '2027-03-01',
    days: [
      { dayNumber: 1, date: '2027-03-15', startsAt: '09:30:00', endsAt: '16:30:00' },
      { dayNumber: 2, date: '2027-03-16', startsAt: '09:30:00', endsAt: '16:30:00' },
    ],
    // the signed-in person (acc-me) is booked too, so a trainer sees the cohort's people
    trainers: [
      { accountId: 'acc-jo', displayName: 'Jo Okafor', lead: true },
      { accountId: 'acc-me', displayName: 'Sam Rivera', lead: false },
    ],
    ...over,
  };
}

export function person(id: string, name: string, over: Partial<RegistrationView> = {}): RegistrationView {
  return {
    id,
    name,
    email: `${name.split(' ')[0].toLowerCase()}@example.test`,
    pool: 'open',
    status: 'CONFIRMED',
    waitlistPlace: null,
    offerExpiresAt: null,
    accessNeeds: null,
    dietaryNeeds: null,
    registeredAt: '2027-01-12T10:00:00Z',
    ...over,
  };
}

/** Two pools of 12 places: 10 open (all held), 2 for staff; one offer, three waiting, one ended. */
export function roster(over: Partial<Roster> = {}): Roster {
  return {
    offerHours: 48,
    pools: [
      { code: 'open', name: 'Open seats', seats: 10, openToPublic: true, taken: 10, waiting: 2 },
      { code: 'staff', name: 'Harbour staff', seats: 2, openToPublic: false, taken: 1, waiting: 1 },
    ],
    confirmed: [
      person('r-ana', 'Ana Lopez', { accessNeeds: 'Step-free access, please.', dietaryNeeds: 'Vegetarian' }),
      person('r-ben', 'Ben Walsh', { pool: 'staff' }),
    ],
    offered: [person('r-cat', 'Cat Byrne', { status: 'OFFERED', offerExpiresAt: '2027-02-12T04:00:00Z' })],
    waitlist: [
      person('r-dee', 'Dee Murphy', { status: 'WAITLISTED', waitlistPlace: 1 }),
      person('r-eli', 'Eli Stone', { status: 'WAITLISTED', waitlistPlace: 1, pool: 'staff' }),
      person('r-fin', 'Fin Doyle', { status: 'WAITLISTED', waitlistPlace: 2 }),
    ],
    ended: [person('r-gus', 'Gus Kelly', { status: 'CANCELLED' })],
    ...over,
  };
}

/* ---- attendance, completion and certificates ---- */

export function cell(
  dayNumber: number,
  minutesMissed: number | null,
  source: DayCell['source'],
  note: string | null = null,
): DayCell {
  return { dayNumber, minutesMissed, source, note };
}

export function personRow(id: string, name: string, days: DayCell[], over: Partial<PersonRow> = {}): PersonRow {
  return {
    registrationId: id,
    name,
    email: `${name.split(' ')[0].toLowerCase()}@example.test`,
    days,
    state: 'ON_TRACK',
    minutesMissed: 0,
    reason: null,
    daysToMakeUp: [],
    makeUpIn: [],
    certificate: null,
    certificateRevoked: false,
    ...over,
  };
}

/**
 * Two days under the standard rule: Ana completed (and has a certificate), Ben is to make up
 * day 1, Cat is on track with day 2 still ahead, Dee is to take the course again.
 */
export function completionGrid(over: Partial<CompletionGrid> = {}): CompletionGrid {
  return {
    rule: { courseId: 'core', mustAttendDays: [1], maxMinutesMissed: 210, otherwise: 'MAKE_UP', standard: true },
    dayNumbers: [1, 2],
    people: [
      personRow('r-ana', 'Ana Lopez', [cell(1, 0, 'room'), cell(2, 0, 'trainer', 'Joined by phone after lunch')], {
        state: 'COMPLETED',
        certificate: 'IPS-ABCDE-23456',
      }),
      personRow('r-ben', 'Ben Walsh', [cell(1, 120, 'room'), cell(2, null, 'not-recorded')], {
        state: 'MAKE_UP',
        minutesMissed: 0,
        reason: 'Missed time on day 1, which must be attended.',
        daysToMakeUp: [1],
        makeUpIn: [{ cohortId: 'c-autumn', title: 'Core, autumn group', days: { '1': '2027-09-14' } }],
      }),
      personRow('r-cat', 'Cat Byrne', [cell(1, 0, 'room'), cell(2, null, 'not-held')]),
      personRow('r-dee', 'Dee Murphy', [cell(1, 0, 'trainer'), cell(2, 300, 'room')], {
        state: 'REPEAT',
        minutesMissed: 300,
        reason: 'Missed 5 hours in all; the allowance is 3.5 hours.',
      }),
    ],
    ...over,
  };
}
