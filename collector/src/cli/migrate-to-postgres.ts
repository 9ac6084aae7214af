import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Lang } from '@xiaowang/shared';
import { Secret, t } from '@xiaowang/shared';
import {
  copySqliteToPostgres,
  CountMismatchError,
  TargetNotEmptyError,
} from '../db/copy-to-postgres.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { describeLocation, openDatabase } from '../db/open.ts';
import type { OptionSpec, ParsedOptions } from './args.ts';
import { requireString } from './args.ts';
import type { CommandIo } from './cli-error.ts';
import { CliError, EXIT } from './cli-error.ts';

export const MIGRATE_TO_POSTGRES_OPTIONS: OptionSpec = {
  from: { type: 'string', example: '/var/lib/xiaowang/collector.db' },
  to: { type: 'string', example: 'postgres://xiaowang@127.0.0.1:5432/xiaowang' },
};

/**
 * `migrate-to-postgres --from FILE --to URL`: moves a county's SQLite database into an empty
 * PostgreSQL database (docs/scale.md). Stop the collector first: rows written to the file
 * during the copy would be missing from the target (the row counts would then differ and
 * nothing is kept).
 */
export async function runMigrateToPostgres(
  options: ParsedOptions,
  io: CommandIo,
  lang: Lang,
): Promise<number> {
  const from = resolve(requireString(options, 'from', 'collector.db'));
  const to = requireString(options, 'to', 'postgres://xiaowang@127.0.0.1:5432/xiaowang');
  if (!/^postgres(ql)?:\/\//i.test(to) || !URL.canParse(to)) {
    throw new CliError('collector.cli.pgUsage');
  }
  if (!existsSync(from))
    throw new CliError('collector.cli.noDatabase', { file: from }, EXIT.FAILED);
  const target = describeLocation({ kind: 'postgres', url: new Secret(to) });

  const started = performance.now();
  const source = openDatabase({ file: from, mustExist: true });
  try {
    await migrateToLatest(source.kysely);
    const tables = await copySqliteToPostgres({
      sqlite: source.sqlite,
      targetUrl: to,
      onTable: (table, rows) => io.stdout(t(lang, 'collector.cli.pgTable', { table, rows })),
    });
    io.stdout(
      t(lang, 'collector.cli.pgCopied', {
        file: from,
        target,
        tables: tables.length,
        rows: tables.reduce((n, table) => n + table.rows, 0),
        seconds: ((performance.now() - started) / 1000).toFixed(1),
      }),
    );
    return EXIT.OK;
  } catch (error) {
    if (error instanceof TargetNotEmptyError) {
      const params = { target, table: error.table, rows: error.rows };
      throw new CliError('collector.cli.pgTargetNotEmpty', params, EXIT.FAILED);
    }
    if (error instanceof CountMismatchError) {
      const params = { table: error.table, expected: error.expected, copied: error.copied };
      throw new CliError('collector.cli.pgCountMismatch', { ...params, file: from }, EXIT.FAILED);
    }
    throw error;
  } finally {
    await source.close();
  }
}
