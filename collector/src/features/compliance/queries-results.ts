import type { Insertable } from 'kysely';
import type { Db, RollupDailyResultsTable, SchoolDailyResultsTable } from '../../db/schema.ts';
import { runBulk } from '../reports/bulk.ts';

/* Writing a county's day of results: delete, then insert in multi-row statements. */

export type SchoolResultRow = Insertable<SchoolDailyResultsTable>;
export type RollupRow = Insertable<RollupDailyResultsTable>;

/** Yesterday's status and run start per school and indicator, for failing_since. */
export const selectDayStatuses = (db: Db, countyId: number, day: string) =>
  db
    .selectFrom('school_daily_results')
    .select(['school_id', 'indicator', 'status', 'failing_since'])
    .where('county_id', '=', countyId)
    .where('day', '=', day)
    .execute();

export async function deleteCountyDay(db: Db, countyId: number, day: string): Promise<void> {
  await db
    .deleteFrom('school_daily_results')
    .where('county_id', '=', countyId)
    .where('day', '=', day)
    .execute();
  await db
    .deleteFrom('rollup_daily_results')
    .where('county_id', '=', countyId)
    .where('day', '=', day)
    .execute();
}

export async function insertSchoolResults(db: Db, rows: readonly SchoolResultRow[]): Promise<void> {
  await runBulk(db, 'school-daily-results', rows, (chunk) =>
    db.insertInto('school_daily_results').values(chunk),
  );
}

export async function insertRollups(db: Db, rows: readonly RollupRow[]): Promise<void> {
  await runBulk(db, 'rollup-daily-results', rows, (chunk) =>
    db.insertInto('rollup_daily_results').values(chunk),
  );
}
