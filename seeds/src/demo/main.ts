import path from 'node:path';
import type { MessageKey, MessageParams } from '@xiaowang/shared';
import { t } from '@xiaowang/shared';
import { runAgents, stopAgents } from './agents/run-agents.ts';
import type { RunningAgent } from './agents/run-agents.ts';
import { readDemoEnv } from './config.ts';
import { DEFAULTS, parseDemoOptions } from './options.ts';
import type { DemoOptions } from './options.ts';
import { localDay } from './plan/local-time.ts';
import { describeFigures, fetchCountyCompliance } from './run/county-figures.ts';
import { recomputeCountyDay } from './run/demo-collector.ts';
import { DemoError } from './run/demo-error.ts';
import { agentsReportedSince, startLiveRecompute } from './run/live.ts';
import { LOG_FILE } from './run/demo-state.ts';
import { resolveDataDir, startDemo } from './run/start-demo.ts';
import type { DemoIo, StartedDemo } from './run/start-demo.ts';
import { onceDocument, printReady, schoolName } from './run/summary.ts';

const write = (stream: NodeJS.WriteStream) => (text: string) => {
  stream.write(`${text}\n`);
};

function demoIo(options: DemoOptions): DemoIo {
  const out = options.json ? write(process.stderr) : write(process.stdout);
  return {
    lang: options.lang,
    say: (key: MessageKey, params?: MessageParams) => out(t(options.lang, key, params)),
    progress: (key: MessageKey, params?: MessageParams) => out(t(options.lang, key, params)),
  };
}

/** `--once`: every running agent polls once, today is recomputed, the figures are printed. */
async function runOnce(demo: StartedDemo, io: DemoIo, options: DemoOptions): Promise<void> {
  const roundStart = Date.now();
  const running = await runAgents(demo.agents, {
    plan: demo.plan,
    writeLog: demo.writeLog,
    maxCycles: 1,
    staggerSeconds: 0,
  });
  await Promise.all(running.map((r) => r.loop.done));
  await stopAgents(running);
  const today = localDay(Date.now());
  await recomputeCountyDay(demo.collector, demo.seeded.countyId, today);
  const reported = await agentsReportedSince(demo, roundStart);
  const compliance = await fetchCountyCompliance(demo.api, demo.seeded.countyId, today);
  if (options.json) {
    const doc = onceDocument(demo, { reported, running: running.length, compliance });
    process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
    return;
  }
  io.say('demo.round.done', {
    ok: reported,
    agents: running.length,
    stale: schoolName(demo, demo.plan.stale.school),
  });
  write(process.stdout)(describeFigures(io.lang, compliance));
  printReady(demo, io, options.interval);
}

/** Until Ctrl+C: agents poll on their schedule, a device reboots now and then, today is recomputed. */
async function runLive(
  demo: StartedDemo,
  io: DemoIo,
  options: DemoOptions,
  signal: AbortSignal,
): Promise<void> {
  const running: RunningAgent[] = await runAgents(demo.agents, {
    plan: demo.plan,
    writeLog: demo.writeLog,
    staggerSeconds: options.interval,
  });
  const stopEvents = demo.farm.startLiveEvents();
  const stopRecompute = startLiveRecompute(demo, io, (options.interval + 15) * 1000);
  printReady(demo, io, options.interval);
  io.say('demo.ready.stop', { log: demo.logFile });
  await new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
  io.say('demo.stopping');
  stopRecompute();
  stopEvents();
  await stopAgents(running);
}

/** `npm start [-- options]`: the whole product on one machine, on a simulated county. */
export async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseDemoOptions(argv);
  if (!parsed.ok) {
    write(process.stderr)(t(parsed.lang, parsed.key, parsed.params));
    return 2;
  }
  const options = parsed.options;
  if (options.help) {
    write(process.stdout)(t(options.lang, 'demo.usage', { history: DEFAULTS.history }));
    return 0;
  }
  const io = demoIo(options);
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const env = readDemoEnv();
  const logFile = path.join(resolveDataDir(options, env), LOG_FILE);
  let demo: StartedDemo | undefined;
  try {
    demo = await startDemo(options, env, io, stop.signal);
    if (options.once) await runOnce(demo, io, options);
    else await runLive(demo, io, options, stop.signal);
    await demo.close();
    if (!options.once) io.say('demo.stopped');
    return 0;
  } catch (error) {
    await demo?.close();
    if (stop.signal.aborted) {
      io.say('demo.stopped');
      return 130;
    }
    if (error instanceof DemoError) {
      write(process.stderr)(t(options.lang, error.key, error.params));
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    write(process.stderr)(t(options.lang, 'demo.error.failed', { message, log: logFile }));
    return 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
