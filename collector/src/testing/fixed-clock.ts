import type { Clock } from '../context.ts';

export interface FixedClock extends Clock {
  /** Moves the clock forward. */
  advance(ms: number): void;
  set(iso: string): void;
}

/** A clock that stands still until told to move, so timestamps in assertions are exact. */
export function fixedClock(iso = '2026-03-01T00:00:00.000Z'): FixedClock {
  let now = Date.parse(iso);
  const clock = (() => new Date(now)) as FixedClock;
  clock.advance = (ms) => {
    now += ms;
  };
  clock.set = (value) => {
    now = Date.parse(value);
  };
  return clock;
}
