import type { Lang } from '@xiaowang/shared';
import { t } from '@xiaowang/shared';
import { AppError } from '../errors.ts';
import { formatThreshold } from '../features/ledger/format-values.ts';
import { applyTargetPreset } from '../features/targets/apply-target-preset.ts';
import { indicatorLabel } from '../features/targets/indicator-units.ts';
import { listCountyTargets } from '../features/targets/list-county-targets.ts';
import type { CountyTargets } from '../features/targets/schema.ts';
import type { OptionSpec, ParsedOptions } from './args.ts';
import { requireString } from './args.ts';
import type { CommandIo, Env } from './cli-error.ts';
import { CliError, EXIT } from './cli-error.ts';
import type { CountyWork } from './county-database.ts';
import { cliActor, readDate, withCounty } from './county-database.ts';

export const TARGETS_OPTIONS: OptionSpec = {
  county: { type: 'string', example: '城口县' },
  'apply-preset': { type: 'string', example: 'chengkou' },
  list: { type: 'boolean' },
  date: { type: 'string', example: '2026-11-27' },
};

/** `targets --county NAME [--apply-preset KEY] [--list [--date D]]`: the targets API from a shell. */
export async function runTargets(
  env: Env,
  options: ParsedOptions,
  io: CommandIo,
  lang: Lang,
): Promise<number> {
  const countyName = requireString(options, 'county', '城口县');
  const preset = options['apply-preset'];
  const list = options['list'] === true;
  if (typeof preset !== 'string' && !list) throw new CliError('targets.cli.needAction');
  const date = readDate(options);
  return withCounty(env, countyName, async (ctx) => {
    if (typeof preset === 'string') await applyPreset(ctx, preset, io, lang);
    if (list) {
      const targets = await listCountyTargets({ ...ctx, input: { countyId: ctx.county.id, date } });
      printTargets(ctx.county.name, targets, io, lang);
    }
    return EXIT.OK;
  });
}

async function applyPreset(ctx: CountyWork, preset: string, io: CommandIo, lang: Lang) {
  const input = { countyId: ctx.county.id, preset };
  try {
    const result = await applyTargetPreset({ ...ctx, actor: cliActor(), input });
    io.stdout(t(lang, 'targets.cli.applied', { preset: result.preset, county: ctx.county.name }));
    for (const { action, target } of result.items) {
      const { indicator } = target;
      const label = t(lang, indicatorLabel(indicator));
      io.stdout(
        t(lang, 'targets.cli.appliedTarget', {
          indicator,
          label,
          action: t(lang, `targets.action.${action}`),
        }),
      );
    }
  } catch (error) {
    const detail = error instanceof AppError ? error.details?.[0] : undefined;
    if (detail === undefined) throw error;
    throw new CliError(detail.key, detail.params);
  }
}

function printTargets(county: string, targets: CountyTargets, io: CommandIo, lang: Lang) {
  if (targets.items.length === 0) {
    io.stdout(t(lang, 'targets.cli.none', { county }));
    return;
  }
  io.stdout(t(lang, 'targets.cli.heading', { county, date: targets.date }));
  for (const target of targets.items) {
    const step = (s: { effectiveFrom: string; threshold: number }) =>
      `${s.effectiveFrom} ${formatThreshold(target.unit, s.threshold, lang)}`;
    const inForce =
      target.inForce === null ? t(lang, 'targets.cli.noneInForce') : step(target.inForce);
    const line = {
      indicator: target.indicator,
      label: t(lang, indicatorLabel(target.indicator)),
      steps: target.steps.map(step).join(', '),
      inForce,
    };
    io.stdout(t(lang, 'targets.cli.target', line));
    const source = { document: target.document, sentence: target.sourceSentence };
    io.stdout(t(lang, 'targets.cli.source', source));
  }
}
