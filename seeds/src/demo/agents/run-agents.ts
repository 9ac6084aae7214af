import type { DemoPlan } from '../plan/plan.ts';
import { agentRunning } from '../plan/timeline.ts';
import type { AgentLoop, LoadedConfig, Log, Spool } from '../wiring/agent.ts';
import {
  createBackoff,
  gapsForReport,
  jsonLog,
  loadConfig,
  openSpool,
  probeHostIpv6,
  sendReport,
  spoolQueue,
  startAgentLoop,
  stateFile,
  writeState,
} from '../wiring/agent.ts';
import type { DemoAgent } from './demo-agents.ts';
import { hostAtLevel, simulatedHost } from './simulated-host.ts';

export interface RunningAgent {
  readonly agent: DemoAgent;
  readonly loop: AgentLoop;
  readonly spool: Spool;
}

export interface RunAgentsOptions {
  readonly plan: DemoPlan;
  /** One JSON line per agent event (warnings and errors; cycles are too many to keep). */
  readonly writeLog: (line: string) => void;
  /** Stop after this many cycles (the `--once` round); run until stopped otherwise. */
  readonly maxCycles?: number;
  /** Spread the agents' first cycles over this many seconds, so they do not poll together. */
  readonly staggerSeconds: number;
}

function agentLog(code: string, write: (line: string) => void): Log {
  const log = jsonLog((line) => write(`{"agent":${JSON.stringify(code)},${line.slice(1)}`));
  return (level, event, fields) => {
    if (level !== 'info' || event === 'agent.stopped') log(level, event, fields);
  };
}

/** The simulated IPv6 view of the agent's host; the county centre's server has full IPv6. */
export function probeFor(agent: DemoAgent, plan: DemoPlan) {
  return (config: LoadedConfig, now = Date.now()) =>
    probeHostIpv6({
      ipv6: config.config.ipv6,
      collectorUrl: config.config.collector.url,
      timeoutMs: 1000,
      ...(agent.school === null ? hostAtLevel(0, 4, now) : simulatedHost(plan, agent.school, now)),
    });
}

/**
 * Starts the real agent loop for each agent whose host is up (the stale school's is not):
 * config from its file, a durable spool in the data directory, reports over HTTP, host
 * IPv6 probes over the simulated host. First cycles are spread evenly over the stagger.
 */
export async function runAgents(
  agents: readonly DemoAgent[],
  options: RunAgentsOptions,
): Promise<RunningAgent[]> {
  const running: RunningAgent[] = [];
  const live = agents.filter((a) => agentRunning(options.plan, a.code, Date.now()));
  for (const [i, agent] of live.entries()) {
    const loaded = loadConfig(agent.configFile);
    // The stagger rides on the loop's own start-up jitter, with a fixed share per agent.
    const schedule = { ...loaded.config.schedule, jitterSeconds: options.staggerSeconds };
    const config: LoadedConfig = { ...loaded, config: { ...loaded.config, schedule } };
    const log = agentLog(agent.code, options.writeLog);
    const spool = await openSpool({
      dir: config.config.spool.dir,
      maxBytes: config.config.spool.maxBytes,
      maxAgeDays: config.config.spool.maxAgeDays,
      onProblem: (error) => log('warn', 'spool.problem', { message: error.message }),
    });
    const loop = startAgentLoop({
      config,
      reloadConfig: () => loadConfig(agent.configFile),
      queue: spoolQueue(spool),
      gaps: { pending: () => gapsForReport(spool), clear: (ids) => spool.clearGaps(ids) },
      send: (report, c) =>
        sendReport(report, {
          collectorUrl: c.config.collector.url,
          token: c.config.collector.token,
          timeoutMs: c.config.collector.timeoutMs,
        }),
      probeHost: (c) => probeFor(agent, options.plan)(c),
      backoff: createBackoff(5_000, 15 * 60_000),
      log,
      saveState: (state) => writeState(stateFile(config.config.spool.dir), state),
      random: () => i / Math.max(1, live.length),
      ...(options.maxCycles === undefined ? {} : { maxCycles: options.maxCycles }),
    });
    running.push({ agent, loop, spool });
  }
  return running;
}

/** Stops every loop after its cycle in progress, then closes the spools. */
export async function stopAgents(running: readonly RunningAgent[]): Promise<void> {
  for (const r of running) r.loop.stop();
  await Promise.all(running.map((r) => r.loop.done));
  await Promise.all(running.map((r) => r.spool.close()));
}
