import { http as defaultHttp, type Http } from '../shared/api/http';
import { org, day } from '../shared/api/paths';
import type { AttendanceCorrection, AttendanceRow, DayRoomStatus, DaySummary } from './types';
import type { RoomView } from '../room/types';
import type { FileDownload } from '../shared/api/types';

/** The console part of the REST API under /api, over one request core. */
export function createConsoleApi(http: Http) {
  return {
    /**
     * Opens a training day's live room, or gets the one already open (staff: the cohort's
     * trainers and the organisation's admins; others get 403).
     */
    /** `early`: the trainer confirmed opening the room more than a day before the day. */
    openRoom(organisationId: string, cohortId: string, dayNumber: number, early = false): Promise<RoomView> {
      return http.send(
        'POST',
        `${org(organisationId)}/cohorts/${encodeURIComponent(cohortId)}/days/${dayNumber}/room${early ? '?early=true' : ''}`,
      );
    },

    /**
     * Opens an ad-hoc practice room, not tied to a cohort day (any member of the organisation).
     * A 400 names the `title` field when it is empty or longer than 120 characters.
     */
    openPracticeRoom(organisationId: string, title: string): Promise<RoomView> {
      return http.send('POST', `${org(organisationId)}/practice-rooms`, { body: { title } });
    },

    /** The organisation's open practice rooms. */
    practiceRooms(organisationId: string): Promise<RoomView[]> {
      return http.get(`${org(organisationId)}/practice-rooms`);
    },

    /** Closes an open practice room now: it ends for everyone in it and leaves the list (any member). */
    closePracticeRoom(organisationId: string, code: string): Promise<void> {
      return http.send('DELETE', `${org(organisationId)}/practice-rooms/${encodeURIComponent(code)}`);
    },

    /**
     * Where the organisation's day rooms stand: live (with how many are here) or ended; one
     * cohort's when `cohortId` is given, else those open now or closed in the last two days.
     */
    dayRooms(organisationId: string, cohortId?: string): Promise<DayRoomStatus[]> {
      const query = cohortId ? `?cohortId=${encodeURIComponent(cohortId)}` : '';
      return http.get(`${org(organisationId)}/day-rooms${query}`);
    },

    /** Who came to a training day and for how long, from the room (staff). */
    attendance(organisationId: string, cohortId: string, dayNumber: number): Promise<AttendanceRow[]> {
      return http.get(`${day(organisationId, cohortId, dayNumber)}/attendance`);
    },

    /** Corrects one participant's attendance; a 400 names the fields that need attention. */
    correctAttendance(
      organisationId: string,
      cohortId: string,
      dayNumber: number,
      participantId: string,
      correction: AttendanceCorrection,
    ): Promise<void> {
      return http.send('PUT', `${day(organisationId, cohortId, dayNumber)}/attendance/${encodeURIComponent(participantId)}`, {
        body: correction,
      });
    },

    /** The end-of-day summary: only what the whole room saw (staff). */
    roomSummary(organisationId: string, cohortId: string, dayNumber: number): Promise<DaySummary> {
      return http.get(`${day(organisationId, cohortId, dayNumber)}/room/summary`);
    },

    /** A training day's attendance from its live room as a CSV file; 404 when the day had no room (staff). */
    attendanceCsv(organisationId: string, cohortId: string, dayNumber: number): Promise<FileDownload> {
      return http.file(`${day(organisationId, cohortId, dayNumber)}/attendance/export`, 'text/csv');
    },
  };
}

export type ConsoleApi = ReturnType<typeof createConsoleApi>;

export const consoleApi = createConsoleApi(defaultHttp);
