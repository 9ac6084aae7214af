import type { Kysely } from 'kysely';

/*
 * Several collectors on one database (issue 11): a lease per scheduled job names the one
 * instance that runs it, until it expires unrenewed; and the day each county's compliance
 * was last finalised, so a new leader does not finalise that day again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('acquired_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('compliance_finalised')
    .addColumn('county_id', 'integer', (c) => c.primaryKey().references('counties.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('finalised_at', 'text', (c) => c.notNull())
    .execute();
}
