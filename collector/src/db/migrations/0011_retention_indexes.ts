import type { Kysely } from 'kysely';

/*
 * Indexes on every column that refers to a report, so that pruning old reports can ask
 * "is this report still referenced?" with an index lookup. The foreign keys ask the same
 * question on every deleted report (SQLite and PostgreSQL enforce them), and without these
 * each answer would scan the whole referencing table, interface_samples above all.
 * On PostgreSQL interface_samples is partitioned (0010): the index made on the parent is made
 * on every month's partition, and on the partitions created later.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('interface_samples_report')
    .on('interface_samples')
    .column('report_id')
    .execute();
  await db.schema.createIndex('report_gaps_report').on('report_gaps').column('report_id').execute();
  await db.schema
    .createIndex('device_history_report')
    .on('device_history')
    .column('report_id')
    .execute();
  await db.schema
    .createIndex('devices_last_report')
    .on('devices')
    .column('last_report_id')
    .execute();
}
