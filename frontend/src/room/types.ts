/** The room feature's part of the JSON the REST API reads and writes (see /q/openapi). */

/* ---- Participants: no account, a token for the day ---- */

export interface JoinRequest {
  displayName: string;
  email?: string;
  deviceToken?: string;
}

export interface RoomSummary {
  code: string;
  cohortTitle: string;
  /** null for a practice room */
  dayNumber: number | null;
  organisationName: string;
  /** ISO instant */
  closesAt: string;
}

export interface JoinView {
  participant: { id: string; displayName: string };
  /** bearer token for the participant's own calls */
  token: string;
  /** ISO instant */
  expiresAt: string;
  /** kept on the device so the same laptop is recognised on the next day */
  deviceToken: string;
  recognised: boolean;
  room: RoomSummary;
}

/**
 * A live room as opened by staff: a training day's (POST …/days/{dayNumber}/room), or a
 * practice room (POST …/practice-rooms), which has no cohort or day and carries its title
 * in `cohortTitle`.
 */
export interface RoomView {
  /** six characters, e.g. KMR7TX */
  code: string;
  /** null for a practice room */
  cohortId: string | null;
  cohortTitle: string;
  /** null for a practice room */
  dayNumber: number | null;
  /** ISO instant */
  closesAt: string;
  /** e.g. /join/KMR7TX */
  joinPath: string;
}

/** The projector's view token for a room. */
export interface RoomViewToken {
  token: string;
  code: string;
  /** ISO instant */
  expiresAt: string;
}
