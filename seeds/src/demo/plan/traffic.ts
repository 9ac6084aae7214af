import { HOUR_MS, UTC_OFFSET_MS } from './local-time.ts';

/*
 * A school day's traffic on the uplink, as a share of the school's peak rate per local hour:
 * quiet nights, a climb at 07:00, busy lessons, a dip at lunch, an evening of homework
 * uploads; weekends a seventh of a school day. Piecewise constant per hour, so the bytes
 * between two instants (what the counters show) have a closed form.
 */
const SCHOOL_DAY = [
  0.02, 0.02, 0.02, 0.02, 0.02, 0.03, 0.05, 0.25, 0.7, 0.85, 0.9, 0.8, 0.45, 0.6, 0.85, 0.9, 0.75,
  0.4, 0.2, 0.25, 0.25, 0.15, 0.06, 0.03,
];
const WEEKEND_FACTOR = 0.15;

/** Share of peak for each hour of the local week, Sunday 00:00 first. */
const WEEK: readonly number[] = Array.from({ length: 168 }, (_, h) => {
  const day = Math.floor(h / 24);
  const share = SCHOOL_DAY[h % 24] ?? 0;
  return day === 0 || day === 6 ? share * WEEKEND_FACTOR : share;
});

/** Seconds at peak rate accumulated from the start of the week to the start of each hour. */
const PREFIX: readonly number[] = WEEK.reduce<number[]>(
  (acc, share, h) => [...acc, (acc[h] ?? 0) + share * 3600],
  [0],
);
const WEEK_TOTAL = PREFIX[168] ?? 0;
// 1970-01-01 was a Thursday: local hour 0 of the epoch is hour 96 of its week.
const EPOCH_HOUR_OF_WEEK = 4 * 24;

/** Share of peak at instant `t`. */
export function trafficShare(t: number): number {
  const hour = Math.floor((t + UTC_OFFSET_MS) / HOUR_MS) + EPOCH_HOUR_OF_WEEK;
  return WEEK[((hour % 168) + 168) % 168] ?? 0;
}

/**
 * Peak-rate seconds from the epoch to `t`: bytes between two instants are
 * `(peakSeconds(t2) - peakSeconds(t1)) × peak bytes per second`.
 */
export function peakSeconds(t: number): number {
  const hours = (t + UTC_OFFSET_MS) / HOUR_MS + EPOCH_HOUR_OF_WEEK;
  const whole = Math.floor(hours);
  const weeks = Math.floor(whole / 168);
  const hourOfWeek = whole - weeks * 168;
  const into = (hours - whole) * 3600;
  return weeks * WEEK_TOTAL + (PREFIX[hourOfWeek] ?? 0) + (WEEK[hourOfWeek] ?? 0) * into;
}
