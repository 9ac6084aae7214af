import type { Lang } from '@xiaowang/shared';
import { t } from '@xiaowang/shared';
import { loadConfig } from '../config/load-config.ts';
import { DEFAULT_CONFIG_FILE } from '../config/write-config.ts';
import { startAgentLoop } from '../runtime/agent-loop.ts';
import { stateFile, writeState } from '../runtime/agent-state.ts';
import { createBackoff } from '../runtime/backoff.ts';
import { jsonLog } from '../runtime/log.ts';
import { sendReport } from '../runtime/reporter.ts';
import { gapsForReport, spoolQueue } from '../runtime/spool-queue.ts';
import { openSpool } from '../spool/spool.ts';
import { probeHostIpv6 } from '../host/ipv6-probes.ts';
import { createDiscovery } from '../discovery/discovery-state.ts';
import { discoveredFile } from '../discovery/discovered-file.ts';
import type { OptionSpec, ParsedArgs } from './args.ts';
import type { CommandIo } from './probe.ts';

export const RUN_SPEC: Readonly<Record<string, OptionSpec>> = {
  config: { type: 'string', example: DEFAULT_CONFIG_FILE },
  lang: { type: 'string', example: 'zh-CN' },
  help: { type: 'boolean' },
};

/** Exposed for tests and the demo: start the loop, return a handle to stop it. */
export interface RunSignals {
  onStop(handler: () => void): void;
  onReload(handler: () => void): void;
}

const processSignals: RunSignals = {
  onStop: (h) => {
    process.once('SIGTERM', h);
    process.once('SIGINT', h);
  },
  onReload: (h) => {
    process.on('SIGHUP', h);
  },
};

/** `xiaowang-agent run`: poll, spool, deliver until SIGTERM; SIGHUP reloads the config. */
export async function runAgent(
  args: ParsedArgs,
  lang: Lang,
  io: CommandIo,
  signals: RunSignals = processSignals,
): Promise<number> {
  const file = typeof args['config'] === 'string' ? args['config'] : DEFAULT_CONFIG_FILE;
  const loaded = loadConfig(file);
  const log = jsonLog(io.stdout);
  const spool = await openSpool({
    dir: loaded.config.spool.dir,
    maxBytes: loaded.config.spool.maxBytes,
    maxAgeDays: loaded.config.spool.maxAgeDays,
    onProblem: (error) => log('warn', 'spool.problem', { message: error.message }),
  });
  const backoff = createBackoff(5_000, 15 * 60_000);
  const loop = startAgentLoop({
    config: loaded,
    reloadConfig: () => loadConfig(file),
    queue: spoolQueue(spool, { log }),
    gaps: { pending: () => gapsForReport(spool), clear: (ids) => spool.clearGaps(ids) },
    send: (report, config) =>
      sendReport(report, {
        collectorUrl: config.config.collector.url,
        token: config.config.collector.token,
        timeoutMs: config.config.collector.timeoutMs,
        lang: config.config.lang,
      }),
    // Host IPv6 probes (levels 2–4) ride in every report; they cost a few DNS/HTTPS requests.
    probeHost: (config) =>
      probeHostIpv6({ ipv6: config.config.ipv6, collectorUrl: config.config.collector.url }),
    discovery: createDiscovery({ file: discoveredFile(loaded.config.spool.dir), log }),
    backoff,
    log,
    saveState: (state) => writeState(stateFile(loaded.config.spool.dir), state),
  });
  io.stderr(
    t(lang, 'run.started', {
      devices: loaded.devices.length,
      interval: loaded.config.schedule.pollIntervalSeconds,
      spool: spool.dir,
    }),
  );
  signals.onStop(() => loop.stop());
  signals.onReload(() => loop.reload());
  try {
    await loop.done;
  } finally {
    await spool.close();
  }
  return 0;
}
