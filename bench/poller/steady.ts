// The daemon's steady state, beside bench/poller.ts's one cold poll (issue 9). The agent is
// a service: a gateway starts it once and it polls every few minutes in the same process,
// so from its second cycle on it no longer pays for starting node, loading its bundle or
// compiling its hot code. This runs the installed agent for --cycles back-to-back cycles
// and the naive net-snmp poller for as many passes in one process, against the same
// snmpsim fleet, and gives each cycle's own CPU time. Both fetch the same values in every
// pass, checked device by device: the agent reads inventory (ENTITY-MIB) once a day, so
// its later cycles skip it, and so do the naive poller's later passes.
//
// The targets are judged on bench/poller.ts's cold poll; this is context for them.
//
//   npx tsx bench/poller/steady.ts [--devices 500] [--cycles 3] [--rounds 2]
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Report } from '@xiaowang/shared';
import { deployedNodeFlags } from '../../test/support/deployed-flags.ts';
import { buildFleet } from './fleet.ts';
import { agentConfigFor, BENCH_TOKEN, writeManifest } from './fleet-files.ts';
import { cleanUpOnSignal, processCpuSeconds, runMeasured } from './measure.ts';
import type { DevicePlan } from './plan.ts';
import { planFor } from './plan.ts';
import { wholeNumberOption } from './options.ts';
import { median } from './print.ts';
import { startReportSink } from './report-sink.ts';
import { bundleDeployedAgent } from './runners.ts';
import { startSnmpsimFleet } from './snmpsim-fleet.ts';

const { values: opts } = parseArgs({
  options: {
    devices: { type: 'string', default: '500' },
    'county-aps': { type: 'string', default: '500' },
    processes: { type: 'string', default: '8' },
    cycles: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '2' },
  },
});
const cycles = wholeNumberOption('cycles', opts.cycles, 2);
const rounds = wholeNumberOption('rounds', opts.rounds, 1);

const NAIVE = path.join(import.meta.dirname, 'naive-poller.mjs');
/** The agent while it runs, to stop it with the bench (the naive poller is runMeasured's). */
let liveAgent: ChildProcess | undefined;

interface Pass {
  readonly cpuS: number;
  /** device name → values fetched in this pass. */
  readonly values: ReadonlyMap<string, number>;
  readonly errors: readonly string[];
}

function peakRssMb(pid: number): number {
  const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m === null ? 0 : Number(m[1]) / 1024;
}

/**
 * The installed agent, `run` for `cycles` cycles: CPU is read at every "delivery.done",
 * then the agent is stopped.
 */
async function agentCycles(
  dir: string,
  bundle: string,
  plans: readonly DevicePlan[],
): Promise<{ passes: Pass[]; peakRssMb: number }> {
  const home = mkdtempSync(path.join(dir, 'agent-'));
  const sink = await startReportSink(BENCH_TOKEN);
  // A 1 s interval: each cycle starts as soon as the last one's report is delivered.
  const config = agentConfigFor(plans, {
    collectorUrl: sink.url,
    spoolDir: path.join(home, 'spool'),
    pollIntervalSeconds: 1,
  });
  const configFile = path.join(home, 'agent.json');
  writeFileSync(configFile, JSON.stringify(config));
  const child = spawn(
    process.execPath,
    [...deployedNodeFlags(), bundle, 'run', '--config', configFile],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  liveAgent = child;
  const pid = child.pid ?? 0;
  const marks: number[] = [];
  let peak = 0;
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  let pending = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => {
    pending += text;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.includes('"delivery.done"') || marks.length >= cycles) continue;
      marks.push(processCpuSeconds(pid));
      if (marks.length === cycles) {
        peak = peakRssMb(pid);
        child.kill('SIGTERM');
      }
    }
  });
  const exit = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  liveAgent = undefined;
  await sink.close();
  rmSync(home, { recursive: true, force: true });
  if (marks.length < cycles) {
    throw new Error(
      `the agent stopped after ${marks.length} of ${cycles} deliveries (exit ${String(exit)}): ${stderr.slice(-2000)}`,
    );
  }
  const passes = sink.bodies.slice(0, cycles).map((body, k): Pass => {
    const report = JSON.parse(body.toString('utf8')) as Report;
    return {
      cpuS: (marks[k] ?? 0) - (k === 0 ? 0 : (marks[k - 1] ?? 0)),
      values: new Map(report.devices.map((d) => [d.target.name, d.meta.varbinds])),
      errors: report.devices.flatMap((d) => {
        if (d.outcome === 'error') return [`${d.target.name}: ${d.error.message}`];
        const [part] = d.partErrors;
        return part === undefined ? [] : [`${d.target.name}: ${JSON.stringify(part)}`];
      }),
    };
  });
  return { passes, peakRssMb: peak };
}

async function naivePasses(manifestFile: string): Promise<{ passes: Pass[]; peakRssMb: number }> {
  const cost = await runMeasured(process.execPath, [NAIVE, 'passes', manifestFile, String(cycles)]);
  if (cost.exitCode !== 0)
    throw new Error(`naive poller exited with ${String(cost.exitCode)}: ${cost.stderr}`);
  const out = JSON.parse(cost.stdout) as {
    cpuS: number;
    devices: { name: string; values: number; error?: string }[];
  }[];
  const passes = out.map((p): Pass => ({
    cpuS: p.cpuS,
    values: new Map(p.devices.map((d) => [d.name, d.values])),
    errors: p.devices.flatMap((d) => (d.error === undefined ? [] : [`${d.name}: ${d.error}`])),
  }));
  return { passes, peakRssMb: cost.maxRssMb };
}

/** Devices off their plan in a pass: the first cycle reads everything, later ones skip inventory. */
function problems(
  pass: Pass,
  k: number,
  first: readonly DevicePlan[],
  later: readonly DevicePlan[],
): string[] {
  const out = [...pass.errors];
  for (const plan of k === 0 ? first : later) {
    const got = pass.values.get(plan.name);
    if (got !== plan.expected)
      out.push(`${plan.name}: ${String(got ?? 'missing')} of ${plan.expected} values`);
  }
  return out;
}

const dir = mkdtempSync(path.join(tmpdir(), 'xw-steady-'));
// snmpsimd runs as nobody when we are root: it must be able to reach the walks.
chmodSync(dir, 0o755);
const fleet = buildFleet({ devices: Number(opts.devices), countyAps: Number(opts['county-aps']) });
const sim = await startSnmpsimFleet(dir, fleet, Number(opts.processes));
const stop = cleanUpOnSignal(async () => {
  liveAgent?.kill('SIGKILL');
  await sim.stop();
  rmSync(dir, { recursive: true, force: true });
});

try {
  const first = fleet.map((device, i) => planFor(device, sim.endpointOf(i)));
  const later = fleet.map((device, i) => planFor(device, sim.endpointOf(i), ['entity']));
  const manifestFile = path.join(dir, 'manifest.json');
  writeManifest(
    manifestFile,
    first.map((p, i) => ({ ...p, laterSubtrees: later[i]?.subtrees })),
  );
  const bundle = path.join(dir, 'xiaowang-agent.mjs');
  await bundleDeployedAgent(bundle);
  const total = (plans: readonly DevicePlan[]): number => plans.reduce((n, p) => n + p.expected, 0);
  console.log(
    `fleet: ${fleet.length} devices; cycle 1 reads ${total(first)} values, later cycles ${total(later)} (inventory is read once a day); agent: node ${deployedNodeFlags().join(' ')}`,
  );
  console.log('| round | cycle | agent CPU s | naive CPU s | agent / naive |');
  console.log('| ----- | ----- | ----------- | ----------- | ------------- |');
  const ratios: number[][] = Array.from({ length: cycles }, () => []);
  const peaks = { agent: [] as number[], naive: [] as number[] };
  let failed = false;
  for (let round = 1; round <= rounds; round++) {
    // Alternated, so a slow stretch of the machine does not always fall on the same poller.
    const agentFirst = round % 2 === 1;
    const agent = agentFirst ? await agentCycles(dir, bundle, first) : undefined;
    const naive = await naivePasses(manifestFile);
    const agentRun = agent ?? (await agentCycles(dir, bundle, first));
    peaks.agent.push(agentRun.peakRssMb);
    peaks.naive.push(naive.peakRssMb);
    for (let k = 0; k < cycles; k++) {
      const a = agentRun.passes[k];
      const b = naive.passes[k];
      if (a === undefined || b === undefined) throw new Error(`cycle ${k + 1} missing`);
      for (const [who, pass] of [
        ['agent', a],
        ['naive', b],
      ] as const) {
        const found = problems(pass, k, first, later);
        if (found.length > 0) {
          failed = true;
          console.log(
            `CHECK FAILED (${who}, round ${round}, cycle ${k + 1}): ${found.slice(0, 5).join('; ')}`,
          );
        }
      }
      ratios[k]?.push(a.cpuS / b.cpuS);
      console.log(
        `| ${round} | ${k + 1} | ${a.cpuS.toFixed(2)} | ${b.cpuS.toFixed(2)} | ${(a.cpuS / b.cpuS).toFixed(2)} |`,
      );
    }
  }
  console.log(
    `peak RSS over all cycles, median: agent ${median(peaks.agent).toFixed(1)} MB, naive ${median(peaks.naive).toFixed(1)} MB`,
  );
  ratios.forEach((r, k) =>
    console.log(
      `cycle ${k + 1}: agent / naive CPU, median of ${r.length}: ${median(r).toFixed(2)} (${r.map((x) => x.toFixed(2)).join(', ')})`,
    ),
  );
  if (failed) process.exitCode = 1;
  else console.log('check: both pollers returned each cycle’s planned values for every device');
} finally {
  await stop();
}
