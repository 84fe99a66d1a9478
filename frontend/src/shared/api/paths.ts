/** Paths under /api that several endpoints share, each part encoded. */
export const org = (id: string) => `/organisations/${encodeURIComponent(id)}`;
export const registrations = (organisationId: string, cohortId: string) =>
  `${org(organisationId)}/cohorts/${encodeURIComponent(cohortId)}/registrations`;
export const mine = (token: string) => `/public/registrations/${encodeURIComponent(token)}`;
export const cohortAt = (organisationId: string, cohortId: string) =>
  `${org(organisationId)}/cohorts/${encodeURIComponent(cohortId)}`;
export const qualifications = (organisationId: string, accountId: string) =>
  `${org(organisationId)}/members/${encodeURIComponent(accountId)}/qualifications`;
export const day = (organisationId: string, cohortId: string, dayNumber: number) =>
  `${org(organisationId)}/cohorts/${encodeURIComponent(cohortId)}/days/${dayNumber}`;
