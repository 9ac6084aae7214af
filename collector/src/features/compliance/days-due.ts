import { localDay } from '../reports/local-day.ts';
import { addDays, localClockTime } from './engine/local-time.ts';

/** Local time after which yesterday is final and recomputed once more. */
export const FINALISE_AT = '00:30';

/**
 * The days a run recomputes for one county: today always; yesterday too once it is past
 * 00:30 local and yesterday has not been finalised yet (by any collector on the database),
 * so a collector that was down at 00:30 still finalises it at its first run.
 */
export function daysDue(
  timeZone: string,
  now: Date,
  lastFinalised: string | undefined,
): { day: string; finalises: boolean }[] {
  const today = { day: localDay(now, timeZone), finalises: false };
  const yesterday = addDays(today.day, -1);
  const due = localClockTime(now, timeZone) >= FINALISE_AT && lastFinalised !== yesterday;
  return due ? [{ day: yesterday, finalises: true }, today] : [today];
}
