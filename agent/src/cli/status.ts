import type { Lang, MessageKey, MessageParams } from '@xiaowang/shared';
import { t } from '@xiaowang/shared';
import { loadConfig } from '../config/load-config.ts';
import { DEFAULT_CONFIG_FILE } from '../config/write-config.ts';
import type { AgentState } from '../runtime/agent-state.ts';
import { readState, stateFile } from '../runtime/agent-state.ts';
import { untrusted } from '../runtime/delivery-failure.ts';
import type { DropReason } from '../spool/gaps.ts';
import { inspectSpool } from '../spool/inspect.ts';
import type { SpoolSummary } from '../spool/inspect.ts';
import type { OptionSpec, ParsedArgs } from './args.ts';
import type { CommandIo } from './probe.ts';

export const STATUS_SPEC: Readonly<Record<string, OptionSpec>> = {
  config: { type: 'string', example: DEFAULT_CONFIG_FILE },
  lang: { type: 'string', example: 'zh-CN' },
  json: { type: 'boolean' },
  help: { type: 'boolean' },
};

/** The failure's text may quote the collector: no control characters reach the terminal. */
function clean(params: MessageParams | undefined): MessageParams {
  return Object.fromEntries(
    Object.entries(params ?? {}).map(([name, value]) => [
      name,
      typeof value === 'string' ? untrusted(value) : value,
    ]),
  );
}

/** Why delivery is waiting, in the reader's language; an older state file has only English. */
function deliveryProblem(lang: Lang, state: AgentState | undefined): string | undefined {
  const failure = state?.lastDeliveryFailure;
  if (failure) return t(lang, failure.key, clean(failure.params));
  return state?.lastDeliveryError ? untrusted(state.lastDeliveryError) : undefined;
}

const DROPPED: Readonly<Record<DropReason, MessageKey>> = {
  'max-bytes': 'status.droppedMaxBytes',
  'max-age': 'status.droppedMaxAge',
  missing: 'status.droppedMissing',
};

/** What went wrong in the spool and is not shown by the queue's depth alone. */
function spoolTroubles(lang: Lang, spool: SpoolSummary): string[] {
  const lines: string[] = [];
  const { rejected, corrupt } = spool;
  if (rejected.count > 0) {
    const dir = untrusted(rejected.dir);
    lines.push(
      rejected.latest === null
        ? t(lang, 'status.rejectedNoReason', { count: rejected.count, dir })
        : t(lang, 'status.rejected', {
            count: rejected.count,
            dir,
            at: untrusted(rejected.latest.setAsideAt),
            // The collector's words, kept in a file anyone with access could have edited.
            reason: untrusted(rejected.latest.reason),
          }),
    );
  }
  for (const dropped of spool.dropped) {
    lines.push(
      t(lang, DROPPED[dropped.reason], {
        count: dropped.count,
        from: dropped.firstSpooledAt,
        to: dropped.lastSpooledAt,
      }),
    );
  }
  if (corrupt.count > 0) {
    lines.push(t(lang, 'status.corrupt', { count: corrupt.count, dir: untrusted(corrupt.dir) }));
  }
  return lines;
}

export function runStatus(args: ParsedArgs, lang: Lang, io: CommandIo): number {
  const file = typeof args['config'] === 'string' ? args['config'] : DEFAULT_CONFIG_FILE;
  const loaded = loadConfig(file);
  const state = readState(stateFile(loaded.config.spool.dir));
  const spool = inspectSpool(loaded.config.spool.dir);
  if (args['json'] === true) {
    io.stdout(JSON.stringify({ state: state ?? null, spool }, null, 2));
    return 0;
  }
  const never = t(lang, 'status.never');
  const problem = deliveryProblem(lang, state);
  io.stdout(
    [
      t(lang, 'status.lastPoll', {
        at: state?.lastPollAt ?? never,
        ok: state?.devicesOk ?? 0,
        error: state?.devicesError ?? 0,
      }),
      t(lang, 'status.lastDelivery', { at: state?.lastDeliveryAt ?? never }),
      ...(problem === undefined ? [] : [t(lang, 'status.deliveryError', { error: problem })]),
      t(lang, 'status.spool', { count: spool.count, oldest: spool.oldestAt ?? '-' }),
      ...spoolTroubles(lang, spool),
    ].join('\n'),
  );
  return 0;
}
