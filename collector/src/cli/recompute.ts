import type { Lang } from '@xiaowang/shared';
import { t } from '@xiaowang/shared';
import { isDay } from '../features/compliance/engine/local-time.ts';
import { recomputeDay } from '../features/compliance/recompute-day.ts';
import { localDay } from '../features/reports/local-day.ts';
import type { OptionSpec, ParsedOptions } from './args.ts';
import { requireString } from './args.ts';
import type { CommandIo, Env } from './cli-error.ts';
import { CliError, EXIT } from './cli-error.ts';
import { withCounty } from './county-database.ts';

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
  return withCounty(env, name, async ({ db, clock, county }) => {
    const day = typeof date === 'string' ? date : localDay(clock(), county.timezone);
    const result = await recomputeDay({ db, clock, input: { countyId: county.id, day } });
    io.stdout(t(lang, 'compliance.cli.recomputed', { county: county.name, date: day, ...result }));
    return EXIT.OK;
  });
}
