import { http as defaultHttp, type Http } from '../shared/api/http';
import { cohortAt, org, registrations, mine } from '../shared/api/paths';
import type {
  CohortEvaluations,
  Demand,
  EvaluationAnswers,
  ImportReport,
  ImportRequest,
  InterestPage,
  InterestRequest,
  InviteInterestRequest,
  Invited,
  MyRegistration,
  PublicCohort,
  RegisterRequest,
  Registered,
  RegistrationReceived,
  Roster,
  SeatingRequest,
} from './types';
import type { FileDownload } from '../shared/api/types';

/** The registration part of the REST API under /api, over one request core. */
export function createRegistrationApi(http: Http) {
  return {
    /**
     * A cohort's end-of-course evaluation for its trainers and the organisation's admins: how many
     * were asked and answered, and the anonymous answers (none while too few have answered).
     */
    evaluations(organisationId: string, cohortId: string): Promise<CohortEvaluations> {
      return http.get(`${cohortAt(organisationId, cohortId)}/evaluations`);
    },

    /** Seats by pool, who holds one, offers, the waitlist in order, ended registrations. */
    roster(organisationId: string, cohortId: string): Promise<Roster> {
      return http.get(registrations(organisationId, cohortId));
    },

    /** Registers someone on their behalf, in any pool (admins). */
    addRegistration(organisationId: string, cohortId: string, request: RegisterRequest): Promise<Registered> {
      return http.send('POST', registrations(organisationId, cohortId), { body: request });
    },

    /** Cancels someone's registration; a seat they held goes to the next person waiting (admins). */
    cancelRegistration(organisationId: string, cohortId: string, registrationId: string): Promise<Roster> {
      return http.send('POST', `${registrations(organisationId, cohortId)}/${encodeURIComponent(registrationId)}/cancel`);
    },

    /** Shares the seats into pools and sets how long an offer is held; a 422 names the fields at fault (admins). */
    arrangeSeating(organisationId: string, cohortId: string, request: SeatingRequest): Promise<Roster> {
      return http.send('PUT', `${registrations(organisationId, cohortId)}/seating`, { body: request });
    },

    /** Opens a draft cohort for registration; 409 or 422 with words when it cannot (admins). */
    openRegistration(organisationId: string, cohortId: string): Promise<Roster> {
      return http.send('POST', `${registrations(organisationId, cohortId)}/open`);
    },

    /**
     * Tries a CSV file of people to register (`dryRun: true`: nothing changes, every line says what it
     * would come to), or imports its good lines (`dryRun: false`). A 422 on `file` says why the file
     * cannot be read (admins).
     */
    importRegistrations(organisationId: string, cohortId: string, request: ImportRequest): Promise<ImportReport> {
      return http.send('POST', `${registrations(organisationId, cohortId)}/import`, { body: request });
    },

    /** The roster as a CSV file (staff). */
    rosterCsv(organisationId: string, cohortId: string): Promise<FileDownload> {
      return http.file(`${registrations(organisationId, cohortId)}/export`, 'text/csv');
    },

    /** How many people asked for each course in each place (staff). */
    demand(organisationId: string): Promise<Demand[]> {
      return http.get(`${org(organisationId)}/interest`);
    },

    /** Emails everyone who asked for this course in this place the cohort's registration link (admins). */
    inviteInterested(organisationId: string, request: InviteInterestRequest): Promise<Invited> {
      return http.send('POST', `${org(organisationId)}/interest/invite`, { body: request });
    },

    /** An open cohort's public page; 404 for a draft or unknown cohort. */
    publicCohort(cohortId: string): Promise<PublicCohort> {
      return http.get(`/public/cohorts/${encodeURIComponent(cohortId)}`);
    },

    /** Registers (202): the email sent says whether it is a seat or a waitlist place. 409 for closed registration, 429 when rate limited. */
    register(cohortId: string, request: RegisterRequest): Promise<RegistrationReceived> {
      return http.send('POST', `/public/cohorts/${encodeURIComponent(cohortId)}/registrations`, { body: request });
    },

    /** A registration by its own emailed link. */
    myRegistration(token: string): Promise<MyRegistration> {
      return http.get(mine(token));
    },

    /** Takes an offered seat; 409 when the offer has lapsed. */
    acceptOffer(token: string): Promise<MyRegistration> {
      return http.send('POST', `${mine(token)}/accept`);
    },

    /** Lets an offered seat go to the next person waiting; 409 when the offer has lapsed. */
    declineOffer(token: string): Promise<MyRegistration> {
      return http.send('POST', `${mine(token)}/decline`);
    },

    /** Cancels one's own registration. */
    cancelMyRegistration(token: string): Promise<MyRegistration> {
      return http.send('POST', `${mine(token)}/cancel`);
    },

    /**
     * Answers the end-of-course evaluation by one's own link, once; every question may be left
     * empty. The answer is kept without any link to the person. 409 before it opens or a second time.
     */
    evaluate(token: string, answers: EvaluationAnswers): Promise<MyRegistration> {
      return http.send('POST', `${mine(token)}/evaluation`, { body: answers });
    },

    /** One's own certificate as a PDF file, by one's own link; 404 while there is none. */
    myCertificate(token: string): Promise<FileDownload> {
      return http.file(`${mine(token)}/certificate`, 'application/pdf');
    },

    /** An organisation's public interest page: its name and the courses to ask for; 404 for an unknown organisation. */
    interestPage(organisationId: string): Promise<InterestPage> {
      return http.get(`/public/organisations/${encodeURIComponent(organisationId)}/interest`);
    },

    /** Says someone would like a course in their place. 400 or 422 name the fields at fault, 429 when rate limited. */
    registerInterest(organisationId: string, request: InterestRequest): Promise<void> {
      return http.send('POST', `/public/organisations/${encodeURIComponent(organisationId)}/interest`, { body: request });
    },
  };
}

export type RegistrationApi = ReturnType<typeof createRegistrationApi>;

export const registrationApi = createRegistrationApi(defaultHttp);
