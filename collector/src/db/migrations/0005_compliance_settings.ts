import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/*
 * Per-county compliance settings (targets.md: every threshold configurable per county); a
 * county without a row uses the defaults. An index lets the compliance job find each
 * agent's latest poll before a time without reading its whole history.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('compliance_settings')
    .addColumn('county_id', 'integer', (c) => c.primaryKey().references('counties.id'))
    .addColumn('coverage_window_days', 'integer', (c) => c.notNull())
    // Local wall-clock times, HH:MM, in the county's timezone.
    .addColumn('school_hours_start', 'text', (c) => c.notNull())
    .addColumn('school_hours_end', 'text', (c) => c.notNull())
    .addColumn('uplink_required_share', 'real', (c) => c.notNull())
    .addColumn('late_window_minutes', 'integer', (c) => c.notNull())
    .addColumn('stale_window_hours', 'integer', (c) => c.notNull())
    .addColumn('ipv6_https_successes', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'compliance_settings_hours',
      sql`school_hours_start < school_hours_end and uplink_required_share > 0 and uplink_required_share <= 1`,
    )
    .execute();

  await db.schema
    .createIndex('reports_agent_polled')
    .on('reports')
    .columns(['agent_id', 'poll_started_at'])
    .execute();
}
