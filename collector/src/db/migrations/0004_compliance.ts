import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/*
 * Compliance: dated target schedules per county and indicator, each step with its source
 * sentence; per-school daily results (value with numerator and denominator, status against
 * the target in force, why unknown, failing since); town and county rollups per day.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('targets')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('county_id', 'integer', (c) => c.notNull().references('counties.id'))
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('preset', 'text')
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('source_sentence', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('targets_county_indicator_unique', ['county_id', 'indicator'])
    .execute();

  await db.schema
    .createTable('target_steps')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('target_id', 'integer', (c) => c.notNull().references('targets.id'))
    // Local date (YYYY-MM-DD) in the county's timezone from which the step is in force.
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('threshold', 'real', (c) => c.notNull())
    .addColumn('note', 'text')
    .addUniqueConstraint('target_steps_target_date_unique', ['target_id', 'effective_from'])
    .execute();

  await db.schema
    .createTable('school_daily_results')
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('county_id', 'integer', (c) => c.notNull().references('counties.id'))
    .addColumn('town_id', 'integer', (c) => c.notNull().references('towns.id'))
    .addColumn('value', 'real')
    .addColumn('numerator', 'real')
    .addColumn('denominator', 'real')
    .addColumn('threshold', 'real')
    .addColumn('target_step_id', 'integer', (c) => c.references('target_steps.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('unknown_reason', 'text')
    // First day of the current run of not_met days, for the ledger's "since when".
    .addColumn('failing_since', 'text')
    .addColumn('details', 'text')
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('school_daily_results_pk', ['school_id', 'day', 'indicator'])
    .addCheckConstraint(
      'school_daily_results_details_json',
      sql`details is null or json_valid(details)`,
    )
    .execute();
  await db.schema
    .createIndex('school_daily_results_county_day')
    .on('school_daily_results')
    .columns(['county_id', 'day', 'indicator'])
    .execute();

  await db.schema
    .createTable('rollup_daily_results')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('scope_id', 'integer', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('county_id', 'integer', (c) => c.notNull().references('counties.id'))
    // Unit-weighted figure (Σ numerators ÷ Σ denominators, e.g. rooms), unknown excluded.
    .addColumn('numerator', 'real')
    .addColumn('denominator', 'real')
    .addColumn('value', 'real')
    .addColumn('threshold', 'real')
    .addColumn('schools', 'integer', (c) => c.notNull())
    .addColumn('schools_met', 'integer', (c) => c.notNull())
    .addColumn('schools_not_met', 'integer', (c) => c.notNull())
    .addColumn('schools_unknown', 'integer', (c) => c.notNull())
    .addColumn('teaching_points', 'integer', (c) => c.notNull())
    .addColumn('teaching_points_met', 'integer', (c) => c.notNull())
    .addColumn('teaching_points_not_met', 'integer', (c) => c.notNull())
    .addColumn('teaching_points_unknown', 'integer', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('rollup_daily_results_pk', ['scope', 'scope_id', 'day', 'indicator'])
    .execute();
}
