import { http as defaultHttp, type Http, lastSegment } from '../shared/api/http';
import { org, cohortAt } from '../shared/api/paths';
import type {
  BookTrainerRequest,
  CalendarLink,
  Cohort,
  CompletionGrid,
  FollowUp,
  SupportContactRequest,
  CompletionRule,
  MarkRequest,
  PinnedCurriculum,
  PlanCohortRequest,
  RuleRequest,
  Verification,
} from './types';
import type { FileDownload } from '../shared/api/types';

/** The cohort part of the REST API under /api, over one request core. */
export function createCohortApi(http: Http) {
  return {
    cohorts(organisationId: string): Promise<Cohort[]> {
      return http.get(`${org(organisationId)}/cohorts`);
    },

    cohort(organisationId: string, cohortId: string): Promise<Cohort> {
      return http.get(`${org(organisationId)}/cohorts/${encodeURIComponent(cohortId)}`);
    },

    /**
     * Plans a new cohort, as a draft (admins). A 400 or 422 names the fields at fault, e.g.
     * `days[1].date`. The answer is the new cohort; its id comes from the Location header
     * when the body does not carry one.
     */
    async planCohort(organisationId: string, request: PlanCohortRequest): Promise<Cohort> {
      let location: string | null = null;
      const cohort = await http.send<Cohort | undefined>('POST', `${org(organisationId)}/cohorts`, {
        body: request,
        onHeaders: (headers) => (location = headers.get('Location')),
      });
      if (cohort?.id) return cohort;
      const id = lastSegment(location);
      if (!id) throw new Error('The cohort was planned, but the answer did not say where to find it.');
      return { ...(cohort ?? ({} as Cohort)), id };
    },

    /** Books a trainer as lead or co-trainer; 422 with words for a clash or a missing qualification (admins). */
    bookTrainer(organisationId: string, cohortId: string, request: BookTrainerRequest): Promise<Cohort> {
      return http.send('POST', `${cohortAt(organisationId, cohortId)}/trainers`, { body: request });
    },

    /** Names who participants can reach during and between the days; 400 names the field, 422 `phone` when neither phone nor email is given. */
    setSupportContact(organisationId: string, cohortId: string, contact: SupportContactRequest): Promise<Cohort> {
      return http.send('PUT', `${cohortAt(organisationId, cohortId)}/support-contact`, { body: contact });
    },

    /** Stops naming a support contact; 204, or 404 when the cohort names none. */
    clearSupportContact(organisationId: string, cohortId: string): Promise<void> {
      return http.send('DELETE', `${cohortAt(organisationId, cohortId)}/support-contact`);
    },

    /** Replaces the cohort's working agreements (at most 20, each up to 200 characters); `[]` clears them. */
    setWorkingAgreements(organisationId: string, cohortId: string, statements: string[]): Promise<{ statements: string[] }> {
      return http.send('PUT', `${cohortAt(organisationId, cohortId)}/working-agreements`, { body: { statements } });
    },

    /** Plans (or moves) the co-reflection session after the course; 422 names `date` or `endsAt`. */
    setFollowUp(organisationId: string, cohortId: string, followUp: FollowUp): Promise<Cohort> {
      return http.send('PUT', `${cohortAt(organisationId, cohortId)}/follow-up`, { body: followUp });
    },

    /** Calls off the co-reflection session; 204, or 404 when none is planned. */
    clearFollowUp(organisationId: string, cohortId: string): Promise<void> {
      return http.send('DELETE', `${cohortAt(organisationId, cohortId)}/follow-up`);
    },

    /** Takes a trainer off a cohort (admins). */
    unbookTrainer(organisationId: string, cohortId: string, accountId: string): Promise<Cohort> {
      return http.send('DELETE', `${cohortAt(organisationId, cohortId)}/trainers/${encodeURIComponent(accountId)}`);
    },

    /**
     * Closes an open or full cohort's registration now (admins): people already registered keep
     * their places; nobody new can register. The answer is the cohort as it is now.
     */
    closeRegistration(organisationId: string, cohortId: string): Promise<Cohort> {
      return http.send('POST', `${cohortAt(organisationId, cohortId)}/close`);
    },

    /**
     * Cancels a cohort (admins): everyone registered is emailed the reason and their places are
     * cancelled. A 400 or 422 names the reason when it is missing or too long; a 409 says why the
     * cohort cannot be cancelled. The answer is the cohort as it is now.
     */
    cancelCohort(organisationId: string, cohortId: string, reason: string): Promise<Cohort> {
      return http.send('POST', `${cohortAt(organisationId, cohortId)}/cancel`, { body: { reason } });
    },

    /** The private calendar feed of a cohort's training days. */
    cohortCalendar(organisationId: string, cohortId: string): Promise<CalendarLink> {
      return http.get(`${cohortAt(organisationId, cohortId)}/calendar`);
    },

    /** The private calendar feed of the signed-in trainer's own training days. */
    myCalendar(): Promise<CalendarLink> {
      return http.get('/calendars/mine');
    },

    /** The curriculum the cohort runs, pinned when it was planned: every module in full. */
    cohortCurriculum(organisationId: string, cohortId: string): Promise<PinnedCurriculum> {
      return http.get(`${org(organisationId)}/cohorts/${encodeURIComponent(cohortId)}/curriculum`);
    },

    /** Each registered person's attendance per day, the rule in force, and where each person stands (staff). */
    completion(organisationId: string, cohortId: string): Promise<CompletionGrid> {
      return http.get(`${cohortAt(organisationId, cohortId)}/completion`);
    },

    /** Records how much of a day someone missed; a trainer's mark wins over the live room (staff). */
    markAttendance(
      organisationId: string,
      cohortId: string,
      registrationId: string,
      dayNumber: number,
      request: MarkRequest,
    ): Promise<CompletionGrid> {
      return http.send(
        'PUT',
        `${cohortAt(organisationId, cohortId)}/completion/${encodeURIComponent(registrationId)}/days/${dayNumber}`,
        { body: request },
      );
    },

    /** Issues a certificate to everyone who completed and has none yet; 409 with words when nobody can have one (admins). */
    issueCertificates(organisationId: string, cohortId: string): Promise<CompletionGrid> {
      return http.send('POST', `${cohortAt(organisationId, cohortId)}/completion/certificates`);
    },

    /** The organisation's completion rule for a course: the standard one until it sets its own (staff). */
    completionRule(organisationId: string, courseId: string): Promise<CompletionRule> {
      return http.get(`${org(organisationId)}/completion/rules/${encodeURIComponent(courseId)}`);
    },

    /** Sets the organisation's completion rule for a course; a 400 or 422 names the fields at fault (admins). */
    setCompletionRule(organisationId: string, courseId: string, request: RuleRequest): Promise<CompletionRule> {
      return http.send('PUT', `${org(organisationId)}/completion/rules/${encodeURIComponent(courseId)}`, { body: request });
    },

    /** A certificate as a PDF file (staff). */
    certificatePdf(organisationId: string, code: string): Promise<FileDownload> {
      return http.file(`${org(organisationId)}/completion/certificates/${encodeURIComponent(code)}/pdf`, 'application/pdf');
    },

    /** Revokes a certificate, with the reason anyone checking its code is shown (admins). */
    revokeCertificate(organisationId: string, code: string, reason: string): Promise<Verification> {
      return http.send('POST', `${org(organisationId)}/completion/certificates/${encodeURIComponent(code)}/revoke`, {
        body: { reason },
      });
    },

    /** Whether a certificate code is genuine and still stands; 404 when no certificate has it. */
    verifyCertificate(code: string): Promise<Verification> {
      return http.get(`/public/certificates/${encodeURIComponent(code)}`);
    },
  };
}

export type CohortApi = ReturnType<typeof createCohortApi>;

export const cohortApi = createCohortApi(defaultHttp);
