import { addDays, localInstant } from '../compliance/engine/local-time.ts';
import { localDay } from '../reports/local-day.ts';

/**
 * Days a scheduler that finds them unsent still sends (docs/adr/0009): the latest due day and
 * the two before it, so a collector down over a weekend still sends Friday's and Saturday's.
 */
export const CATCH_UP_DAYS = 3;

export interface DueDay {
  /** The local day the mail reports on. */
  readonly day: string;
  /** The county's send time on the morning after it. */
  readonly dueAt: Date;
}

/** When the mail about `day` is due: the send time, local, on the next day. */
export function dueAtOf(day: string, sendTime: string, timeZone: string): Date {
  return localInstant(addDays(day, 1), sendTime, timeZone);
}

/** The days whose mail is due by `now`, newest last, at most `catchUpDays` of them. */
export function dueDays(o: {
  now: Date;
  timeZone: string;
  sendTime: string;
  catchUpDays?: number;
}): DueDay[] {
  const today = localDay(o.now, o.timeZone);
  const yesterday = addDays(today, -1);
  const latest =
    dueAtOf(yesterday, o.sendTime, o.timeZone) <= o.now ? yesterday : addDays(today, -2);
  const days: DueDay[] = [];
  for (let back = (o.catchUpDays ?? CATCH_UP_DAYS) - 1; back >= 0; back--) {
    const day = addDays(latest, -back);
    days.push({ day, dueAt: dueAtOf(day, o.sendTime, o.timeZone) });
  }
  return days;
}

/** The last answer per zone and send time, and the instant it was worked out for. */
const lastNext = new Map<string, { from: number; at: number }>();
/** Distinct zone × send time pairs kept; a deployment has a few. */
const NEXT_LIMIT = 256;

/**
 * The next regular send after `now`. The answer stays the same from any instant until the
 * send itself, so it is kept per zone and send time and only worked out again (through Intl,
 * 30–50 µs) once `now` reaches it: the county page asks on every request.
 */
export function nextSendAt(now: Date, timeZone: string, sendTime: string): Date {
  const key = `${timeZone}|${sendTime}`;
  const t = now.getTime();
  const last = lastNext.get(key);
  if (last !== undefined && last.from <= t && t < last.at) return new Date(last.at);
  const today = localDay(now, timeZone);
  const todays = localInstant(today, sendTime, timeZone);
  const next = todays > now ? todays : localInstant(addDays(today, 1), sendTime, timeZone);
  if (lastNext.size >= NEXT_LIMIT) lastNext.clear();
  lastNext.set(key, { from: t, at: next.getTime() });
  return next;
}
