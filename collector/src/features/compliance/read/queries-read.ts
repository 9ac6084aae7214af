import type { Selectable } from 'kysely';
import { jsonText } from '../../../db/dialect.ts';
import type { Db, RollupDailyResultsTable } from '../../../db/schema.ts';
import type { Indicator, ResultStatus } from '../indicators.ts';

/* Stored results as the read API needs them: rollups of two days, school rows, trends. */

export type RollupRow = Selectable<RollupDailyResultsTable>;

export const selectRollups = (
  db: Db,
  v: { scope: 'county' | 'town'; countyId: number; days: readonly string[]; scopeId?: number },
) => {
  let q = db
    .selectFrom('rollup_daily_results')
    .selectAll()
    .where('county_id', '=', v.countyId)
    .where('scope', '=', v.scope)
    .where('day', 'in', v.days);
  if (v.scopeId !== undefined) q = q.where('scope_id', '=', v.scopeId);
  return q.execute();
};

interface SchoolResultFilter {
  countyId: number;
  day: string;
  townId?: number;
  schoolId?: number;
  statuses?: readonly ResultStatus[];
  indicator?: Indicator;
}

/**
 * School rows of a day with the school's names, narrowed as asked. The JSON evidence stays
 * in SQLite: lists need only its `lastReportAt`, and parsing hundreds of evidence objects
 * in JavaScript was most of the county page's time.
 */
export function selectSchoolResults(db: Db, v: SchoolResultFilter) {
  return schoolResults(db, v).execute();
}

/** The same rows with their JSON evidence, for one school's page. */
export function selectSchoolResultsWithDetails(db: Db, v: SchoolResultFilter) {
  return schoolResults(db, v).select(['r.target_step_id', 'r.computed_at', 'r.details']).execute();
}

function schoolResults(db: Db, v: SchoolResultFilter) {
  let q = db
    .selectFrom('school_daily_results as r')
    .innerJoin('schools as s', 's.id', 'r.school_id')
    .select([
      'r.school_id',
      'r.indicator',
      'r.town_id',
      'r.value',
      'r.numerator',
      'r.denominator',
      'r.threshold',
      'r.status',
      'r.unknown_reason',
      'r.failing_since',
      jsonText(db, 'r.details', 'lastReportAt').as('last_report_at'),
      's.name',
      's.code',
      's.kind',
    ])
    .where('r.county_id', '=', v.countyId)
    .where('r.day', '=', v.day);
  if (v.townId !== undefined) q = q.where('r.town_id', '=', v.townId);
  if (v.schoolId !== undefined) q = q.where('r.school_id', '=', v.schoolId);
  if (v.statuses !== undefined) q = q.where('r.status', 'in', v.statuses);
  if (v.indicator !== undefined) q = q.where('r.indicator', '=', v.indicator);
  return q.orderBy('r.town_id').orderBy('s.code').orderBy('r.indicator');
}

export type SchoolResultRow = Awaited<ReturnType<typeof selectSchoolResults>>[number];

export const selectSchoolTrend = (db: Db, schoolId: number, fromDay: string, toDay: string) =>
  db
    .selectFrom('school_daily_results')
    .select(['day', 'indicator', 'status', 'value', 'numerator', 'denominator'])
    .where('school_id', '=', schoolId)
    .where('day', '>=', fromDay)
    .where('day', '<=', toDay)
    .orderBy('day')
    .execute();

export const selectTownsOf = (db: Db, countyId: number) =>
  db
    .selectFrom('towns')
    .select(['id', 'name'])
    .where('county_id', '=', countyId)
    .orderBy('name')
    .execute();

export const selectTownSchools = (db: Db, townId: number) =>
  db
    .selectFrom('schools')
    .select(['id', 'name', 'code', 'kind', 'town_id'])
    .where('town_id', '=', townId)
    .orderBy('code')
    .execute();
