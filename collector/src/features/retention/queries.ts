import type { Db } from '../../db/schema.ts';

/**
 * Deletes up to `limit` samples taken before `before`. Walking by id finds the old rows
 * first (samples are inserted roughly in time order), so a batch stops early without an
 * index on sampled_at alone.
 */
export async function deleteSamplesBefore(db: Db, before: string, limit: number): Promise<number> {
  const result = await db
    .deleteFrom('interface_samples')
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('interface_samples')
        .select('id')
        .where('sampled_at', '<', before)
        .orderBy('id')
        .limit(limit),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
