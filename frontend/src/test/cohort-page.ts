/**
 * Test support (not a test itself): the cohort page (/organisation/cohorts/{id}) opened in
 * org-a, with the answers it asks for as it opens, and one of its sections to test.
 */
import type { Cohort, CompletionGrid } from '../cohort/types';
import type { Course } from '../curricula/types';
import type { Membership } from '../identity/types';
import type { Roster } from '../registration/types';
import '../cohort/mut-cohort';
import type { MutCohort } from '../cohort/mut-cohort';
import { fakeApi, json, settle, type Handler } from './fake-api';
import { signInAs } from './page';
import { COHORT_ID, completionGrid, roster, staffCohort } from './registration-fixtures';

export const ORG = '/api/organisations/org-a';
export const COHORT = `${ORG}/cohorts/${COHORT_ID}`;

export interface CohortAnswers {
  cohort?: Cohort;
  roster?: Roster;
  grid?: CompletionGrid;
  courses?: Course[];
}

/** A server answering what the cohort page asks for as it opens, with `extra` routes on top. */
export function cohortServer(extra: Record<string, Handler> = {}, answers: CohortAnswers = {}) {
  return fakeApi({
    'GET /api/curricula/courses': json(answers.courses ?? []),
    [`GET ${COHORT}`]: json(answers.cohort ?? staffCohort()),
    [`GET ${COHORT}/registrations`]: json(answers.roster ?? roster()),
    [`GET ${COHORT}/completion`]: json(answers.grid ?? completionGrid()),
    ...extra,
  });
}

/** Signs in with this role and opens the cohort page, settled. */
export async function openCohortPage(role: Membership['role'] = 'ORG_ADMIN', cohortId = COHORT_ID): Promise<MutCohort> {
  signInAs(role);
  const page = document.createElement('mut-cohort');
  page.cohortId = cohortId;
  document.body.append(page);
  await settle(page);
  return page;
}

type Section =
  'mut-cohort-completion' | 'mut-cohort-import' | 'mut-cohort-lifecycle' | 'mut-cohort-registration' | 'mut-cohort-trainers';

/** Opens the cohort page and hands back one of its sections, settled. */
export async function cohortSection<K extends Section>(
  tag: K,
  role: Membership['role'] = 'ORG_ADMIN',
): Promise<HTMLElementTagNameMap[K]> {
  const page = await openCohortPage(role);
  const section = page.shadowRoot!.querySelector(tag)!;
  await settle(section);
  return section;
}
