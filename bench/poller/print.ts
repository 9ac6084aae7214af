// Tables for bench/poller.ts: per run, per poller, and medians over runs.
import type { DevicePlan } from './plan.ts';
import type { PollerName, PollerRun } from './runners.ts';

export interface RunResult {
  readonly run: number;
  readonly result: PollerRun;
  readonly responderCpuS: number;
  /** The responder's rate measured just before and just after this run. */
  readonly ref: Reference;
}

interface Row {
  readonly poller: PollerName;
  readonly values: number;
  readonly mismatched: number;
  readonly errors: number;
  readonly wallS: number;
  readonly cpuS: number;
  readonly sysS: number;
  readonly cpuUsPerValue: number;
  readonly netCpuUsPerValue: number | null;
  readonly rssMb: number;
  readonly treeRssMb: number | null;
  readonly responderUsPerValue: number;
  /** Responder CPU per value against its calibrated cost: the waste in the poller's requests. */
  readonly responderVsCalibrated: number;
  /** Responder and poller CPU over wall time: how many cores the run kept busy. */
  readonly coresBusy: number;
  readonly wallVsMin: number;
  /** Voluntary context switches: each a sleep and a wake-up, costly here (round 19). */
  readonly sleeps: number;
}

export interface Reference {
  readonly minWallS: number;
  /** The responder's calibrated CPU per value, µs: the mean of the two below. */
  readonly responderUs: number;
  /** Calibrated just before the run and just after it, µs per value. */
  readonly beforeUs: number;
  readonly afterUs: number;
}

/**
 * What a poller run got wrong against the plan: devices whose value count differs from the
 * plan's (missing devices included), and errors it reported. Empty when the run is right.
 */
export function countCheck(result: PollerRun, plans: readonly DevicePlan[]): string[] {
  const out: string[] = [];
  for (const plan of plans) {
    const got = result.values.get(plan.name);
    if (got !== plan.expected) {
      out.push(
        `${result.poller}: ${plan.name} returned ${got ?? 'no'} values, the plan has ${plan.expected}`,
      );
    }
  }
  const known = new Set(plans.map((p) => p.name));
  for (const name of result.values.keys()) {
    if (!known.has(name)) out.push(`${result.poller}: ${name} is not in the plan`);
  }
  for (const error of result.errors) out.push(`${result.poller}: ${error}`);
  return out;
}

function rowOf(
  r: RunResult,
  plans: readonly DevicePlan[],
  baselines: ReadonlyMap<PollerName, PollerRun>,
): Row {
  const { result, ref } = r;
  const values = [...result.values.values()].reduce((a, b) => a + b, 0);
  const mismatched = countCheck(result, plans).length - result.errors.length;
  const base = baselines.get(result.poller);
  return {
    poller: result.poller,
    values,
    mismatched,
    errors: result.errors.length,
    wallS: result.cost.wallS,
    cpuS: result.cost.cpuS,
    sysS: result.cost.sysS,
    cpuUsPerValue: (result.cost.cpuS * 1e6) / values,
    netCpuUsPerValue:
      base === undefined ? null : ((result.cost.cpuS - base.cost.cpuS) * 1e6) / values,
    rssMb: result.cost.maxRssMb,
    treeRssMb: result.cost.treeRssMb ?? null,
    sleeps: result.cost.sleeps,
    responderUsPerValue: (r.responderCpuS * 1e6) / values,
    responderVsCalibrated: (r.responderCpuS * 1e6) / values / ref.responderUs,
    coresBusy: (r.responderCpuS + result.cost.cpuS) / result.cost.wallS,
    wallVsMin: result.cost.wallS / ref.minWallS,
  };
}

const f = (n: number | null, digits = 1): string =>
  n === null || Number.isNaN(n) ? '–' : n.toFixed(digits);

function line(row: Row): string {
  const rss =
    row.treeRssMb === null ? f(row.rssMb) : `${f(row.treeRssMb)} (1 proc ${f(row.rssMb)})`;
  return `| ${row.poller.padEnd(8)} | ${String(row.values).padStart(7)} | ${row.mismatched === 0 && row.errors === 0 ? 'yes' : `NO (${row.mismatched} devices, ${row.errors} errors)`} | ${f(row.wallS, 2)} | ${f(row.wallVsMin, 2)} | ${f(row.cpuS, 2)} (sys ${f(row.sysS, 2)}) | ${f(row.cpuUsPerValue, 2)} | ${f(row.netCpuUsPerValue, 2)} | ${rss} | ${f(row.responderUsPerValue)} (${f(row.responderVsCalibrated, 2)}×) | ${f(row.coresBusy, 2)} | ${row.sleeps} |`;
}

const HEADER =
  '| poller | values | same as plan | wall s | wall / min | CPU s | CPU µs/value | net of start-up | peak RSS MB | responder µs/value (× calibrated) | cores busy | sleeps |\n' +
  '| ------ | ------ | ------------ | ------ | ---------- | ----- | ------------ | --------------- | ----------- | --------------------------------- | ---------- | ------ |';

export function printRunTable(
  run: number,
  results: readonly RunResult[],
  plans: readonly DevicePlan[],
  baselines: ReadonlyMap<PollerName, PollerRun>,
): void {
  console.log(`\nrun ${run + 1}:`);
  console.log(HEADER);
  for (const r of results) console.log(line(rowOf(r, plans, baselines)));
  for (const r of results) {
    console.log(
      `  ${r.result.poller}: responder measured at ${f(r.ref.beforeUs)} µs per value before it and ${f(r.ref.afterUs)} after (mean ${f(r.ref.responderUs)}), minimum ${f(r.ref.minWallS, 2)} s`,
    );
    if (r.result.requests !== undefined)
      console.log(
        `  ${r.result.poller}: ${r.result.requests} SNMP requests, report ${r.result.reportBytes ?? 0} bytes`,
      );
  }
  for (const r of results) {
    for (const error of r.result.errors.slice(0, 3))
      console.log(`  ${r.result.poller} error: ${error.slice(0, 300)}`);
  }
  const base = [...baselines.values()].map(
    (b) => `${b.poller} ${f(b.cost.cpuS, 2)} s CPU, ${f(b.cost.maxRssMb)} MB`,
  );
  if (run === 0) console.log(`start-up only (no polling): ${base.join('; ')}`);
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
};

export function printAcTable(
  community: string,
  values: number,
  aps: number,
  rows: readonly { agentMs: number; agentWallS: number; bulkwalkS: number }[],
): void {
  console.log(
    `\ncontroller ${community} alone (${aps} APs, ${values} values), ${rows.length} runs:`,
  );
  console.log(
    '| run | agent poll ms | agent process s | snmpbulkwalk script s | agent poll / snmpbulkwalk |',
  );
  console.log(
    '| --- | ------------- | --------------- | --------------------- | ------------------------- |',
  );
  rows.forEach((r, i) => {
    console.log(
      `| ${i + 1} | ${r.agentMs.toFixed(0)} | ${r.agentWallS.toFixed(2)} | ${r.bulkwalkS.toFixed(2)} | ${(r.agentMs / 1000 / r.bulkwalkS).toFixed(2)} |`,
    );
  });
  const ratio = median(rows.map((r) => r.agentMs / 1000 / r.bulkwalkS));
  console.log(`median agent poll / snmpbulkwalk: ${ratio.toFixed(2)} (target ≤ 1.2)`);
}

export function summarise(
  results: readonly RunResult[],
  plans: readonly DevicePlan[],
  baselines: ReadonlyMap<PollerName, PollerRun>,
): { text: string; data: unknown } {
  const rows = results.map((r) => ({ run: r.run, row: rowOf(r, plans, baselines) }));
  const pollers = [...new Set(rows.map((r) => r.row.poller))];
  const med = (p: PollerName, pick: (row: Row) => number | null): number =>
    median(rows.filter((r) => r.row.poller === p).map((r) => pick(r.row) ?? NaN));
  const out: string[] = [`\nmedians over ${new Set(rows.map((r) => r.run)).size} run(s):`];
  out.push(
    '| poller | CPU µs/value | peak RSS MB | wall s | wall / min | responder µs/value | cores busy | sleeps |',
  );
  out.push(
    '| ------ | ------------ | ----------- | ------ | ---------- | ------------------ | ---------- | ------ |',
  );
  const data: Record<string, unknown> = {};
  for (const p of pollers) {
    const m = {
      cpuUsPerValue: med(p, (r) => r.cpuUsPerValue),
      rssMb: med(p, (r) => r.treeRssMb ?? r.rssMb),
      wallS: med(p, (r) => r.wallS),
      wallVsMin: med(p, (r) => r.wallVsMin),
      responderUsPerValue: med(p, (r) => r.responderUsPerValue),
      coresBusy: med(p, (r) => r.coresBusy),
      sleeps: med(p, (r) => r.sleeps),
    };
    data[p] = m;
    out.push(
      `| ${p} | ${f(m.cpuUsPerValue, 2)} | ${f(m.rssMb)} | ${f(m.wallS, 2)} | ${f(m.wallVsMin, 2)} | ${f(m.responderUsPerValue)} | ${f(m.coresBusy, 2)} | ${f(m.sleeps, 0)} |`,
    );
  }
  const perRun = (pick: (row: Row) => number): number[] =>
    [...new Set(rows.map((r) => r.run))].flatMap((run) => {
      const a = rows.find((r) => r.run === run && r.row.poller === 'agent')?.row;
      const n = rows.find((r) => r.run === run && r.row.poller === 'naive')?.row;
      return a === undefined || n === undefined ? [] : [pick(a) / pick(n)];
    });
  const cpuRatio = median(perRun((r) => r.cpuUsPerValue));
  const rssRatio = median(perRun((r) => r.rssMb));
  const wallRatio = median(
    rows.filter((r) => r.row.poller === 'agent').map((r) => r.row.wallVsMin),
  );
  if (!Number.isNaN(cpuRatio)) {
    out.push(
      `agent / naive net-snmp, median of per-run ratios: CPU per value ${f(cpuRatio, 2)} (target ≤ 0.5), peak RSS ${f(rssRatio, 2)} (target ≤ 0.4); agent wall / responder-bound minimum ${f(wallRatio, 2)} (target ≤ 1.1)`,
    );
    data['agentVsNaive'] = { cpu: cpuRatio, rss: rssRatio, wallVsMin: wallRatio };
  }
  return { text: out.join('\n'), data };
}
