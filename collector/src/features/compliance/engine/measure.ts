import type { ResultStatus, UnknownReason } from '../indicators.ts';

/** One indicator's figure for one school and day, before it is stored. */
export interface Measure {
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly unknownReason: UnknownReason | null;
  /** Whether the figure meets the target; null when unknown or no target is in force. */
  readonly met: boolean | null;
  readonly details: Readonly<Record<string, unknown>>;
}

// Shares such as 19/20 and thresholds such as 0.95 are both rounded doubles.
const EPSILON = 1e-9;

export function atLeast(value: number, threshold: number): boolean {
  return value >= threshold - EPSILON;
}

export function unknownMeasure(
  reason: UnknownReason,
  details: Readonly<Record<string, unknown>>,
): Measure {
  return {
    value: null,
    numerator: null,
    denominator: null,
    unknownReason: reason,
    met: null,
    details,
  };
}

/** A ratio figure, met when it reaches the threshold (when one is in force). */
export function ratioMeasure(
  numerator: number,
  denominator: number,
  threshold: number | null,
  details: Readonly<Record<string, unknown>>,
): Measure {
  const value = numerator / denominator;
  const met = threshold === null ? null : atLeast(value, threshold);
  return { value, numerator, denominator, unknownReason: null, met, details };
}

/** Unknown beats everything: a figure we cannot trust is never a pass nor a failure. */
export function statusOf(measure: Measure, hasTarget: boolean): ResultStatus {
  if (measure.unknownReason !== null) return 'unknown';
  if (!hasTarget) return 'no_target';
  return measure.met === true ? 'met' : 'not_met';
}
