import { isTeachingPoint } from '../../places/kinds.ts';
import { addDays } from '../engine/local-time.ts';
import type { Indicator } from '../indicators.ts';
import { INDICATORS } from '../indicators.ts';
import type { TargetStepRow } from '../load/queries-targets.ts';
import type { RollupRow, SchoolResultRow } from './queries-read.ts';
import type {
  CountyCompliance,
  IndicatorRollup,
  RollupView,
  SchoolResultView,
  TargetView,
} from './schema.ts';

/* Stored rows turned into the API's shapes. */

export function toRollupView(r: RollupRow): RollupView {
  return {
    numerator: r.numerator,
    denominator: r.denominator,
    value: r.value,
    threshold: r.threshold,
    schools: r.schools,
    schoolsMet: r.schools_met,
    schoolsNotMet: r.schools_not_met,
    schoolsUnknown: r.schools_unknown,
    teachingPoints: r.teaching_points,
    teachingPointsMet: r.teaching_points_met,
    teachingPointsNotMet: r.teaching_points_not_met,
    teachingPointsUnknown: r.teaching_points_unknown,
  };
}

export function toTargetView(step: TargetStepRow | undefined): TargetView | null {
  if (step === undefined) return null;
  const { id: stepId, targetId, threshold, effectiveFrom, document, sourceSentence, note } = step;
  return { targetId, stepId, threshold, effectiveFrom, document, sourceSentence, note };
}

/** Per indicator: the day's rollup of one scope, the previous day's, and the change. */
export function indicatorRollups(
  rows: readonly RollupRow[],
  scopeId: number,
  day: string,
  steps: Partial<Record<Indicator, TargetStepRow>>,
): IndicatorRollup[] {
  const find = (indicator: Indicator, d: string) =>
    rows.find((r) => r.scope_id === scopeId && r.indicator === indicator && r.day === d);
  const previous = addDays(day, -1);
  return INDICATORS.map((indicator) => {
    const now = find(indicator, day);
    const before = find(indicator, previous);
    const change =
      now === undefined || before === undefined
        ? null
        : {
            value: now.value === null || before.value === null ? null : now.value - before.value,
            schoolsMet: now.schools_met - before.schools_met,
            schoolsNotMet: now.schools_not_met - before.schools_not_met,
            schoolsUnknown: now.schools_unknown - before.schools_unknown,
          };
    return {
      indicator,
      target: toTargetView(steps[indicator]),
      rollup: now === undefined ? null : toRollupView(now),
      previous: before === undefined ? null : toRollupView(before),
      change,
    };
  });
}

export function toResultView(r: SchoolResultRow): SchoolResultView {
  return {
    indicator: r.indicator,
    status: r.status,
    value: r.value,
    numerator: r.numerator,
    denominator: r.denominator,
    threshold: r.threshold,
    unknownReason: r.unknown_reason,
    failingSince: r.failing_since,
    lastReportAt: typeof r.last_report_at === 'string' ? r.last_report_at : null,
  };
}

/**
 * A school's row in the county list: its reference and its result in one object, written
 * out rather than spread, which for a list of hundreds cost milliseconds.
 */
export function toListedResult(r: SchoolResultRow): CountyCompliance['schools'][number] {
  return {
    schoolId: r.school_id,
    name: r.name,
    code: r.code,
    townId: r.town_id,
    kind: r.kind,
    teachingPoint: isTeachingPoint(r.kind),
    indicator: r.indicator,
    status: r.status,
    value: r.value,
    numerator: r.numerator,
    denominator: r.denominator,
    threshold: r.threshold,
    unknownReason: r.unknown_reason,
    failingSince: r.failing_since,
    lastReportAt: typeof r.last_report_at === 'string' ? r.last_report_at : null,
  };
}

export function toSchoolRef(r: {
  school_id: number;
  name: string;
  code: string;
  town_id: number;
  kind: SchoolResultRow['kind'];
}) {
  return {
    schoolId: r.school_id,
    name: r.name,
    code: r.code,
    townId: r.town_id,
    kind: r.kind,
    teachingPoint: isTeachingPoint(r.kind),
  };
}

export function parseDetails(details: string | null): Record<string, unknown> | null {
  if (details === null) return null;
  const parsed: unknown = JSON.parse(details);
  return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : null;
}

export const latestComputedAt = (rows: readonly { computed_at: string }[]): string | null =>
  rows.reduce<string | null>((m, r) => (m === null || r.computed_at > m ? r.computed_at : m), null);
