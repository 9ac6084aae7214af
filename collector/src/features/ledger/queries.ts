import type { Db } from '../../db/schema.ts';
import type { Indicator } from '../compliance/indicators.ts';
import type { LedgerStatus } from './schema.ts';

/* The ledger's SQL: one county's daily school results joined to their places. */

export interface LedgerFilter {
  readonly countyId: number;
  readonly day: string;
  readonly indicators: readonly Indicator[];
  readonly statuses: readonly LedgerStatus[];
  readonly townId?: number | undefined;
}

export async function selectLedgerResults(db: Db, f: LedgerFilter) {
  if (f.indicators.length === 0) return [];
  let query = db
    .selectFrom('school_daily_results as r')
    .innerJoin('schools as s', 's.id', 'r.school_id')
    .innerJoin('towns as t', 't.id', 'r.town_id')
    .select([
      'r.indicator',
      'r.status',
      'r.value',
      'r.numerator',
      'r.denominator',
      'r.threshold',
      'r.unknown_reason',
      'r.failing_since',
      't.id as town_id',
      't.name as town',
      's.id as school_id',
      's.name as school',
      's.code as school_code',
      's.kind',
    ])
    .where('r.county_id', '=', f.countyId)
    .where('r.day', '=', f.day)
    .where('r.indicator', 'in', f.indicators)
    .where('r.status', 'in', f.statuses);
  if (f.townId !== undefined) query = query.where('r.town_id', '=', f.townId);
  return query.orderBy('t.name').orderBy('s.code').execute();
}

/** How many schools have a result per indicator that day, whatever their status. */
export async function countResults(
  db: Db,
  f: Omit<LedgerFilter, 'statuses'>,
): Promise<Map<Indicator, number>> {
  if (f.indicators.length === 0) return new Map();
  let query = db
    .selectFrom('school_daily_results')
    .select(['indicator', (eb) => eb.fn.countAll<number>().as('n')])
    .where('county_id', '=', f.countyId)
    .where('day', '=', f.day)
    .where('indicator', 'in', f.indicators);
  if (f.townId !== undefined) query = query.where('town_id', '=', f.townId);
  const rows = await query.groupBy('indicator').execute();
  return new Map(rows.map((r) => [r.indicator, Number(r.n)]));
}
