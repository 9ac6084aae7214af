import type { Lang } from '@xiaowang/shared';
import { t } from '@xiaowang/shared';
import { loadStorageConfig } from '../config.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { databaseFile, openDatabase } from '../db/open.ts';
import type { CommandIo, Env } from './cli-error.ts';
import { EXIT } from './cli-error.ts';
import { requireConfig } from './config-error.ts';

/** `migrate`: applies pending migrations and says which; `serve` does the same at start. */
export async function runMigrate(env: Env, io: CommandIo, lang: Lang): Promise<number> {
  const { dataDir } = requireConfig(loadStorageConfig(env));
  const database = openDatabase({ file: databaseFile(dataDir) });
  try {
    const applied = await migrateToLatest(database.kysely);
    io.stdout(
      applied.length === 0
        ? t(lang, 'collector.cli.upToDate', { file: database.file })
        : t(lang, 'collector.cli.migrated', { count: applied.length, names: applied.join(', ') }),
    );
    return EXIT.OK;
  } finally {
    await database.close();
  }
}
