import { targetInForce } from '../../targets/target-in-force.ts';
import type { StepsInForce } from '../engine/school-day.ts';
import type { Indicator } from '../indicators.ts';
import { INDICATORS } from '../indicators.ts';
import type { TargetStepRow } from './queries-targets.ts';

/** Per indicator, the county's step in force on `day` (targets.md §4), with its source. */
export function stepsInForce(
  rows: readonly TargetStepRow[],
  day: string,
): Partial<Record<Indicator, TargetStepRow>> {
  const found: Partial<Record<Indicator, TargetStepRow>> = {};
  for (const indicator of INDICATORS) {
    const step = targetInForce(
      rows.filter((r) => r.indicator === indicator),
      day,
    );
    if (step !== undefined) found[indicator] = step;
  }
  return found;
}

export function thresholdsOf(steps: Partial<Record<Indicator, TargetStepRow>>): StepsInForce {
  const out: StepsInForce = {};
  for (const [indicator, step] of Object.entries(steps) as [Indicator, TargetStepRow][]) {
    out[indicator] = { id: step.id, threshold: step.threshold };
  }
  return out;
}
