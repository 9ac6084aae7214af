import type { Db } from '../../../db/schema.ts';
import type { Designation } from '../../uplinks/effective-uplinks.ts';

/* Uplink designations (set by people) and the polled facts inference reads. */

export async function selectDesignations(db: Db, schoolId: number): Promise<Designation[]> {
  return db
    .selectFrom('uplink_designations')
    .select([
      'device_id as deviceId',
      'if_index as ifIndex',
      'designated_by as designatedBy',
      'designated_at as designatedAt',
      'note',
    ])
    .where('school_id', '=', schoolId)
    .orderBy('device_id')
    .orderBy('if_index')
    .execute();
}

export async function replaceDesignations(
  db: Db,
  schoolId: number,
  rows: readonly { deviceId: number; ifIndex: number; note: string | null }[],
  by: { actor: string; at: string },
) {
  await db.deleteFrom('uplink_designations').where('school_id', '=', schoolId).execute();
  if (rows.length === 0) return;
  await db
    .insertInto('uplink_designations')
    .values(
      rows.map((r) => ({
        school_id: schoolId,
        device_id: r.deviceId,
        if_index: r.ifIndex,
        note: r.note,
        designated_by: by.actor,
        designated_at: by.at,
      })),
    )
    .execute();
}

export const selectSchoolDevices = (db: Db, schoolId: number) =>
  db
    .selectFrom('devices')
    .select(['id', 'sys_name', 'target_name', 'school_id'])
    .where('school_id', '=', schoolId)
    .orderBy('id')
    .execute();

export const selectDeviceNames = async (db: Db, ids: readonly number[]) =>
  ids.length === 0
    ? []
    : db
        .selectFrom('devices')
        .select(['id', 'sys_name', 'target_name'])
        .where('id', 'in', ids)
        .execute();

export const selectInterfacesOf = async (db: Db, deviceIds: readonly number[]) =>
  deviceIds.length === 0
    ? []
    : db.selectFrom('interfaces').selectAll().where('device_id', 'in', deviceIds).execute();

export const selectLldpOf = async (db: Db, deviceIds: readonly number[]) =>
  deviceIds.length === 0
    ? []
    : db
        .selectFrom('lldp_neighbors')
        .select(['device_id', 'local_if_index', 'remote_sys_name'])
        .where('device_id', 'in', deviceIds)
        .execute();

export const findInterface = (db: Db, deviceId: number, ifIndex: number) =>
  db
    .selectFrom('interfaces')
    .select('id')
    .where('device_id', '=', deviceId)
    .where('if_index', '=', ifIndex)
    .executeTakeFirst();

export const findMetroPattern = async (db: Db, countyId: number) =>
  (
    await db
      .selectFrom('counties')
      .select('metro_name_pattern')
      .where('id', '=', countyId)
      .executeTakeFirst()
  )?.metro_name_pattern ?? null;

export async function saveMetroPattern(
  db: Db,
  v: { countyId: number; pattern: string | null; at: string },
) {
  await db
    .updateTable('counties')
    .set({ metro_name_pattern: v.pattern, updated_at: v.at })
    .where('id', '=', v.countyId)
    .execute();
}

/** The ports the devices' IPv6 default routes leave by, for uplink inference. */
export function selectDefaultRouteIfIndexes(db: Db, deviceIds: readonly number[]) {
  if (deviceIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('device_ipv6_default_routes')
    .select(['device_id', 'if_index'])
    .where('device_id', 'in', deviceIds)
    .execute();
}
