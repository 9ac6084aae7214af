/*
 * Ingest speed: N school reports (one switch, 36 ports each) stored (a) through HTTP with
 * app.request, (b) by the ingest verb directly, and (c) by raw better-sqlite3 prepared
 * statements writing the same rows, each into its own fresh temp-file database.
 *
 *   npm run bench:ingest -- --reports 3000 --schools 100
 *   npm run bench:ingest -- --synchronous full     # the collector's shipped setting
 *
 * Every variant runs with the same explicit `synchronous`. The default is NORMAL: no fsync
 * per commit (only at WAL checkpoints, about every 50 reports), so the bench measures the
 * CPU path of each variant, as the raw reference did. The collector ships FULL
 * (db/open.ts: an acknowledged report must survive a power cut); `--synchronous full` shows
 * what that costs, one fsync per report in all three.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Report } from '@xiaowang/shared';
import { Secret } from '@xiaowang/shared';
import { createApp } from '../collector/src/app.ts';
import { migrateToLatest } from '../collector/src/db/migrate.ts';
import type { OpenedDatabase } from '../collector/src/db/open.ts';
import { databaseFile, openDatabase } from '../collector/src/db/open.ts';
import { authenticateAgent } from '../collector/src/features/agents/authenticate-agent.ts';
import { ingestReport } from '../collector/src/features/reports/ingest-report.ts';
import { silentLogger } from '../collector/src/logger.ts';
import { makeTempDir } from '../collector/src/testing/test-db.ts';
import type { BenchSchool } from './ingest-data.ts';
import { schoolReport, seedCounty } from './ingest-data.ts';
import { rawWriter } from './ingest-raw.ts';

const { values } = parseArgs({
  options: {
    reports: { type: 'string', default: '3000' },
    schools: { type: 'string', default: '100' },
    warmup: { type: 'string', default: '300' },
    synchronous: { type: 'string', default: 'normal' },
  },
});
const SYNCHRONOUS = values.synchronous.toUpperCase();
if (SYNCHRONOUS !== 'NORMAL' && SYNCHRONOUS !== 'FULL') {
  throw new Error(`--synchronous must be normal or full, not ${values.synchronous}`);
}
const N = Number(values.reports);
const SCHOOLS = Number(values.schools);
const WARMUP = Number(values.warmup);
const SLICE = 50;
const clock = () => new Date();

/**
 * Milliseconds this thread has run on a CPU (Linux), or undefined elsewhere. On a loaded
 * machine wall time also counts waiting for a CPU and for the disk; this counts neither.
 */
function threadCpuMs(): number | undefined {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return undefined;
  }
}

/** A report as the agent sends it: the object and its JSON, serialised before timing. */
interface Item {
  readonly report: Report;
  readonly body: string;
  readonly school: number;
}

type Ingest = (item: Item, school: BenchSchool) => Promise<void> | void;

interface Variant {
  readonly name: string;
  prepare(database: OpenedDatabase, schools: readonly BenchSchool[]): Promise<Ingest>;
}

const variants: Variant[] = [
  {
    name: '(a) HTTP app.request',
    prepare(database) {
      const app = createApp({
        db: database.kysely,
        clock,
        logger: silentLogger,
        config: {
          adminToken: new Secret('bench-admin-token-0123456789abcdef'),
          maxBodyBytes: 1 << 20,
          maxImportBytes: 1 << 20,
          maxReportBytes: 8 << 20,
          reportRatePerMinute: 1e6,
          reportBurst: 1e9,
          enrollRatePerMinute: 600,
        },
      });
      return Promise.resolve(async ({ body }, school) => {
        const res = await app.request('/api/v1/reports', {
          method: 'POST',
          // As a real client sends it; hono's body limit then need not buffer the stream.
          headers: {
            authorization: `Bearer ${school.token}`,
            'content-type': 'application/json',
            'content-length': String(Buffer.byteLength(body)),
          },
          body,
        });
        if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
      });
    },
  },
  {
    name: '(b) ingestReport verb',
    async prepare(database, schools) {
      const db = database.kysely;
      const agents = await Promise.all(
        schools.map((s) => authenticateAgent({ db, input: { token: s.token } })),
      );
      return async ({ report }, school) => {
        const agent = agents[school.index];
        if (agent === undefined) throw new Error('no agent');
        await ingestReport({ db, clock, input: { agent, report } });
      };
    },
  },
  {
    name: '(c) raw better-sqlite3',
    prepare(database) {
      const write = rawWriter(database.sqlite);
      return Promise.resolve(({ report }, school) => write(report, school.index));
    },
  },
];

/** Reports in poll-cycle order: every school once per round. */
function workload(count: number, firstRound: number): Item[] {
  return Array.from({ length: count }, (_, i) => {
    const report = schoolReport(i % SCHOOLS, firstRound + Math.floor(i / SCHOOLS));
    return { report, body: JSON.stringify(report), school: i % SCHOOLS };
  });
}

interface Run {
  readonly variant: Variant;
  readonly database: OpenedDatabase;
  readonly remove: () => void;
  readonly schools: readonly BenchSchool[];
  readonly ingest: Ingest;
  ms: number;
  /** Main-thread CPU time, when the platform tells it. */
  cpuMs: number | undefined;
  /** Reports per second in each slice, for the per-slice ratios. */
  readonly slices: number[];
}

async function open(variant: Variant): Promise<Run> {
  const temp = makeTempDir('xiaowang-bench-');
  const database = openDatabase({ file: databaseFile(temp.dir) });
  // openDatabase sets FULL; every variant gets the same explicit setting instead.
  database.sqlite.pragma(`synchronous = ${SYNCHRONOUS}`);
  const applied = database.sqlite.pragma('synchronous', { simple: true });
  if (applied !== (SYNCHRONOUS === 'FULL' ? 2 : 1))
    throw new Error(`synchronous is ${String(applied)}`);
  await migrateToLatest(database.kysely);
  const schools = await seedCounty(database.kysely, SCHOOLS);
  const ingest = await variant.prepare(database, schools);
  return { variant, database, remove: temp.remove, schools, ingest, ms: 0, cpuMs: 0, slices: [] };
}

async function ingestAll(run: Run, items: readonly Item[]): Promise<number> {
  const started = performance.now();
  for (const item of items) {
    const school = run.schools[item.school];
    if (school !== undefined) await run.ingest(item, school);
  }
  return performance.now() - started;
}

// Slices of the workload go to each variant in turn, so load from other processes on
// the machine falls on all three alike and the ratios stay meaningful.
const runs: Run[] = [];
for (const variant of variants) runs.push(await open(variant));
try {
  const warm = workload(WARMUP, 0);
  for (const run of runs) await ingestAll(run, warm);
  const timed = workload(N, Math.ceil(WARMUP / SCHOOLS) + 1);
  for (let i = 0, slice = 0; i < timed.length; i += SLICE, slice++) {
    const items = timed.slice(i, i + SLICE);
    for (let k = 0; k < runs.length; k++) {
      const run = runs[(slice + k) % runs.length];
      if (run === undefined) continue;
      const cpu = threadCpuMs();
      const ms = await ingestAll(run, items);
      const cpuAfter = threadCpuMs();
      run.cpuMs =
        run.cpuMs === undefined || cpu === undefined || cpuAfter === undefined
          ? undefined
          : run.cpuMs + cpuAfter - cpu;
      run.ms += ms;
      run.slices.push(items.length / (ms / 1000));
    }
  }
} finally {
  for (const run of runs) {
    await run.database.close();
    run.remove();
  }
}

const perSecond = (run: Run | undefined) => (run === undefined ? NaN : N / (run.ms / 1000));

/** Median over slices of candidate/reference, robust to bursts of load on a shared machine. */
function medianRatio(candidate: Run | undefined, reference: Run | undefined): number {
  if (candidate === undefined || reference === undefined) return NaN;
  const ratios = candidate.slices
    .map((r, i) => r / (reference.slices[i] ?? NaN))
    .sort((a, b) => a - b);
  return ratios[Math.floor(ratios.length / 2)] ?? NaN;
}

const [http, verb, raw] = runs;
const both = (c: Run | undefined) =>
  `${(perSecond(c) / perSecond(raw)).toFixed(2)} (median of slices ${medianRatio(c, raw).toFixed(2)})`;
console.log(
  `ingest: ${N} reports (+${WARMUP} warm-up), ${SCHOOLS} schools, 36 ports each, ` +
    `synchronous=${SYNCHRONOUS} in all variants` +
    (SYNCHRONOUS === 'NORMAL' ? ' (CPU path; the collector ships FULL)' : ' (as shipped)'),
);
const cpuPerReport = (run: Run | undefined) =>
  run?.cpuMs === undefined ? undefined : (1000 * run.cpuMs) / N;
for (const run of runs) {
  const cpu = cpuPerReport(run);
  console.log(
    `${run.variant.name.padEnd(26)} ${perSecond(run).toFixed(0).padStart(7)} reports/s` +
      (cpu === undefined ? '' : `   main-thread CPU ${cpu.toFixed(0)} µs/report`),
  );
}
console.log(`ratio (a)/(c) = ${both(http)}   target >= 0.30`);
console.log(`ratio (b)/(c) = ${both(verb)}`);
const cpuRatio = (c: Run | undefined) => {
  const [candidate, reference] = [cpuPerReport(c), cpuPerReport(raw)];
  return candidate === undefined || reference === undefined
    ? undefined
    : (reference / candidate).toFixed(2);
};
if (cpuRatio(http) !== undefined) {
  console.log(`by main-thread CPU: (a)/(c) = ${cpuRatio(http)}, (b)/(c) = ${cpuRatio(verb)}`);
}
