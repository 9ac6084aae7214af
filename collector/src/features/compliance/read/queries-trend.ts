import type { Db } from '../../../db/schema.ts';

export const selectRollupRange = (
  db: Db,
  v: {
    countyId: number;
    scope: 'county' | 'town';
    scopeId: number;
    fromDay: string;
    toDay: string;
  },
) =>
  db
    .selectFrom('rollup_daily_results')
    .select(['day', 'indicator', 'value'])
    .where('county_id', '=', v.countyId)
    .where('scope', '=', v.scope)
    .where('scope_id', '=', v.scopeId)
    .where('day', '>=', v.fromDay)
    .where('day', '<=', v.toDay)
    .execute();

export const selectLatestRollupDay = (db: Db, countyId: number) =>
  db
    .selectFrom('rollup_daily_results')
    .select('day')
    .where('county_id', '=', countyId)
    .where('scope', '=', 'county')
    .orderBy('day', 'desc')
    .limit(1)
    .executeTakeFirst();
