/*
 * Local time in the scenario county (Asia/Shanghai, UTC+8 all year, no daylight saving).
 * Polls run every 5 minutes at HH:02, HH:07, …, HH:57, as real agents never poll on the
 * minute; so no sample sits on the 08:00 or 17:00 edge of school hours and the hand
 * figures do not depend on whether those edges are open or closed.
 */

/** The day the scenario is judged on (a Friday). */
export const DAY = '2026-11-27';
/** The next day, for failing_since. */
export const NEXT_DAY = '2026-11-28';

const OFFSET = '+08:00';

/** The UTC ISO instant of a local wall-clock time on a local day. */
export function localAt(day: string, hhmm: string): string {
  return new Date(`${day}T${hhmm}:00${OFFSET}`).toISOString();
}

/** The local day `n` days after (or before, when negative) `day`. */
export function addDays(day: string, n: number): string {
  const at = new Date(`${day}T12:00:00Z`);
  at.setUTCDate(at.getUTCDate() + n);
  return at.toISOString().slice(0, 10);
}

/** The 288 poll times of a day, 00:02 … 23:57. */
export const POLL_TIMES: readonly string[] = Array.from({ length: 288 }, (_, i) => {
  const minutes = i * 5 + 2;
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${hh}:${mm}`;
});

/** Whether a wall-clock time lies within [from, to], both HH:MM. */
export const within = (hhmm: string, from: string, to: string): boolean =>
  hhmm >= from && hhmm <= to;

/** 08:02 … 16:57: the 108 polls inside school hours 08:00–17:00 (targets.md §5). */
export const SCHOOL_HOUR_POLLS = POLL_TIMES.filter((t) => within(t, '08:00', '17:00')).length;
