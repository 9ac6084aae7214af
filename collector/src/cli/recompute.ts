import type { Lang } from '@xiaowang/shared';
import { t } from '@xiaowang/shared';
import { loadStorageConfig } from '../config.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { databaseFile, openDatabase } from '../db/open.ts';
import { isDay } from '../features/compliance/engine/local-time.ts';
import { recomputeDay } from '../features/compliance/recompute-day.ts';
import { findCountyByName } from '../features/places/find-county-by-name.ts';
import { listCounties } from '../features/places/list-counties.ts';
import { localDay } from '../features/reports/local-day.ts';
import type { OptionSpec, ParsedOptions } from './args.ts';
import { requireString } from './args.ts';
import type { CommandIo, Env } from './cli-error.ts';
import { CliError, EXIT } from './cli-error.ts';
import { requireConfig } from './config-error.ts';

export const RECOMPUTE_OPTIONS: OptionSpec = {
  county: { type: 'string', example: '城口县' },
  date: { type: 'string', example: '2026-11-27' },
};

/** `recompute --county NAME [--date YYYY-MM-DD]`: the compliance job for one day, from a shell. */
export async function runRecompute(
  env: Env,
  options: ParsedOptions,
  io: CommandIo,
  lang: Lang,
): Promise<number> {
  const name = requireString(options, 'county', '城口县');
  const date = options['date'];
  if (typeof date === 'string' && !isDay(date)) {
    throw new CliError('compliance.cli.badDate', { value: date });
  }
  const { dataDir } = requireConfig(loadStorageConfig(env));
  const database = openDatabase({ file: databaseFile(dataDir) });
  try {
    await migrateToLatest(database.kysely);
    const db = database.kysely;
    const county = await findCountyByName({ db, input: { name } });
    if (county === undefined) {
      const known = (await listCounties({ db, input: {} })).map((c) => c.name).join('、') || '-';
      throw new CliError('collector.cli.countyNotFound', { name, known });
    }
    const clock = () => new Date();
    const day = typeof date === 'string' ? date : localDay(clock(), county.timezone);
    const result = await recomputeDay({ db, clock, input: { countyId: county.id, day } });
    io.stdout(t(lang, 'compliance.cli.recomputed', { county: county.name, date: day, ...result }));
    return EXIT.OK;
  } finally {
    await database.close();
  }
}
