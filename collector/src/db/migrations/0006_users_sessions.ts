import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/*
 * People who sign in to the dashboard: county administrators, county viewers and school
 * technicians (each technician tied to schools of the county), their sessions (only the
 * SHA-256 of the cookie's token is kept) and the failed sign-ins that lock a username out.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('county_id', 'integer', (c) => c.notNull().references('counties.id'))
    .addColumn('username', 'text', (c) => c.notNull())
    // Lower-cased username: the key for uniqueness and lockout, portable to PostgreSQL.
    .addColumn('username_key', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lang', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('last_login_at', 'text')
    .addUniqueConstraint('users_username_key_unique', ['username_key'])
    .addCheckConstraint('users_role', sql`role in ('county_admin', 'county_viewer', 'technician')`)
    .addCheckConstraint('users_disabled', sql`disabled in (0, 1)`)
    .addCheckConstraint('users_lang', sql`lang is null or lang in ('zh-CN', 'en')`)
    .addCheckConstraint('users_username_key', sql`username_key = lower(username)`)
    .execute();
  await db.schema.createIndex('users_county').on('users').columns(['county_id']).execute();

  await db.schema
    .createTable('user_schools')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id'))
    .addPrimaryKeyConstraint('user_schools_pk', ['user_id', 'school_id'])
    .execute();

  await db.schema
    .createTable('sessions')
    // SHA-256 (hex) of the 256-bit token in the cookie; the token itself is never stored.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').columns(['user_id']).execute();

  await db.schema
    .createTable('login_failures')
    // Keyed by the lower-cased name as typed, whether or not such a user exists.
    .addColumn('username_key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failure_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .execute();
  await db.schema
    .createIndex('login_failures_last')
    .on('login_failures')
    .columns(['last_failure_at'])
    .execute();
}
