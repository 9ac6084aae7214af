import { userInfo } from 'node:os';
import { loadStorageConfig } from '../config.ts';
import type { Clock } from '../context.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { databaseLocation, openLocation } from '../db/open.ts';
import type { Db } from '../db/schema.ts';
import { findCountyByName } from '../features/places/find-county-by-name.ts';
import { listCounties } from '../features/places/list-counties.ts';
import type { County } from '../features/places/schema.ts';
import { localDate } from '../features/targets/schema.ts';
import type { ParsedOptions } from './args.ts';
import type { Env } from './cli-error.ts';
import { CliError } from './cli-error.ts';
import { requireConfig } from './config-error.ts';

export interface CountyWork {
  readonly db: Db;
  readonly clock: Clock;
  readonly county: County;
}

/** Opens the database, finds the county a person named, runs `work`, and always closes. */
export async function withCounty<T>(
  env: Env,
  name: string,
  work: (ctx: CountyWork) => Promise<T>,
): Promise<T> {
  const database = openLocation(databaseLocation(requireConfig(loadStorageConfig(env))));
  try {
    await migrateToLatest(database.kysely);
    const db = database.kysely;
    const county = await findCountyByName({ db, input: { name } });
    if (county === undefined) {
      const known = (await listCounties({ db, input: {} })).map((c) => c.name).join('、') || '-';
      throw new CliError('targets.cli.countyNotFound', { name, known });
    }
    return await work({ db, clock: () => new Date(), county });
  } finally {
    await database.close();
  }
}

/** Who the audit log names for a change made from a shell on the server. */
export function cliActor(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}

/** `--date`, checked as a calendar date; absent means today in the county. */
export function readDate(options: ParsedOptions): string | undefined {
  const value = options['date'];
  if (value === undefined || typeof value === 'boolean') return undefined;
  if (!localDate.safeParse(value).success) throw new CliError('ledger.cli.badDate', { value });
  return value;
}
