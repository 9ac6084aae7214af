import type { Db } from '../../db/schema.ts';
import { runKeyed } from '../../db/statement-cache.ts';

/* A county's digest settings; a county without a row sends at 07:00. */

/** Compiled once: the county page reads it on every request on PostgreSQL. */
export async function findSettingsRow(db: Db, countyId: number) {
  const { rows } = await runKeyed(db, 'digest-settings-row', { countyId }, (p) =>
    db.selectFrom('digest_settings').selectAll().where('county_id', '=', p.countyId),
  );
  return rows[0];
}

export type SettingsRow = NonNullable<Awaited<ReturnType<typeof findSettingsRow>>>;

export async function saveSettingsRow(db: Db, row: SettingsRow): Promise<void> {
  const { send_time, enabled, enabled_since, updated_by, updated_at } = row;
  await db
    .insertInto('digest_settings')
    .values(row)
    .onConflict((oc) =>
      oc
        .column('county_id')
        .doUpdateSet({ send_time, enabled, enabled_since, updated_by, updated_at }),
    )
    .execute();
}

/** Every county with its timezone and digest settings (null: the defaults). */
export const selectCountiesWithSettings = (db: Db) =>
  db
    .selectFrom('counties as c')
    .leftJoin('digest_settings as s', 's.county_id', 'c.id')
    .select(['c.id', 'c.name', 'c.timezone', 's.send_time', 's.enabled', 's.enabled_since'])
    .orderBy('c.id')
    .execute();
