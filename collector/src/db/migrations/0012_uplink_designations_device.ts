import type { Kysely } from 'kysely';

/*
 * Every report reads its agent's devices joined with their uplink designations by device.
 * The only index on uplink_designations starts with school_id, so each device's join
 * scanned every designation of every county, and the foreign key to devices scanned them
 * all again whenever a device row is deleted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('uplink_designations_device')
    .on('uplink_designations')
    .column('device_id')
    .execute();
}
