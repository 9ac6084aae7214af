/**
 * The target in force on a day is the last step whose date has come (targets.md §4);
 * before the first step there is none. Days are local dates (YYYY-MM-DD) in the county's
 * timezone, which compare correctly as text.
 */
export interface TargetStep {
  readonly id: number;
  readonly effectiveFrom: string;
  readonly threshold: number;
}

export function targetInForce<T extends TargetStep>(
  steps: readonly T[],
  day: string,
): T | undefined {
  let best: T | undefined;
  for (const step of steps) {
    if (
      step.effectiveFrom <= day &&
      (best === undefined || step.effectiveFrom > best.effectiveFrom)
    ) {
      best = step;
    }
  }
  return best;
}
