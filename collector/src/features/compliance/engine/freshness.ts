import type { Freshness } from '../indicators.ts';

export interface FreshnessInput {
  /** The latest poll of any of the school's agents at or before the evaluation time. */
  readonly lastReportAt: string | null;
  readonly evaluatedAt: Date;
  readonly lateWindowMs: number;
  readonly staleWindowMs: number;
}

export interface FreshnessResult {
  readonly state: Freshness;
  readonly lastReportAt: string | null;
  readonly ageMinutes: number | null;
}

/** targets.md §7: a figure is only as good as its last report. */
export function judgeFreshness(input: FreshnessInput): FreshnessResult {
  if (input.lastReportAt === null) return { state: 'never', lastReportAt: null, ageMinutes: null };
  const ageMs = input.evaluatedAt.getTime() - Date.parse(input.lastReportAt);
  const ageMinutes = Math.round(ageMs / 60_000);
  const state =
    ageMs <= input.lateWindowMs ? 'fresh' : ageMs <= input.staleWindowMs ? 'late' : 'stale';
  return { state, lastReportAt: input.lastReportAt, ageMinutes };
}

/** Stale and never-reported schools are unknown on every indicator. */
export function freshnessBlocks(state: Freshness): boolean {
  return state === 'stale' || state === 'never';
}
