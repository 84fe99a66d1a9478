import { http as defaultHttp, type Http } from '../shared/api/http';
import type { JoinRequest, JoinView, RoomViewToken } from './types';

/** The room part of the REST API under /api, over one request core. */
export function createRoomApi(http: Http) {
  return {
    /**
     * Asks to join the live room with this code. Rooms are opened by a trainer on the day;
     * an unknown or closed code answers 404.
     */
    joinRoom(code: string, displayName: string, extra: Omit<JoinRequest, 'displayName'> = {}): Promise<JoinView> {
      const body: JoinRequest = { displayName };
      if (extra.email) body.email = extra.email;
      if (extra.deviceToken) body.deviceToken = extra.deviceToken;
      return http.send('POST', `/rooms/${encodeURIComponent(code)}/participants`, { body });
    },

    /** A token for the projector's view of a room (its facilitators only): it sees only what everyone sees. */
    roomViewToken(code: string): Promise<RoomViewToken> {
      return http.send('POST', `/rooms/${encodeURIComponent(code)}/view`);
    },

    /** Everything the participant wrote, as JSON. */
    exportContributions(participantToken: string): Promise<unknown> {
      return http.send('GET', '/participant/export', { bearer: participantToken });
    },

    /** Erases the participant's name, email and contributions; the token stops working. */
    eraseParticipant(participantToken: string): Promise<void> {
      return http.send('DELETE', '/participant', { bearer: participantToken });
    },
  };
}

export type RoomApi = ReturnType<typeof createRoomApi>;

export const roomApi = createRoomApi(defaultHttp);
