import type { Kysely } from 'kysely';

/*
 * Indexes for the dashboard's reads, which otherwise grow with history:
 * - the county page lists a day's schools not meeting a target or unknown: by status it
 *   reads those rows only, not every school × indicator of the day;
 * - a county's or its towns' figures of a day, and its latest computed day, were found by
 *   scanning the rollups of every county and every day under the primary key's `scope`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('school_daily_results_county_day_status')
    .on('school_daily_results')
    .columns(['county_id', 'day', 'status'])
    .execute();
  await db.schema
    .createIndex('rollup_daily_results_county_scope_day')
    .on('rollup_daily_results')
    .columns(['county_id', 'scope', 'day'])
    .execute();
}
