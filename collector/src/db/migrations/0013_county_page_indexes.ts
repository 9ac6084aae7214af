import type { Kysely } from 'kysely';

/*
 * Indexes for what the county page reads about the present (the nightly mail's state, stale
 * agents, the figures' version): on PostgreSQL on every request, on SQLite whenever the
 * database changed (web/fresh-cache.ts). Without them each read sorted or scanned rows:
 * - the last mail sent and the last failure sorted all of a county's deliveries (13
 *   recipients × every day kept), and the unsent ones were picked out of all of them;
 * - stale agents scanned the agents of every county. Only county_id: last_report_at would
 *   find the stale ones directly, but every report rewrites it, and an index on it would
 *   cost each report an index update on SQLite and HOT updates on PostgreSQL (0010 keeps
 *   room in agents' pages for those), for a read of a few hundred rows;
 * - the newest change of a county's schools read every school row; this index covers it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('digest_deliveries_county_state_sent')
    .on('digest_deliveries')
    .columns(['county_id', 'state', 'sent_at'])
    .execute();
  await db.schema
    .createIndex('digest_deliveries_county_error')
    .on('digest_deliveries')
    .columns(['county_id', 'last_error_at'])
    .execute();
  await db.schema.createIndex('agents_county').on('agents').column('county_id').execute();
  await db.schema
    .createIndex('schools_county_updated')
    .on('schools')
    .columns(['county_id', 'updated_at'])
    .execute();
}
