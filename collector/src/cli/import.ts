import { readFileSync } from 'node:fs';
import type { Lang } from '@xiaowang/shared';
import { t } from '@xiaowang/shared';
import { loadStorageConfig } from '../config.ts';
import type { Clock } from '../context.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { Db } from '../db/schema.ts';
import { databaseLocation, openLocation } from '../db/open.ts';
import { AppError } from '../errors.ts';
import { createCounty } from '../features/places/create-county.ts';
import { findCountyByName } from '../features/places/find-county-by-name.ts';
import { importPlaces } from '../features/places/import/import-places.ts';
import { listCounties } from '../features/places/list-counties.ts';
import type { OptionSpec, ParsedOptions } from './args.ts';
import { requireString } from './args.ts';
import type { CommandIo, Env } from './cli-error.ts';
import { CliError, EXIT } from './cli-error.ts';
import { requireConfig } from './config-error.ts';

export const IMPORT_OPTIONS: OptionSpec = {
  county: { type: 'string', example: '城口县' },
  file: { type: 'string', example: 'schools.xlsx' },
  'dry-run': { type: 'boolean' },
  'create-county': { type: 'boolean' },
};

/** `import --county NAME --file F [--dry-run] [--create-county]`: the API's import, from a shell. */
export async function runImport(
  env: Env,
  options: ParsedOptions,
  io: CommandIo,
  lang: Lang,
): Promise<number> {
  const countyName = requireString(options, 'county', '城口县');
  const path = requireString(options, 'file', 'schools.xlsx');
  const dryRun = options['dry-run'] === true;
  let file: Uint8Array;
  try {
    file = readFileSync(path);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new CliError('collector.cli.fileUnreadable', { file: path, detail });
  }
  const database = openLocation(databaseLocation(requireConfig(loadStorageConfig(env))));
  try {
    await migrateToLatest(database.kysely);
    const db = database.kysely;
    const clock: Clock = () => new Date();
    const countyId = await resolveCounty(
      db,
      clock,
      countyName,
      options['create-county'] === true,
      io,
      lang,
    );
    const result = await importPlaces({ db, clock, input: { countyId, file, dryRun } });
    io.stdout(
      t(lang, dryRun ? 'import.cli.checked' : 'import.cli.done', {
        rows: result.rows,
        format: result.format,
      }),
    );
    io.stdout(t(lang, 'import.summary.towns', result.towns));
    io.stdout(t(lang, 'import.summary.schools', result.schools));
    io.stdout(t(lang, 'import.summary.rooms', result.rooms));
    return EXIT.OK;
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'VALIDATION') throw error;
    const details = error.details ?? [];
    io.stderr(t(lang, 'import.cli.rejected', { count: details.length }));
    for (const d of details) {
      const message = t(lang, d.key, d.params);
      const where = d.row === undefined ? undefined : { row: d.row, column: d.column ?? '' };
      io.stderr(
        where === undefined ? `  ${message}` : t(lang, 'import.cli.problem', { ...where, message }),
      );
    }
    return EXIT.IMPORT_REJECTED;
  } finally {
    await database.close();
  }
}

async function resolveCounty(
  db: Db,
  clock: Clock,
  name: string,
  create: boolean,
  io: CommandIo,
  lang: Lang,
) {
  const county = await findCountyByName({ db, input: { name } });
  if (county !== undefined) return county.id;
  if (!create) {
    const known = (await listCounties({ db, input: {} })).map((c) => c.name).join('、') || '-';
    throw new CliError('collector.cli.countyNotFound', { name, known });
  }
  const created = await createCounty({ db, clock, input: { name, timezone: 'Asia/Shanghai' } });
  io.stdout(t(lang, 'collector.cli.countyCreated', { name: created.name }));
  return created.id;
}
