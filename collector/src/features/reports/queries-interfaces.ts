import type { Insertable } from 'kysely';
import type {
  Db,
  InterfaceDailyTable,
  InterfaceSamplesTable,
  InterfacesTable,
} from '../../db/schema.ts';
import { added, highest, lowest, runBulk } from './bulk.ts';

/* Interfaces (current state), uplink samples (every one kept) and per-day summaries. */

/**
 * Inserts or refreshes a device's interfaces and returns their ids. With `keepCurrent` (an
 * older report arriving late) the stored state is left alone and only the ids come back.
 */
export function upsertInterfaces(
  db: Db,
  rows: readonly Insertable<InterfacesTable>[],
  keepCurrent: boolean,
): Promise<{ id: number; if_index: number }[]> {
  const name = keepCurrent ? 'interfaces-keep' : 'interfaces-refresh';
  return runBulk(db, name, rows, (chunk) =>
    db
      .insertInto('interfaces')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['device_id', 'if_index']).doUpdateSet((eb) =>
          keepCurrent
            ? { last_seen_at: eb.ref('interfaces.last_seen_at') }
            : {
                if_name: eb.ref('excluded.if_name'),
                if_descr: eb.ref('excluded.if_descr'),
                if_alias: eb.ref('excluded.if_alias'),
                if_type: eb.ref('excluded.if_type'),
                speed_mbps: eb.ref('excluded.speed_mbps'),
                if_speed: eb.ref('excluded.if_speed'),
                if_high_speed: eb.ref('excluded.if_high_speed'),
                speed_suspect: eb.ref('excluded.speed_suspect'),
                admin_status: eb.ref('excluded.admin_status'),
                oper_status: eb.ref('excluded.oper_status'),
                phys_address: eb.ref('excluded.phys_address'),
                octets_64bit: eb.ref('excluded.octets_64bit'),
                last_seen_at: eb.ref('excluded.last_seen_at'),
              },
        ),
      )
      .returning(['id', 'if_index']),
  );
}

export async function insertSamples(
  db: Db,
  rows: readonly Insertable<InterfaceSamplesTable>[],
): Promise<void> {
  await runBulk(db, 'interface-samples', rows, (chunk) =>
    db.insertInto('interface_samples').values(chunk),
  );
}

/** Adds one poll to each interface's summary of its local day. */
export async function upsertInterfaceDaily(
  db: Db,
  rows: readonly InterfaceDailyTable[],
): Promise<void> {
  const t = 'interface_daily';
  await runBulk(db, t, rows, (chunk) =>
    db
      .insertInto(t)
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['interface_id', 'day']).doUpdateSet({
          samples: added(t, 'samples'),
          up_samples: added(t, 'up_samples'),
          min_speed_mbps: lowest(t, 'min_speed_mbps'),
          max_speed_mbps: highest(t, 'max_speed_mbps'),
          max_in_bps: highest(t, 'max_in_bps'),
          max_out_bps: highest(t, 'max_out_bps'),
        }),
      ),
  );
}
