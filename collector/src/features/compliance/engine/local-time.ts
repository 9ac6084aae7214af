/*
 * Local days and wall-clock times in a county's timezone. Days are YYYY-MM-DD text; an
 * instant's offset comes from Intl, so zones with daylight saving work too.
 */

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** True for a real calendar date written YYYY-MM-DD. */
export function isDay(value: string): boolean {
  const m = DAY_PATTERN.exec(value);
  if (m === null) return false;
  const at = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return at.toISOString().slice(0, 10) === value;
}

export function isClockTime(value: string): boolean {
  return TIME_PATTERN.test(value);
}

/** The day `n` days after (or before, when negative) `day`. */
export function addDays(day: string, n: number): string {
  const at = Date.parse(`${day}T00:00:00Z`) + n * DAY_MS;
  return new Date(at).toISOString().slice(0, 10);
}

/** The instant at which the local wall-clock time `time` (HH:MM, or 24:00) of `day` occurs. */
export function localInstant(day: string, time: string, timeZone: string): Date {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  const wall = Date.parse(`${day}T00:00:00Z`) + (hours * 60 + minutes) * 60_000;
  // Two passes: the offset at the first guess may differ across a daylight-saving change.
  let at = wall - offsetMs(new Date(wall), timeZone);
  at = wall - offsetMs(new Date(at), timeZone);
  return new Date(at);
}

/** The UTC instants where a local day starts and the next one starts. */
export function dayBounds(day: string, timeZone: string): { start: Date; end: Date } {
  return {
    start: localInstant(day, '00:00', timeZone),
    end: localInstant(addDays(day, 1), '00:00', timeZone),
  };
}

/** The local wall-clock time (HH:MM) of an instant. */
export function localClockTime(at: Date, timeZone: string): string {
  const local = new Date(at.getTime() + offsetMs(at, timeZone));
  return local.toISOString().slice(11, 16);
}

/** Local time minus UTC at an instant, in milliseconds (Asia/Shanghai: +8 h). */
function offsetMs(at: Date, timeZone: string): number {
  let format = formatters.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  const p = new Map(format.formatToParts(at).map((part) => [part.type, Number(part.value)]));
  const asUtc = Date.UTC(
    p.get('year') ?? 0,
    (p.get('month') ?? 1) - 1,
    p.get('day') ?? 1,
    p.get('hour') ?? 0,
    p.get('minute') ?? 0,
    p.get('second') ?? 0,
  );
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}
