// Issue 9 part 1: the agent against three references polling the same simulated devices.
// N devices (a county controller with many APs, then schools: core and access switches,
// wireless controllers) are served by Debian's snmpsimd, one process per port on 127.0.0.1.
// Each poller runs as its own child process under GNU time: the agent (its esbuild bundle
// under plain node, one production poll cycle), a naive net-snmp poller, snmp_exporter
// (one scrape per device) and snmpbulkwalk scripts. All must return the same values per
// device. Usage: npx tsx bench/poller.ts [--devices 500] [--runs 3] [--json out.json]
// (--quick: 60 devices, one run, as `npm run bench` runs it).
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { deployedNodeFlags } from '../test/support/deployed-flags.ts';
import { freeTcpPort } from './poller/free-tcp-port.ts';
import { writeManifest } from './poller/fleet-files.ts';
import { countValues, writeBulkwalkScripts } from './poller/bulkwalk.ts';
import { measureResponder } from './poller/calibrate.ts';
import { writeExporterConfig } from './poller/exporter.ts';
import { missingTools } from './poller/tools.ts';
import { countCheck, printAcTable, printRunTable, summarise } from './poller/print.ts';
import type { RunResult } from './poller/print.ts';
import type { PollerContext, PollerName, PollerRun } from './poller/runners.ts';
import {
  bundleChild,
  bundleDeployedAgent,
  runAgent,
  runAgentWalk,
  runBulkwalk,
  runBulkwalkDevice,
  runExporter,
  runNaive,
} from './poller/runners.ts';
import { startBenchFleet } from './poller/bench-fleet.ts';

const { values: opts } = parseArgs({
  options: {
    devices: { type: 'string', default: '500' },
    'county-aps': { type: 'string', default: '500' },
    processes: { type: 'string', default: '8' },
    runs: { type: 'string', default: '1' },
    'ac-runs': { type: 'string', default: '5' },
    parallel: { type: 'string', default: '16' },
    repetitions: { type: 'string', default: '20' },
    /** Timeout of the reference pollers' requests: long, so a starved responder is not an error. */
    'reference-timeout-ms': { type: 'string', default: '30000' },
    /** snmpbulkwalk takes longest; run it in the first N runs only. */
    'bulkwalk-runs': { type: 'string', default: '99' },
    pollers: { type: 'string', default: 'agent,agent-walk,naive,exporter,bulkwalk' },
    json: { type: 'string' },
    /** Write V8 CPU profiles of the agent and naive runs into this directory. */
    profile: { type: 'string' },
    /** Extra node flags for the agent and naive children, comma-separated (experiments). */
    'node-flags': { type: 'string' },
    quick: { type: 'boolean', default: false },
  },
});
const quick = opts.quick === true;
const devicesN = quick ? 60 : Number(opts.devices);
const countyAps = quick ? 500 : Number(opts['county-aps']);
const processes = Number(opts.processes);
const runs = quick ? 1 : Number(opts.runs);
const acRuns = quick ? 3 : Number(opts['ac-runs']);
const reps = Number(opts.repetitions);
const pollers = (opts.pollers ?? '').split(',') as PollerName[];
const cores = availableParallelism();

console.log(
  `machine: ${cores} CPUs (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);
const missing = missingTools(pollers);
if (missing !== undefined) {
  console.error(missing);
  process.exit(2);
}
const { dir, fleet, sim, plans, expected, cleanUp } = await startBenchFleet(
  'xw-poller-',
  { devices: devicesN, countyAps },
  processes,
);
try {
  const subtrees = plans.reduce((n, p) => n + p.subtrees.length, 0);
  console.log(
    `fleet: ${fleet.length} devices (${fleet.filter((d) => d.kind === 'core').length} core, ${fleet.filter((d) => d.kind === 'access').length} access, ${fleet.filter((d) => d.kind === 'ac').length} controllers; county controller ${fleet[0]?.aps ?? 0} APs), ${fleet.reduce((n, d) => n + d.varbinds.length, 0)} OIDs served by ${processes} snmpsimd processes`,
  );
  console.log(`plan: ${subtrees} subtree walks, ${expected} values to fetch (GET + walks)`);
  console.log(
    `agent runs as installed: node ${deployedNodeFlags().join(' ')} (deploy/agent-node-flags)`,
  );
  const manifestFile = path.join(dir, 'manifest.json');
  const referenceTimeoutMs = Number(opts['reference-timeout-ms']);
  writeManifest(manifestFile, plans, { maxRepetitions: reps, timeoutMs: referenceTimeoutMs });
  const first = plans[0];
  const exporterConfig = path.join(dir, 'snmp.yml');
  writeExporterConfig(exporterConfig, fleet, plans, reps, referenceTimeoutMs);
  const agentBundle = path.join(dir, 'xiaowang-agent.mjs');
  await bundleDeployedAgent(agentBundle);
  const walkBundle = path.join(dir, 'agent-walk-child.mjs');
  await bundleChild('agent-walk-child.ts', walkBundle);
  const bulkDir = path.join(dir, 'bulkwalk');
  mkdirSync(bulkDir);
  const ctx: PollerContext = {
    dir,
    manifestFile,
    agentBundle,
    walkBundle,
    exporterConfig,
    bulkwalk: writeBulkwalkScripts(bulkDir, plans, reps, referenceTimeoutMs),
    plans,
    parallel: Number(opts.parallel),
    nodeFlags: [
      ...(opts.profile === undefined
        ? []
        : ['--cpu-prof', `--cpu-prof-dir=${path.resolve(opts.profile)}`]),
      ...(opts['node-flags'] === undefined ? [] : opts['node-flags'].split(',')),
    ],
  };
  const exporterPort = await freeTcpPort();

  // Touch every walk once (page cache, snmpsim's first read of each index) before timing:
  // without it the first poller timed pays for snmpsim indexing every device's walk.
  await runAgentWalk(ctx, 'poll');
  const responder = await measureResponder(sim, fleet);
  const minWallS = (expected * responder.cpuUsPerValue) / 1e6 / cores;
  console.log(
    `responder: ${responder.cpuUsPerValue.toFixed(1)} µs CPU per value (${responder.perCore.toFixed(0)} values/s per core; ${responder.values} values, GETBULK ×${responder.maxRepetitions}, ${responder.wallS.toFixed(2)} s wall); responder-bound minimum for ${expected} values on ${cores} cores: ${minWallS.toFixed(2)} s`,
  );

  const baselines = new Map<PollerName, PollerRun>();
  if (pollers.includes('agent')) baselines.set('agent', await runAgent(ctx, 'baseline'));
  if (pollers.includes('agent-walk'))
    baselines.set('agent-walk', await runAgentWalk(ctx, 'baseline'));
  if (pollers.includes('naive')) baselines.set('naive', await runNaive(ctx, 'baseline'));
  if (pollers.includes('exporter')) {
    baselines.set('exporter', await runExporter(ctx, 'baseline', exporterPort));
  }
  const results: RunResult[] = [];
  /** Every poller must return exactly the plan's values for every device; any miss fails the bench. */
  const failures: string[] = [];
  // The responder's rate moves with the machine's load (two calibrations a minute apart read
  // 93 and 116 µs per value in round 15): it is measured just before and just after each
  // poller, and their mean is the poller's reference, so a drift during a ~45 s poll falls on
  // both sides of it. Each measurement after a poller is the one before the next; the first
  // is the one above (only start-ups without polling ran since).
  let before = responder;
  for (let run = 0; run < runs; run++) {
    // Rotate the order so no poller always runs first or last.
    const order = pollers
      .map((_, i) => pollers[(i + run) % pollers.length] as PollerName)
      .filter((p) => p !== 'bulkwalk' || run < Number(opts['bulkwalk-runs']));
    for (const poller of order) {
      const cpu0 = sim.cpuSeconds();
      const result =
        poller === 'agent'
          ? await runAgent(ctx, 'poll')
          : poller === 'agent-walk'
            ? await runAgentWalk(ctx, 'poll')
            : poller === 'naive'
              ? await runNaive(ctx, 'poll')
              : poller === 'exporter'
                ? await runExporter(ctx, 'poll', exporterPort)
                : await runBulkwalk(ctx);
      const responderCpuS = sim.cpuSeconds() - cpu0;
      const after = await measureResponder(sim, fleet);
      const responderUs = (before.cpuUsPerValue + after.cpuUsPerValue) / 2;
      const ref = {
        minWallS: (expected * responderUs) / 1e6 / cores,
        responderUs,
        beforeUs: before.cpuUsPerValue,
        afterUs: after.cpuUsPerValue,
      };
      results.push({ run, result, responderCpuS, ref });
      before = after;
      failures.push(...countCheck(result, plans));
    }
    printRunTable(
      run,
      results.filter((r) => r.run === run),
      plans,
      baselines,
    );
  }

  const ac: { agentMs: number; agentWallS: number; bulkwalkS: number }[] = [];
  if (first !== undefined && pollers.includes('agent')) {
    for (let i = 0; i < acRuns; i++) {
      const agent = await runAgent(ctx, 'poll', [first]);
      const bulk = await runBulkwalkDevice(ctx, first.name);
      failures.push(...countCheck(agent, [first]));
      const bulkValues = countValues(ctx.bulkwalk.outputOf(first.name));
      if (bulkValues !== first.expected) {
        failures.push(
          `bulkwalk: ${first.name} returned ${bulkValues} values, the plan has ${first.expected}`,
        );
      }
      ac.push({
        agentMs: agent.durations?.get(first.name) ?? NaN,
        agentWallS: agent.cost.wallS,
        bulkwalkS: bulk.wallS,
      });
    }
    printAcTable(first.name, first.expected, fleet[0]?.aps ?? 0, ac);
  }
  const summary = summarise(results, plans, baselines);
  console.log(summary.text);
  if (failures.length > 0) {
    console.log(
      `\nCHECK FAILED: ${failures.length} problem(s); every poller must return the plan's values:`,
    );
    for (const failure of failures.slice(0, 20)) console.log(`  ${failure}`);
    process.exitCode = 1;
  } else {
    console.log(
      `\ncheck: every poller returned the plan's values for every device (${expected} per run)`,
    );
  }
  if (opts.json !== undefined) {
    writeFileSync(
      opts.json,
      JSON.stringify(
        { devices: fleet.length, expected, responder, minWallS, summary: summary.data, ac },
        null,
        2,
      ),
    );
  }
} finally {
  await cleanUp();
}
