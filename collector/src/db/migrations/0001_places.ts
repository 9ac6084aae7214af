import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/*
 * County → town → school → room, each name unique within its parent (NetBox's rule).
 * Kinds are checked by the zod schemas, not CHECK constraints: SQLite cannot change a CHECK
 * without rebuilding the table, and schools will be referenced by many tables.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('counties')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('timezone', 'text', (col) => col.notNull().defaultTo('Asia/Shanghai'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('counties_name_unique', ['name'])
    .execute();

  await db.schema
    .createTable('towns')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('county_id', 'integer', (col) => col.notNull().references('counties.id'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('towns_county_name_unique', ['county_id', 'name'])
    // Target of the schools' composite key, which keeps a school's county equal to its town's.
    .addUniqueConstraint('towns_id_county_unique', ['id', 'county_id'])
    .execute();

  await db.schema
    .createTable('schools')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('county_id', 'integer', (col) => col.notNull().references('counties.id'))
    .addColumn('town_id', 'integer', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('code', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('contracted_egress_mbps', 'integer')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addForeignKeyConstraint('schools_town_fk', ['town_id', 'county_id'], 'towns', [
      'id',
      'county_id',
    ])
    .addUniqueConstraint('schools_town_name_unique', ['town_id', 'name'])
    .addUniqueConstraint('schools_county_code_unique', ['county_id', 'code'])
    .addCheckConstraint(
      'schools_contracted_egress_positive',
      sql`contracted_egress_mbps is null or contracted_egress_mbps > 0`,
    )
    .execute();

  await db.schema
    .createTable('rooms')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('school_id', 'integer', (col) => col.notNull().references('schools.id'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('rooms_school_name_unique', ['school_id', 'name'])
    .execute();
}
