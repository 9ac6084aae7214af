import type { Insertable } from 'kysely';
import type { ApDailyTable, ApsTable, Db } from '../../db/schema.ts';
import { added, highest, ifNewer, lowest, runBulk } from './bulk.ts';

/* APs keyed by (county, MAC); never deleted, so an AP that drops off a controller stays known. */

/**
 * Inserts or refreshes APs and returns their ids. Each AP takes the incoming values only
 * when they are at least as recent as what is stored, since an AP can roam between
 * controllers and a spooled report can arrive late.
 */
export function upsertAps(
  db: Db,
  rows: readonly Insertable<ApsTable>[],
): Promise<{ id: number; mac: string }[]> {
  const t = 'aps';
  return runBulk(db, t, rows, (chunk) =>
    db
      .insertInto(t)
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['county_id', 'mac']).doUpdateSet({
          serial: ifNewer(t, 'serial'),
          name: ifNewer(t, 'name'),
          model: ifNewer(t, 'model'),
          ap_group: ifNewer(t, 'ap_group'),
          controller_device_id: ifNewer(t, 'controller_device_id'),
          reported_by_agent_id: ifNewer(t, 'reported_by_agent_id'),
          online: ifNewer(t, 'online'),
          clients: ifNewer(t, 'clients'),
          first_seen_at: lowest(t, 'first_seen_at'),
          last_seen_at: highest(t, 'last_seen_at'),
          last_online_at: highest(t, 'last_online_at'),
        }),
      )
      .returning(['id', 'mac']),
  );
}

export async function upsertApDaily(db: Db, rows: readonly ApDailyTable[]): Promise<void> {
  const t = 'ap_daily';
  await runBulk(db, t, rows, (chunk) =>
    db
      .insertInto(t)
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['ap_id', 'day']).doUpdateSet({
          samples: added(t, 'samples'),
          online_samples: added(t, 'online_samples'),
        }),
      ),
  );
}
