import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db, DeviceHistoryTable, DevicesTable } from '../../db/schema.ts';
import { runKeyed } from './bulk.ts';

/* Devices, keyed by (agent, address, port), and the append-only history of their inventory. */

export type DeviceRow = Selectable<DevicesTable>;

/** A device the agent reported before, with the uplink ports designated on it per school. */
export interface KnownDevice {
  readonly row: DeviceRow;
  readonly designations: { readonly schoolId: number; readonly ifIndex: number }[];
}

export const deviceKey = (address: string, port: number): string => `${address}\u0000${port}`;

/** All of an agent's devices in one query, so a county agent's report needs no query per device. */
export async function selectAgentDevices(
  db: Db,
  agentId: number,
): Promise<Map<string, KnownDevice>> {
  const { rows } = await runKeyed(db, 'select-agent-devices', { agentId }, (p) =>
    db
      .selectFrom('devices as d')
      .leftJoin('uplink_designations as u', 'u.device_id', 'd.id')
      .selectAll('d')
      .select(['u.school_id as designated_school_id', 'u.if_index as designated_if_index'])
      .where('d.agent_id', '=', p.agentId),
  );
  const devices = new Map<string, KnownDevice>();
  for (const { designated_school_id: schoolId, designated_if_index: ifIndex, ...row } of rows) {
    const key = deviceKey(row.address, row.port);
    let known = devices.get(key);
    if (known === undefined) {
      known = { row, designations: [] };
      devices.set(key, known);
    }
    if (schoolId !== null && ifIndex !== null) known.designations.push({ schoolId, ifIndex });
  }
  return devices;
}

export async function insertDevice(db: Db, values: Insertable<DevicesTable>): Promise<number> {
  const row = await db
    .insertInto('devices')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateDevice(
  db: Db,
  id: number,
  values: Updateable<DevicesTable>,
): Promise<void> {
  // Which columns are set depends on the parts read and on what changed (store-device.ts);
  // each set of columns is its own statement.
  const set = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
  if (Object.keys(set).length === 0) return;
  const key = `update-device:${Object.keys(set).join(',')}`;
  await runKeyed(db, key, { ...set, $id: id }, ({ $id, ...columns }) =>
    db
      .updateTable('devices')
      .set(columns as Updateable<DevicesTable>)
      .where('id', '=', $id),
  );
}

export async function insertDeviceHistory(
  db: Db,
  rows: readonly Insertable<DeviceHistoryTable>[],
): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('device_history').values(rows).execute();
}
