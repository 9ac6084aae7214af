import { sql } from 'kysely';
import type { Db } from '../../../db/schema.ts';
import { runKeyed } from '../../../db/statement-cache.ts';

/** `newest#rows` of the rows selected: changes when a row is added, removed or stamped anew. */
const stamp = (column: string) =>
  sql<string>`coalesce(max(${sql.ref(column)}), '') || '#' || count(*)`;

/**
 * The newest change of each kind behind a county's figures, all indexed, in one statement
 * compiled once: the county page asks on every request on PostgreSQL, where six round trips
 * cost more than the lookups.
 */
export async function selectVersionParts(
  db: Db,
  v: { countyId: number; fromDay: string; toDay: string },
): Promise<(string | null)[]> {
  const { rows } = await runKeyed(db, 'county-day-version', v, (p) =>
    db.selectNoFrom((eb) => [
      eb
        .selectFrom('rollup_daily_results')
        .select(stamp('computed_at').as('s'))
        .where('county_id', '=', p.countyId)
        .where('scope', '=', 'county')
        .where('day', '>=', p.fromDay)
        .where('day', '<=', p.toDay)
        .as('rollups'),
      eb
        .selectFrom('targets')
        .select(stamp('updated_at').as('s'))
        .where('county_id', '=', p.countyId)
        .as('targets'),
      eb
        .selectFrom('compliance_settings')
        .select('updated_at')
        .where('county_id', '=', p.countyId)
        .as('settings'),
      eb.selectFrom('counties').select('updated_at').where('id', '=', p.countyId).as('county'),
      eb
        .selectFrom('towns')
        .select(stamp('updated_at').as('s'))
        .where('county_id', '=', p.countyId)
        .as('towns'),
      eb
        .selectFrom('schools')
        .select(stamp('updated_at').as('s'))
        .where('county_id', '=', p.countyId)
        .as('schools'),
    ]),
  );
  const row = rows[0];
  if (row === undefined) return [];
  return [row.rollups, row.targets, row.settings, row.county, row.towns, row.schools].map(
    (part) => part ?? null,
  );
}
