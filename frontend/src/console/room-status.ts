import type { DayRoomStatus } from './types';

/** Where a day's room stands, in words: not opened yet, live with who is here, or ended. */
export function roomStatusWords(room?: DayRoomStatus): string {
  if (!room) return 'Room not opened yet';
  if (room.status === 'ended') return 'Day ended';
  return room.here === 0 ? 'Live · nobody here yet' : `Live · ${room.here} here`;
}
