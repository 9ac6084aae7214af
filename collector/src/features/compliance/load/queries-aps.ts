import { sql } from 'kysely';
import type { Db } from '../../../db/schema.ts';

/**
 * Per AP of the county, its polls in the coverage window and on the day itself, summed in
 * SQL so a province's APs come back as one row each rather than one per day.
 */
export function selectApWindow(db: Db, v: { countyId: number; fromDay: string; day: string }) {
  const onDay = (column: 'samples' | 'online_samples') =>
    sql<number>`sum(case when ap_daily.day = ${v.day} then ${sql.ref(`ap_daily.${column}`)} else 0 end)`;
  return db
    .selectFrom('ap_daily')
    .innerJoin('aps', 'aps.id', 'ap_daily.ap_id')
    .select([
      'ap_daily.ap_id',
      sql<number>`sum(ap_daily.samples)`.as('window_samples'),
      sql<number>`sum(ap_daily.online_samples)`.as('window_online_samples'),
      onDay('samples').as('day_samples'),
      onDay('online_samples').as('day_online_samples'),
      sql<string | null>`max(case when ap_daily.online_samples > 0 then ap_daily.day end)`.as(
        'last_online_day',
      ),
    ])
    .where('aps.county_id', '=', v.countyId)
    .where('ap_daily.day', '>=', v.fromDay)
    .where('ap_daily.day', '<=', v.day)
    .groupBy('ap_daily.ap_id')
    .execute();
}
