/*
 * Local time of the demo county. Asia/Shanghai has kept UTC+8 without daylight saving
 * since 1991, so a fixed offset is exact and much cheaper than Intl in a per-request path.
 */

export const UTC_OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;

/** YYYY-MM-DD of the local day holding `t`. */
export function localDay(t: number): string {
  return new Date(t + UTC_OFFSET_MS).toISOString().slice(0, 10);
}

/** Local days since 1970-01-01. */
export function dayNumber(t: number): number {
  return Math.floor((t + UTC_OFFSET_MS) / DAY_MS);
}

/** Minutes since local midnight. */
export function localMinute(t: number): number {
  return Math.floor(((((t + UTC_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE_MS);
}

/** `HH:MM` → minutes since midnight. */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** The instant of local `hh:mm` on `day`. */
export function atLocal(day: string, hhmm: string): number {
  return Date.parse(`${day}T00:00:00Z`) - UTC_OFFSET_MS + minutesOf(hhmm) * MINUTE_MS;
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday, of the local day holding `t`. */
export function weekday(t: number): number {
  return (dayNumber(t) + 4) % 7;
}
