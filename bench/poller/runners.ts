// One function per poller: run it once as a child process over the whole fleet and return
// its cost and the values it got per device.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import type { Report } from '@xiaowang/shared';
import { build } from 'esbuild';
import type { BulkwalkJob } from './bulkwalk.ts';
import { deployedNodeFlags } from '../../test/support/deployed-flags.ts';
import { countValues } from './bulkwalk.ts';
import type { ChildCost } from './measure.ts';
import { runMeasured } from './measure.ts';
import { exporterModule } from './exporter.ts';
import { agentConfigFor, BENCH_TOKEN } from './fleet-files.ts';
import { startReportSink } from './report-sink.ts';
import type { DevicePlan } from './plan.ts';

export type PollerName = 'agent' | 'agent-walk' | 'naive' | 'exporter' | 'bulkwalk';

export interface PollerRun {
  readonly poller: PollerName;
  readonly cost: ChildCost;
  /** device name → values the poller returned. */
  readonly values: ReadonlyMap<string, number>;
  readonly errors: readonly string[];
  /** device name → the agent's own poll duration for that device. */
  readonly durations?: ReadonlyMap<string, number>;
  /** SNMP requests the agent sent (from its report's meta). */
  readonly requests?: number;
  readonly reportBytes?: number;
}

/** What running the agent needs: its bundle and flags, the fleet's plans, a place to work. */
export type AgentContext = Pick<PollerContext, 'dir' | 'agentBundle' | 'nodeFlags' | 'plans'> & {
  /** Extra environment for the agent (e.g. MALLOC_ARENA_MAX=2), over the bench's own. */
  readonly env?: Readonly<Record<string, string>>;
  /** Run without deploy/agent-node-flags, on node's defaults. */
  readonly bare?: boolean;
};

export interface PollerContext {
  readonly dir: string;
  readonly manifestFile: string;
  /** The agent as deploy/build-agent.mjs bundles it for gateways. */
  readonly agentBundle: string;
  /** bench/poller/agent-walk-child.ts, bundled the same way. */
  readonly walkBundle: string;
  readonly exporterConfig: string;
  readonly bulkwalk: BulkwalkJob;
  readonly plans: readonly DevicePlan[];
  readonly parallel: number;
  /** Extra node flags for the agent and the naive poller (e.g. --cpu-prof). */
  readonly nodeFlags: readonly string[];
}

const NAIVE = path.join(import.meta.dirname, 'naive-poller.mjs');

/** The deployed bundle, built by deploy/build-agent.mjs itself. */
export async function bundleDeployedAgent(outfile: string): Promise<void> {
  const script = path.join(import.meta.dirname, '../../deploy/build-agent.mjs');
  await promisify(execFile)(process.execPath, [script, outfile]);
}

/** A bench child bundled with the options deploy/build-agent.mjs uses. */
export async function bundleChild(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [path.join(import.meta.dirname, entry)],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    outfile,
    banner: {
      js: "import { createRequire as __xwRequire } from 'node:module';\nconst require = __xwRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
}

interface ChildDevice {
  readonly name: string;
  readonly values: number;
  readonly ms?: number;
  readonly requests?: number;
  readonly error?: string;
}

function collect(poller: PollerName, cost: ChildCost, devices: readonly ChildDevice[]): PollerRun {
  const values = new Map(devices.map((d) => [d.name, d.values]));
  const errors = devices.flatMap((d) => (d.error === undefined ? [] : [`${d.name}: ${d.error}`]));
  const durations = new Map(devices.map((d) => [d.name, d.ms ?? 0]));
  const requests = devices.reduce((n, d) => n + (d.requests ?? 0), 0);
  return { poller, cost, values, errors, ...(poller === 'agent' ? { durations, requests } : {}) };
}

/**
 * The agent as a gateway runs it: `xiaowang-agent run` from the deployed bundle under plain
 * node, one poll cycle (every device, checks, rates, the report checked against the
 * contract, written to the spool), the report delivered to a collector stand-in on
 * 127.0.0.1 and acknowledged, then SIGTERM; it finishes and exits as in production. The
 * report is read back from what the stand-in received.
 */
export async function runAgent(
  ctx: AgentContext,
  mode: 'poll' | 'baseline',
  plans: readonly DevicePlan[] = ctx.plans,
): Promise<PollerRun> {
  const home = mkdtempSync(path.join(ctx.dir, 'agent-'));
  const sink = await startReportSink(BENCH_TOKEN);
  const config = agentConfigFor(plans, {
    collectorUrl: sink.url,
    spoolDir: path.join(home, 'spool'),
    devices: mode === 'poll' ? plans : [],
  });
  const configFile = path.join(home, 'agent.json');
  writeFileSync(configFile, JSON.stringify(config));
  try {
    const cost = await runMeasured(
      process.execPath,
      // As installed; flags given to the bench come after, so they can override these.
      [
        ...(ctx.bare === true ? [] : deployedNodeFlags()),
        ...ctx.nodeFlags,
        ctx.agentBundle,
        'run',
        '--config',
        configFile,
      ],
      {
        // Delivered, or refused: either way the cycle's work is over.
        untilStdout: /"delivery\.(done|paused)"|"cycle\.failed"/,
        ...(ctx.env === undefined ? {} : { env: { ...process.env, ...ctx.env } }),
      },
    );
    const [body] = sink.bodies;
    if (body === undefined || !/"delivery\.done"/.test(cost.stdout)) {
      // Most often a node flag it refused: say so, not that nothing arrived.
      throw new Error(
        `the agent delivered no report (exit ${String(cost.exitCode)}): ${cost.stdout.slice(-1000)} ${cost.stderr.slice(-2000)}`,
      );
    }
    const report = JSON.parse(body.toString('utf8')) as Report;
    const devices = report.devices.map((d) => ({
      name: d.target.name,
      values: d.meta.varbinds,
      ms: d.meta.durationMs,
      requests: d.meta.requests,
      ...(d.outcome === 'error'
        ? { error: d.error.message }
        : d.partErrors.length > 0
          ? { error: JSON.stringify(d.partErrors[0]) }
          : {}),
    }));
    return { ...collect('agent', cost, devices), reportBytes: body.length };
  } finally {
    await sink.close();
    rmSync(home, { recursive: true, force: true });
  }
}

export async function runAgentWalk(
  ctx: PollerContext,
  mode: 'poll' | 'baseline',
): Promise<PollerRun> {
  const cost = await runMeasured(process.execPath, [
    ...ctx.nodeFlags,
    ctx.walkBundle,
    mode,
    ctx.manifestFile,
  ]);
  if (cost.exitCode !== 0)
    throw new Error(`agent-walk exited with ${cost.exitCode}: ${cost.stderr}`);
  return collect('agent-walk', cost, JSON.parse(cost.stdout) as ChildDevice[]);
}

export async function runNaive(
  ctx: Pick<PollerContext, 'manifestFile' | 'nodeFlags'>,
  mode: 'poll' | 'baseline',
): Promise<PollerRun> {
  const cost = await runMeasured(process.execPath, [
    ...ctx.nodeFlags,
    NAIVE,
    mode,
    ctx.manifestFile,
  ]);
  if (cost.exitCode !== 0)
    throw new Error(`naive poller exited with ${cost.exitCode}: ${cost.stderr}`);
  return collect('naive', cost, JSON.parse(cost.stdout) as ChildDevice[]);
}

async function waitForHttp(url: string): Promise<void> {
  // 500 modules of metrics take the exporter a while to load on a busy machine.
  for (let i = 0; i < 1200; i++) {
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      return;
    } catch {
      await sleep(50);
    }
  }
  throw new Error(`${url} did not answer`);
}

/** One scrape per device, all at once, as Prometheus would fire them with equal offsets. */
export async function runExporter(
  ctx: PollerContext,
  mode: 'poll' | 'baseline',
  port: number,
): Promise<PollerRun> {
  const base = `http://127.0.0.1:${port}`;
  const devices: ChildDevice[] = [];
  const cost = await runMeasured(
    '/usr/bin/prometheus-snmp-exporter',
    [
      `--config.file=${ctx.exporterConfig}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=error',
    ],
    {
      whileRunning: async () => {
        await waitForHttp(`${base}/`);
        if (mode === 'baseline') return;
        await Promise.all(
          ctx.plans.map(async (plan) => {
            const module = exporterModule(plan);
            const url = `${base}/snmp?target=${plan.host}:${plan.port}&module=${module}`;
            const res = await fetch(url, { signal: AbortSignal.timeout(600_000) });
            const body = await res.text();
            const m = /^snmp_scrape_pdus_returned (\d+)$/m.exec(body);
            devices.push({
              name: plan.name,
              values: m === null ? 0 : Number(m[1]),
              ...(res.status === 200 && m !== null
                ? {}
                : { error: `HTTP ${res.status} ${body.slice(0, 200)}` }),
            });
          }),
        );
      },
    },
  );
  return collect('exporter', cost, devices);
}

export async function runBulkwalk(ctx: PollerContext): Promise<PollerRun> {
  const cost = await runMeasured(
    'xargs',
    ['-a', ctx.bulkwalk.listFile, '-P', String(ctx.parallel), '-n', '1', 'sh'],
    { sampleTree: true },
  );
  const devices = ctx.plans.map((plan) => ({
    name: plan.name,
    values: countValues(ctx.bulkwalk.outputOf(plan.name)),
  }));
  return collect('bulkwalk', cost, devices);
}

/** One device's script alone: snmpget plus one snmpbulkwalk per subtree, in sequence. */
export async function runBulkwalkDevice(ctx: PollerContext, name: string): Promise<ChildCost> {
  return runMeasured('sh', [path.join(path.dirname(ctx.bulkwalk.listFile), `${name}.sh`)]);
}
