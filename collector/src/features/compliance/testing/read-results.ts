import type { Db } from '../../../db/schema.ts';
import type { Indicator } from '../indicators.ts';

/** TEST ONLY: one stored school figure with its details parsed. */
export async function resultOf(db: Db, schoolId: number, day: string, indicator: Indicator) {
  const row = await db
    .selectFrom('school_daily_results')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where('day', '=', day)
    .where('indicator', '=', indicator)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  return { ...row, details: JSON.parse(row.details ?? 'null') as Record<string, unknown> | null };
}

export async function rollupOf(
  db: Db,
  scope: 'county' | 'town',
  scopeId: number,
  day: string,
  indicator: Indicator,
) {
  return db
    .selectFrom('rollup_daily_results')
    .selectAll()
    .where('scope', '=', scope)
    .where('scope_id', '=', scopeId)
    .where('day', '=', day)
    .where('indicator', '=', indicator)
    .executeTakeFirst();
}
