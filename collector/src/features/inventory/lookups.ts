import type { Selectable } from 'kysely';
import type { ApsTable, Db, DevicesTable } from '../../db/schema.ts';
import { notFound, validationError } from '../../errors.ts';

/* Loads a device or AP, failing as callers need: 404 for the URL's id, 400 for a body field. */

export type DeviceRow = Selectable<DevicesTable>;
export type ApRow = Selectable<ApsTable>;

export const findDevice = (db: Db, id: number): Promise<DeviceRow | undefined> =>
  db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirst();

export async function deviceOrNotFound(db: Db, id: number): Promise<DeviceRow> {
  const device = await findDevice(db, id);
  if (device === undefined) throw notFound('inventory.notFound.device', id);
  return device;
}

export async function referencedDevice(db: Db, id: number, path: string): Promise<DeviceRow> {
  const device = await findDevice(db, id);
  if (device === undefined) {
    throw validationError([{ path, key: 'inventory.notFound.device', params: { id } }]);
  }
  return device;
}

export async function apOrNotFound(db: Db, id: number): Promise<ApRow> {
  const ap = await db.selectFrom('aps').selectAll().where('id', '=', id).executeTakeFirst();
  if (ap === undefined) throw notFound('inventory.notFound.ap', id);
  return ap;
}
