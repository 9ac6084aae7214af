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
  // The row keeps the two designation columns: copying it without them (a rest pattern)
  // cost about 10 µs a report.
  for (const row of rows) {
    const key = deviceKey(row.address, row.port);
    let known = devices.get(key);
    if (known === undefined) {
      known = { row, designations: [] };
      devices.set(key, known);
    }
    const { designated_school_id: schoolId, designated_if_index: ifIndex } = row;
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
  const inputs: Record<string, unknown> = { $id: id };
  const columns: string[] = [];
  for (const column in values) {
    const value = values[column as keyof typeof values];
    if (value === undefined) continue;
    inputs[column] = value;
    columns.push(column);
  }
  if (columns.length === 0) return;
  await runKeyed(db, `update-device:${columns.join(',')}`, inputs, ({ $id, ...set }) =>
    db
      .updateTable('devices')
      .set(set as Updateable<DevicesTable>)
      .where('id', '=', $id as number),
  );
}

export async function insertDeviceHistory(
  db: Db,
  rows: readonly Insertable<DeviceHistoryTable>[],
): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('device_history').values(rows).execute();
}
