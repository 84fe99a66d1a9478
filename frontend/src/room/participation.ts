import type { JoinView } from './types';

/** Where a participant's place in the room is kept on this device. */
export const PARTICIPANT_KEY = 'mutuality.participant';

/** What this device keeps after joining: enough to come back, and to be recognised tomorrow. */
export type Participation = Pick<JoinView, 'token' | 'expiresAt' | 'deviceToken' | 'participant' | 'room'>;

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export function readParticipation(): Partial<Participation> | undefined {
  const raw = storage()?.getItem(PARTICIPANT_KEY);
  if (!raw) return undefined;
  try {
    const value = JSON.parse(raw) as unknown;
    return typeof value === 'object' && value !== null ? (value as Partial<Participation>) : undefined;
  } catch {
    return undefined;
  }
}

/** A stored place that is complete and whose token has not run out yet. */
export function activeParticipation(now = Date.now()): Participation | undefined {
  const p = readParticipation();
  if (!p?.token || !p.expiresAt || !p.participant || !p.room) return undefined;
  const expires = Date.parse(p.expiresAt);
  if (Number.isNaN(expires) || expires <= now) return undefined;
  return p as Participation;
}

/** The device token from an earlier join, sent again so the same device is recognised. */
export function storedDeviceToken(): string | undefined {
  const token = readParticipation()?.deviceToken;
  return typeof token === 'string' && token ? token : undefined;
}

export function saveParticipation(view: JoinView): Participation {
  const { token, expiresAt, deviceToken, participant, room } = view;
  const kept: Participation = { token, expiresAt, deviceToken, participant, room };
  try {
    storage()?.setItem(PARTICIPANT_KEY, JSON.stringify(kept));
  } catch {
    // storage refused (private mode): the place lasts for this page only
  }
  return kept;
}

/** After erasing: this device keeps nothing about the person. */
export function forgetParticipation(): void {
  storage()?.removeItem(PARTICIPANT_KEY);
}
