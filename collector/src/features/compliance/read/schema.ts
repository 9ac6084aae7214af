import { z } from 'zod';
import { int, pathId, timestamp } from '../../inventory/common-schema.ts';
import { SCHOOL_KINDS } from '../../places/kinds.ts';
import { INDICATORS, RESULT_STATUSES, UNKNOWN_REASONS } from '../indicators.ts';
import { settingsOutput } from '../settings/schema.ts';

/* Inputs and outputs of the compliance read API; the OpenAPI document is built from these. */

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'compliance.validation.day' })
  .meta({ description: 'Local date in the county’s timezone, YYYY-MM-DD; default: today' });
export const indicator = z.enum(INDICATORS);
const status = z.enum(RESULT_STATUSES);
const reason = z.enum(UNKNOWN_REASONS);
const num = z.number().nullable();

export const idParams = z.object({ id: pathId });
export const countyQuery = z.strictObject({
  date: day.optional(),
  indicator: indicator.optional().meta({ description: 'List only this indicator’s schools' }),
});
export const dateQuery = z.strictObject({ date: day.optional() });
export const schoolQuery = z.strictObject({
  date: day.optional(),
  days: z.coerce.number().int().min(1).max(366).default(30).meta({ description: 'Trend length' }),
});
export const evidenceQuery = z.strictObject({ indicator, date: day.optional() });

export const targetView = z.object({
  targetId: int,
  stepId: int,
  threshold: z.number(),
  effectiveFrom: z.string(),
  document: z.string(),
  sourceSentence: z.string(),
  note: z.string().nullable(),
});

export const rollupView = z.object({
  numerator: num,
  denominator: num,
  value: num.meta({
    description: 'Σ numerators ÷ Σ denominators over schools whose figure is known',
  }),
  threshold: num,
  schools: int,
  schoolsMet: int,
  schoolsNotMet: int,
  schoolsUnknown: int,
  teachingPoints: int.meta({ description: 'Teaching points, also counted in schools' }),
  teachingPointsMet: int,
  teachingPointsNotMet: int,
  teachingPointsUnknown: int,
});

export const changeView = z.object({
  value: num,
  schoolsMet: int,
  schoolsNotMet: int,
  schoolsUnknown: int,
});

export const indicatorRollup = z.object({
  indicator,
  target: targetView.nullable().meta({ description: 'The step in force that day, null: none' }),
  rollup: rollupView.nullable().meta({ description: 'null: the day has not been computed' }),
  previous: rollupView.nullable(),
  change: changeView.nullable().meta({ description: 'This day minus the previous day' }),
});

export const schoolResultView = z.object({
  indicator,
  status,
  value: num,
  numerator: num,
  denominator: num,
  threshold: num,
  unknownReason: reason.nullable(),
  failingSince: z.string().nullable(),
  lastReportAt: timestamp.nullable(),
});

export const schoolRef = z.object({
  schoolId: int,
  name: z.string(),
  code: z.string(),
  townId: int,
  kind: z.enum(SCHOOL_KINDS),
  teachingPoint: z.boolean(),
});

export const countyComplianceOutput = z.object({
  countyId: int,
  name: z.string(),
  date: z.string(),
  computedAt: timestamp.nullable(),
  settings: settingsOutput,
  indicators: z.array(indicatorRollup),
  towns: z.array(
    z.object({
      townId: int,
      name: z.string(),
      indicators: z.array(indicatorRollup.omit({ target: true })),
    }),
  ),
  schools: z
    .array(schoolRef.extend(schoolResultView.shape))
    .meta({ description: 'Schools not meeting a target, and those whose figure is unknown' }),
});

export const townComplianceOutput = z.object({
  townId: int,
  countyId: int,
  name: z.string(),
  date: z.string(),
  computedAt: timestamp.nullable(),
  indicators: z.array(indicatorRollup),
  schools: z.array(schoolRef.extend({ results: z.array(schoolResultView) })),
});

export const schoolComplianceOutput = z.object({
  school: schoolRef.extend({ countyId: int }),
  date: z.string(),
  days: int,
  indicators: z.array(
    z.object({
      indicator,
      result: schoolResultView
        .extend({
          targetStepId: int.nullable(),
          details: z.record(z.string(), z.unknown()).nullable(),
          computedAt: timestamp,
        })
        .nullable(),
      trend: z.array(
        z.object({ day: z.string(), status, value: num, numerator: num, denominator: num }),
      ),
    }),
  ),
});

export type CountyCompliance = z.output<typeof countyComplianceOutput>;
export type TownCompliance = z.output<typeof townComplianceOutput>;
export type SchoolCompliance = z.output<typeof schoolComplianceOutput>;
export type RollupView = z.output<typeof rollupView>;
export type IndicatorRollup = z.output<typeof indicatorRollup>;
export type SchoolResultView = z.output<typeof schoolResultView>;
export type TargetView = z.output<typeof targetView>;
