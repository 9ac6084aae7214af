import { readdirSync, statSync } from 'node:fs';
import type { Lang, MessageParams } from '@xiaowang/shared';
import { t } from '@xiaowang/shared';
import { loadConfig } from '../config/load-config.ts';
import { DEFAULT_CONFIG_FILE } from '../config/write-config.ts';
import type { AgentState } from '../runtime/agent-state.ts';
import { readState, stateFile } from '../runtime/agent-state.ts';
import { untrusted } from '../runtime/delivery-failure.ts';
import type { OptionSpec, ParsedArgs } from './args.ts';
import type { CommandIo } from './probe.ts';

export const STATUS_SPEC: Readonly<Record<string, OptionSpec>> = {
  config: { type: 'string', example: DEFAULT_CONFIG_FILE },
  lang: { type: 'string', example: 'zh-CN' },
  json: { type: 'boolean' },
  help: { type: 'boolean' },
};

/** Unsent reports are the spool's `*.json` entries; the oldest name sorts first. */
function spoolDepth(dir: string): { count: number; oldestAt: string | null } {
  try {
    const entries = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
    const first = entries[0];
    return {
      count: entries.length,
      oldestAt: first === undefined ? null : statSync(`${dir}/${first}`).mtime.toISOString(),
    };
  } catch {
    return { count: 0, oldestAt: null };
  }
}

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

export function runStatus(args: ParsedArgs, lang: Lang, io: CommandIo): number {
  const file = typeof args['config'] === 'string' ? args['config'] : DEFAULT_CONFIG_FILE;
  const loaded = loadConfig(file);
  const state = readState(stateFile(loaded.config.spool.dir));
  const spool = spoolDepth(loaded.config.spool.dir);
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
    ].join('\n'),
  );
  return 0;
}
