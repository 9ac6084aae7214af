import type { Lang } from '@xiaowang/shared';
import { t } from '@xiaowang/shared';
import { loadStorageConfig } from '../config.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { databaseLocation, describeLocation, openLocation } from '../db/open.ts';
import type { CommandIo, Env } from './cli-error.ts';
import { EXIT } from './cli-error.ts';
import { requireConfig } from './config-error.ts';

/** `migrate`: applies pending migrations and says which; `serve` does the same at start. */
export async function runMigrate(env: Env, io: CommandIo, lang: Lang): Promise<number> {
  const location = databaseLocation(requireConfig(loadStorageConfig(env)));
  const database = openLocation(location);
  try {
    const applied = await migrateToLatest(database.kysely);
    io.stdout(
      applied.length === 0
        ? t(lang, 'collector.cli.upToDate', { file: describeLocation(location) })
        : t(lang, 'collector.cli.migrated', { count: applied.length, names: applied.join(', ') }),
    );
    return EXIT.OK;
  } finally {
    await database.close();
  }
}
