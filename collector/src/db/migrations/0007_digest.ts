import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/*
 * The nightly compliance email (docs/adr/0009): who receives it per county or town, when a
 * county sends it, and one delivery row per (county, day, recipient address) whose UNIQUE key
 * and claim columns make each mail go out once, even with two schedulers on one database.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('digest_settings')
    .addColumn('county_id', 'integer', (c) => c.primaryKey().references('counties.id'))
    // Local wall-clock time, HH:MM, in the county's timezone.
    .addColumn('send_time', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    // When it was last switched on: days due before then are not caught up.
    .addColumn('enabled_since', 'text')
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('digest_settings_enabled', sql`enabled in (0, 1)`)
    .execute();

  await db.schema
    .createTable('digest_recipients')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('county_id', 'integer', (c) => c.notNull().references('counties.id'))
    // Null: the county's mail; else the mail of this town of the county.
    .addColumn('town_id', 'integer', (c) => c.references('towns.id'))
    // Lower-cased; one entry per address and county.
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('digest_recipients_county_email_unique', ['county_id', 'email'])
    .addCheckConstraint('digest_recipients_lang', sql`lang in ('zh-CN', 'en')`)
    .execute();

  await db.schema
    .createTable('digest_deliveries')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('county_id', 'integer', (c) => c.notNull().references('counties.id'))
    // The local day the mail reports on; it is sent the next morning.
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('town_id', 'integer', (c) => c.references('towns.id'))
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    // The instant it was due: the county's send time on the morning after `day`.
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('planned_at', 'text', (c) => c.notNull())
    // Null once given up (a failed row) or sent.
    .addColumn('next_attempt_at', 'text')
    .addColumn('claimed_by', 'text')
    .addColumn('claim_expires_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('last_error_at', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('message_id', 'text')
    .addUniqueConstraint('digest_deliveries_once', ['county_id', 'day', 'email'])
    .addCheckConstraint(
      'digest_deliveries_state',
      sql`state in ('pending', 'sending', 'sent', 'failed') and lang in ('zh-CN', 'en')`,
    )
    .execute();
  await db.schema
    .createIndex('digest_deliveries_due')
    .on('digest_deliveries')
    .columns(['state', 'next_attempt_at'])
    .execute();

  // What the last running scheduler saw: whether mail is configured, and when it last ran.
  await db.schema
    .createTable('digest_scheduler')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('instance', 'text', (c) => c.notNull())
    .addColumn('mail_configured', 'integer', (c) => c.notNull())
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addCheckConstraint('digest_scheduler_single_row', sql`id = 1`)
    .execute();
}
