import type { Db } from '../../../db/schema.ts';

/** The newest change of each kind behind a county's figures; one round trip each, all indexed. */
export async function selectVersionParts(
  db: Db,
  v: { countyId: number; fromDay: string; toDay: string },
): Promise<(string | null)[]> {
  const rollups = await db
    .selectFrom('rollup_daily_results')
    .select((eb) => [eb.fn.max('computed_at').as('at'), eb.fn.countAll<number>().as('n')])
    .where('county_id', '=', v.countyId)
    .where('scope', '=', 'county')
    .where('day', '>=', v.fromDay)
    .where('day', '<=', v.toDay)
    .executeTakeFirst();
  const targets = await db
    .selectFrom('targets')
    .select((eb) => [eb.fn.max('updated_at').as('at'), eb.fn.countAll<number>().as('n')])
    .where('county_id', '=', v.countyId)
    .executeTakeFirst();
  const settings = await db
    .selectFrom('compliance_settings')
    .select('updated_at')
    .where('county_id', '=', v.countyId)
    .executeTakeFirst();
  const county = await db
    .selectFrom('counties')
    .select('updated_at')
    .where('id', '=', v.countyId)
    .executeTakeFirst();
  const towns = await db
    .selectFrom('towns')
    .select((eb) => [eb.fn.max('updated_at').as('at'), eb.fn.countAll<number>().as('n')])
    .where('county_id', '=', v.countyId)
    .executeTakeFirst();
  const schools = await db
    .selectFrom('schools')
    .select((eb) => [eb.fn.max('updated_at').as('at'), eb.fn.countAll<number>().as('n')])
    .where('county_id', '=', v.countyId)
    .executeTakeFirst();
  const stamp = (r: { at: string | null; n: number | string } | undefined) =>
    r === undefined ? null : `${r.at ?? ''}#${String(r.n)}`;
  return [
    stamp(rollups),
    stamp(targets),
    settings?.updated_at ?? null,
    county?.updated_at ?? null,
    stamp(towns),
    stamp(schools),
  ];
}
