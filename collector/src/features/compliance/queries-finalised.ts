import type { Db } from '../../db/schema.ts';

/* The day each county was last finalised, kept in the database so any instance can read it. */

export async function selectFinalisedDays(db: Db): Promise<Map<number, string>> {
  const rows = await db.selectFrom('compliance_finalised').select(['county_id', 'day']).execute();
  return new Map(rows.map((r) => [r.county_id, r.day]));
}

export async function recordFinalised(
  db: Db,
  v: { countyId: number; day: string; at: string },
): Promise<void> {
  await db
    .insertInto('compliance_finalised')
    .values({ county_id: v.countyId, day: v.day, finalised_at: v.at })
    .onConflict((oc) =>
      oc.column('county_id').doUpdateSet((eb) => ({
        day: eb.ref('excluded.day'),
        finalised_at: eb.ref('excluded.finalised_at'),
      })),
    )
    .execute();
}
