import { writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { Lang } from '@xiaowang/shared';
import { t } from '@xiaowang/shared';
import { exportLedger } from '../features/ledger/export-ledger.ts';
import type { OptionSpec, ParsedOptions } from './args.ts';
import { requireString } from './args.ts';
import type { CommandIo, Env } from './cli-error.ts';
import { CliError, EXIT } from './cli-error.ts';
import { readDate, withCounty } from './county-database.ts';

export const LEDGER_OPTIONS: OptionSpec = {
  county: { type: 'string', example: '城口县' },
  date: { type: 'string', example: '2026-11-27' },
  out: { type: 'string', example: 'ledger.xlsx' },
};

/** `ledger --county NAME [--date D] --out FILE.xlsx|.csv`: the ledger a bureau hands upward. */
export async function runLedger(
  env: Env,
  options: ParsedOptions,
  io: CommandIo,
  lang: Lang,
): Promise<number> {
  const countyName = requireString(options, 'county', '城口县');
  const out = resolve(requireString(options, 'out', 'ledger.xlsx'));
  const format = extname(out).toLowerCase().slice(1);
  if (format !== 'xlsx' && format !== 'csv') throw new CliError('ledger.cli.badOut', { file: out });
  const date = readDate(options);
  return withCounty(env, countyName, async ({ db, clock, county }) => {
    const input = { countyId: county.id, date, format, lang } as const;
    const file = await exportLedger({ db, clock, input });
    try {
      writeFileSync(out, file.bytes);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new CliError('ledger.cli.unwritable', { file: out, detail }, EXIT.FAILED);
    }
    const { targets } = file.ledger;
    io.stdout(
      t(lang, 'ledger.cli.written', {
        file: out,
        date: file.ledger.date,
        targets: targets.length,
        notMet: targets.reduce((n, x) => n + x.notMet, 0),
        unknown: targets.reduce((n, x) => n + x.unknown, 0),
      }),
    );
    return EXIT.OK;
  });
}
