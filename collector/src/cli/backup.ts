import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Lang } from '@xiaowang/shared';
import { t } from '@xiaowang/shared';
import SqliteDatabase from 'better-sqlite3';
import { loadStorageConfig } from '../config.ts';
import { databaseLocation, openDatabase } from '../db/open.ts';
import type { OptionSpec, ParsedOptions } from './args.ts';
import { requireString } from './args.ts';
import type { CommandIo, Env } from './cli-error.ts';
import { CliError, EXIT } from './cli-error.ts';
import { requireConfig } from './config-error.ts';

export const BACKUP_OPTIONS: OptionSpec = { out: { type: 'string', example: 'backup.db' } };

const ALL_PAGES = 0x7fffffff;

/**
 * `backup --out FILE`: SQLite's online backup API copies a consistent snapshot while the
 * server keeps running, then the copy is opened and checked before we call it a backup.
 */
export async function runBackup(
  env: Env,
  options: ParsedOptions,
  io: CommandIo,
  lang: Lang,
): Promise<number> {
  const out = resolve(requireString(options, 'out', 'backup.db'));
  const location = databaseLocation(requireConfig(loadStorageConfig(env)));
  // PostgreSQL has its own tools (pg_dump, base backups); this copies a SQLite file.
  if (location.kind !== 'sqlite')
    throw new CliError('collector.db.notSqlite', { command: 'backup' });
  const source = location.file;
  if (!existsSync(source))
    throw new CliError('collector.cli.noDatabase', { file: source }, EXIT.FAILED);
  if (existsSync(out)) throw new CliError('collector.cli.backupExists', { file: out });

  const database = openDatabase({ file: source, mustExist: true });
  try {
    // One step after the first: a backup copied in small steps starts over whenever the
    // running server writes between two of them, and under steady ingest never finishes.
    // A single step reads one snapshot; in WAL mode the server keeps writing meanwhile.
    await database.sqlite.backup(out, { progress: () => ALL_PAGES });
  } finally {
    await database.close();
  }
  const copy = new SqliteDatabase(out, { readonly: true, fileMustExist: true });
  try {
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok')
      throw new CliError(
        'collector.cli.backupBad',
        { file: out, detail: String(check) },
        EXIT.FAILED,
      );
  } finally {
    copy.close();
  }
  io.stdout(t(lang, 'collector.cli.backupDone', { file: out, bytes: statSync(out).size }));
  return EXIT.OK;
}
