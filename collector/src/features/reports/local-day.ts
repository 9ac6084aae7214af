const formatters = new Map<string, Intl.DateTimeFormat>();
const lastDay = new Map<string, { bucket: number; day: string }>();
// Every zone's offset is a whole number of quarter hours, so a day never changes inside one.
const QUARTER_HOUR_MS = 900_000;

/** The calendar date (YYYY-MM-DD) of an instant in a time zone, e.g. a county's Asia/Shanghai. */
export function localDay(at: Date, timeZone: string): string {
  const bucket = Math.floor(at.getTime() / QUARTER_HOUR_MS);
  const last = lastDay.get(timeZone);
  if (last?.bucket === bucket) return last.day;
  let format = formatters.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  const parts = new Map(format.formatToParts(at).map((p) => [p.type, p.value]));
  const day = `${parts.get('year') ?? ''}-${parts.get('month') ?? ''}-${parts.get('day') ?? ''}`;
  lastDay.set(timeZone, { bucket, day });
  return day;
}
