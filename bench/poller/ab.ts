// Two agent bundles side by side (issue 9). Both poll at the same moment, each its own copy
// of the fleet, and the copies change sides every round, so whatever the VM's speed does
// falls on both alike: on the 2-vCPU development VM one cycle's agent CPU moved between
// 8.6 and 15.3 s within an hour while the ratio of two bundles stayed at 1.013–1.033
// (BENCHMARKS.md, poller round 4). Peak RSS moves more, with the moment of the last full GC.
// Each run is checked like bench/poller.ts: every device, exactly the plan's values.
//
//   npx tsx bench/poller/ab.ts --a /tmp/new.mjs --b /tmp/old.mjs --rounds 4
//   npx tsx bench/poller/ab.ts --a /tmp/x.mjs --a-flags=--single-threaded-gc --b /tmp/x.mjs
//   npx tsx bench/poller/ab.ts --a /tmp/x.mjs --a-env MALLOC_ARENA_MAX=2 --b /tmp/x.mjs
//   npx tsx bench/poller/ab.ts --a /tmp/x.mjs --b naive    # the issue's CPU and RSS ratios
//   npx tsx bench/poller/ab.ts --a /tmp/x.mjs --b /tmp/x.mjs --b-bare  # installed flags or not
//
// An agent runs as installed: with deploy/agent-node-flags, then any --a-flags.
//
// `naive` is bench/poller/naive-poller.mjs, the reference of bench/poller.ts. Side by side
// it finishes later than the agent and runs alone for its last part, so only CPU time and
// peak RSS are compared here, never wall time: bench/poller.ts measures that, alone.
//
// A bundle of another commit: git worktree add /tmp/old <rev>; ln -s "$PWD/node_modules"
// /tmp/old/node_modules; (cd /tmp/old && node deploy/build-agent.mjs /tmp/old.mjs).
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildFleet } from './fleet.ts';
import { writeManifest } from './fleet-files.ts';
import { cleanUpOnSignal } from './measure.ts';
import type { DevicePlan } from './plan.ts';
import { planFor } from './plan.ts';
import { median } from './print.ts';
import type { AgentContext, PollerRun } from './runners.ts';
import { deployedNodeFlags } from '../../test/support/deployed-flags.ts';
import { runAgent, runNaive } from './runners.ts';
import { startSnmpsimFleet } from './snmpsim-fleet.ts';

const { values: opts } = parseArgs({
  options: {
    a: { type: 'string' },
    b: { type: 'string' },
    'a-flags': { type: 'string', default: '' },
    'b-flags': { type: 'string', default: '' },
    'a-env': { type: 'string', default: '' },
    'b-env': { type: 'string', default: '' },
    'a-bare': { type: 'boolean', default: false },
    'b-bare': { type: 'boolean', default: false },
    rounds: { type: 'string', default: '4' },
    devices: { type: 'string', default: '500' },
    'county-aps': { type: 'string', default: '500' },
    processes: { type: 'string', default: '8' },
  },
});
function usage(problem: string): never {
  console.error(`${problem}
usage: npx tsx bench/poller/ab.ts --a <agent bundle|naive> --b <agent bundle|naive> [--rounds 4]
       [--a-flags=--flag,--flag] [--a-env K=V,K=V] [--a-bare] (and --b-…) [--devices 500]
An agent runs with deploy/agent-node-flags, as installed, then --a-flags; --a-bare drops the former.`);
  process.exit(2);
}
if (opts.a === undefined || opts.b === undefined) usage('--a and --b are required');
const rounds = Number(opts.rounds);
if (!Number.isInteger(rounds) || rounds < 1)
  usage(`--rounds must be a whole number ≥ 1, got ${opts.rounds}`);
const bundleOf = (arg: string): string => {
  if (arg === 'naive') return 'naive';
  const file = path.resolve(arg);
  if (!existsSync(file))
    usage(`no agent bundle at ${file}: build one with node deploy/build-agent.mjs ${arg}`);
  return file;
};
/** One side as the options give it: an agent runs with the installed flags unless --…-bare. */
function sideOf(key: 'a' | 'b') {
  const arg = opts[key] ?? '';
  return {
    name: key.toUpperCase(),
    bundle: bundleOf(arg),
    flags: [
      ...(arg === 'naive' || opts[`${key}-bare`] === true ? [] : deployedNodeFlags()),
      ...split(opts[`${key}-flags`]),
    ],
    env: envOf(opts[`${key}-env`]),
  };
}
const sides = [sideOf('a'), sideOf('b')] as const;
for (const side of sides) {
  if (side.bundle === 'naive' && Object.keys(side.env).length > 0)
    usage(
      `--${side.name.toLowerCase()}-env is for an agent bundle; the naive poller runs as bench/poller.ts runs it`,
    );
}

/** `K=V,K2=V2` as an environment. */
function envOf(list: string | undefined): Record<string, string> {
  return Object.fromEntries(
    split(list).map((pair) => {
      const at = pair.indexOf('=');
      if (at <= 0) throw new Error(`--a-env/--b-env take K=V pairs, got ${JSON.stringify(pair)}`);
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
}

function split(flags: string | undefined): string[] {
  return (flags ?? '').split(',').filter((f) => f !== '');
}

/** Problems with a run: a device missing, in error, or off the plan's value count. */
function problems(run: PollerRun, plans: readonly DevicePlan[]): string[] {
  const out = [...run.errors];
  for (const plan of plans) {
    const got = run.values.get(plan.name);
    if (got !== plan.expected)
      out.push(`${plan.name}: ${got ?? 'missing'} of ${plan.expected} values`);
  }
  return out;
}

const dir = mkdtempSync(path.join(tmpdir(), 'xw-ab-'));
const fleet = buildFleet({ devices: Number(opts.devices), countyAps: Number(opts['county-aps']) });
// snmpsimd runs as nobody when we are root: it must be able to reach its copy's walks.
chmodSync(dir, 0o755);
const copies: {
  sim: Awaited<ReturnType<typeof startSnmpsimFleet>>;
  plans: DevicePlan[];
  manifestFile: string;
}[] = [];
// One copy after the other, so the two never draw the same free port.
for (const k of [0, 1]) {
  const home = path.join(dir, `fleet-${k}`);
  mkdirSync(home);
  const sim = await startSnmpsimFleet(home, fleet, Number(opts.processes));
  const plans = fleet.map((device, i) => planFor(device, sim.endpointOf(i)));
  const manifestFile = path.join(home, 'manifest.json');
  writeManifest(manifestFile, plans);
  copies.push({ sim, plans, manifestFile });
}
const stopAll = cleanUpOnSignal(async () => {
  await Promise.all(copies.map((c) => c.sim.stop()));
  rmSync(dir, { recursive: true, force: true });
});

try {
  const expected = copies[0]?.plans.reduce((n, p) => n + p.expected, 0) ?? 0;
  console.log(
    `fleet: ${fleet.length} devices, ${expected} values, served twice; ${sides.map((s) => `${s.name} = ${[...Object.entries(s.env).map(([k, v]) => `${k}=${v}`), 'node', ...s.flags, s.bundle].join(' ')}`).join('; ')}`,
  );
  const ratios = { cpu: [] as number[], rss: [] as number[] };
  let failed = false;
  console.log(
    '| round | A on | A CPU s | B CPU s | A/B CPU | A peak RSS MB | B peak RSS MB | A/B RSS |',
  );
  console.log(
    '| ----- | ---- | ------- | ------- | ------- | ------------- | ------------- | ------- |',
  );
  // Round 0 warms both copies (snmpsim reads each walk's index once) and is not counted.
  for (let round = 0; round <= rounds; round++) {
    const onFirst = round % 2 === 0;
    const runs = await Promise.all(
      sides.map((side, i) => {
        const copy = copies[(i === 0) === onFirst ? 0 : 1];
        if (copy === undefined) throw new Error('no fleet copy');
        const agent: AgentContext = {
          dir,
          agentBundle: side.bundle,
          nodeFlags: side.flags,
          bare: true, // side.flags already hold the deployed ones unless --…-bare
          env: side.env,
          plans: copy.plans,
        };
        const run =
          side.bundle === 'naive'
            ? runNaive({ manifestFile: copy.manifestFile, nodeFlags: side.flags }, 'poll')
            : runAgent(agent, 'poll');
        return run.then((r) => ({ run: r, plans: copy.plans }));
      }),
    );
    const [a, b] = runs;
    if (a === undefined || b === undefined) throw new Error('a side did not run');
    for (const [side, r] of [
      ['A', a],
      ['B', b],
    ] as const) {
      const found = problems(r.run, r.plans);
      if (found.length > 0) {
        failed = true;
        console.log(`CHECK FAILED (${side}, round ${round}): ${found.slice(0, 5).join('; ')}`);
      }
    }
    const cpu = a.run.cost.cpuS / b.run.cost.cpuS;
    const rss = a.run.cost.maxRssMb / b.run.cost.maxRssMb;
    if (round > 0) {
      ratios.cpu.push(cpu);
      ratios.rss.push(rss);
    }
    console.log(
      `| ${round === 0 ? '0 (warm-up)' : round} | copy ${onFirst ? 1 : 2} | ${a.run.cost.cpuS.toFixed(2)} | ${b.run.cost.cpuS.toFixed(2)} | ${cpu.toFixed(3)} | ${a.run.cost.maxRssMb.toFixed(1)} | ${b.run.cost.maxRssMb.toFixed(1)} | ${rss.toFixed(3)} |`,
    );
  }
  console.log(
    `A/B over ${rounds} rounds: CPU median ${median(ratios.cpu).toFixed(3)} (${Math.min(...ratios.cpu).toFixed(3)}–${Math.max(...ratios.cpu).toFixed(3)}), peak RSS median ${median(ratios.rss).toFixed(3)} (${Math.min(...ratios.rss).toFixed(3)}–${Math.max(...ratios.rss).toFixed(3)})`,
  );
  if (failed) process.exitCode = 1;
} finally {
  await stopAll();
}
