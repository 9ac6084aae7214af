import type { Selectable } from 'kysely';
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

/** School rows of a day with the school's names, narrowed as asked. */
export function selectSchoolResults(
  db: Db,
  v: {
    countyId: number;
    day: string;
    townId?: number;
    schoolId?: number;
    statuses?: readonly ResultStatus[];
    indicator?: Indicator;
  },
) {
  let q = db
    .selectFrom('school_daily_results as r')
    .innerJoin('schools as s', 's.id', 'r.school_id')
    .selectAll('r')
    .select(['s.name', 's.code', 's.kind'])
    .where('r.county_id', '=', v.countyId)
    .where('r.day', '=', v.day);
  if (v.townId !== undefined) q = q.where('r.town_id', '=', v.townId);
  if (v.schoolId !== undefined) q = q.where('r.school_id', '=', v.schoolId);
  if (v.statuses !== undefined) q = q.where('r.status', 'in', v.statuses);
  if (v.indicator !== undefined) q = q.where('r.indicator', '=', v.indicator);
  return q.orderBy('r.town_id').orderBy('s.code').orderBy('r.indicator').execute();
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
