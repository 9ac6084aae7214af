import type { Insertable } from 'kysely';
import type { Clock } from '../context.ts';
import type { Db, SchoolDailyResultsTable } from '../db/schema.ts';
import type { Indicator, ResultStatus } from '../features/compliance/indicators.ts';
import type { School } from '../features/places/schema.ts';

/*
 * TEST ONLY. Daily school results inserted straight through Kysely, standing in for the
 * compliance run, so readers of results (the ledger) can be tested on their own.
 */

export type ResultOverrides = Partial<Insertable<SchoolDailyResultsTable>>;

export function complianceFactory(db: Db, clock: Clock = () => new Date()) {
  return {
    /** One school's result for one indicator on one day; met unless told otherwise. */
    async result(
      school: Pick<School, 'id' | 'countyId' | 'townId'>,
      v: { day: string; indicator: Indicator; status?: ResultStatus },
      o: ResultOverrides = {},
    ): Promise<void> {
      await db
        .insertInto('school_daily_results')
        .values({
          school_id: school.id,
          county_id: school.countyId,
          town_id: school.townId,
          day: v.day,
          indicator: v.indicator,
          status: v.status ?? 'met',
          computed_at: clock().toISOString(),
          ...o,
        })
        .execute();
    },
  };
}

export type ComplianceFactory = ReturnType<typeof complianceFactory>;
