/*
 * PostgreSQL against SQLite, in the same run on the same machine (issue 11, docs/scale.md):
 *
 * 1. ingest: school reports (one switch, 36 ports, one uplink sample each) stored by the
 *    ingestReport verb, on SQLite (one connection, as the collector runs it) and on
 *    PostgreSQL one at a time and `--concurrency` at once (what several collectors, or one
 *    under many agents, do); slices alternate between the databases;
 * 2. recompute: one day of a generated province (default 30,000 schools) by recomputeDay,
 *    county by county, on SQLite and then on PostgreSQL after migrate-to-postgres has copied
 *    the same file (its copy speed is printed too).
 *
 * PostgreSQL is a throwaway server (test/support/postgres-server.ts) with fsync on and
 * synchronous_commit on: every acknowledged commit is on disk, as on the collector's SQLite
 * (WAL, synchronous=FULL) and as docs/scale.md says to run it. XIAOWANG_BENCH_DATABASE_URL
 * uses a server of yours instead (it creates and drops databases there).
 *
 *   npm run bench:postgres                                   # 30,000 schools
 *   npm run bench:postgres -- --schools 3000 --reports 1000  # the quick run
 */
import { statSync } from 'node:fs';
import type SqliteDatabase from 'better-sqlite3';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import type { Report } from '@xiaowang/shared';
import { Secret } from '@xiaowang/shared';
import { copySqliteToPostgres } from '../collector/src/db/copy-to-postgres.ts';
import { migrateToLatest } from '../collector/src/db/migrate.ts';
import type { ConnectedDatabase } from '../collector/src/db/open.ts';
import { databaseFile, openDatabase, openPostgres } from '../collector/src/db/open.ts';
import {
  addMonths,
  ensureSampleMonths,
  ensureSamplePartitions,
  monthOf,
} from '../collector/src/db/sample-partitions.ts';
import { authenticateAgent } from '../collector/src/features/agents/authenticate-agent.ts';
import type { AuthenticatedAgent } from '../collector/src/features/agents/authenticate-agent.ts';
import { recomputeDay } from '../collector/src/features/compliance/recompute-day.ts';
import { ingestReport } from '../collector/src/features/reports/ingest-report.ts';
import { makeTempDir } from '../collector/src/testing/test-db.ts';
import type { PostgresServer } from '../test/support/postgres-server.ts';
import { startPostgresServer } from '../test/support/postgres-server.ts';
import { BENCH_DAY, generateProvince } from './compliance-data.ts';
import { schoolReport, seedCounty } from './ingest-data.ts';

const { values } = parseArgs({
  options: {
    reports: { type: 'string', default: '3000' },
    warmup: { type: 'string', default: '300' },
    'ingest-schools': { type: 'string', default: '100' },
    concurrency: { type: 'string', default: '8' },
    schools: { type: 'string', default: '30000' },
    'per-county': { type: 'string', default: '300' },
    'history-days': { type: 'string', default: '0' },
    devices: { type: 'string', default: '1' },
  },
});
const REPORTS = Number(values.reports);
const WARMUP = Number(values.warmup);
const INGEST_SCHOOLS = Number(values['ingest-schools']);
const CONCURRENCY = Math.max(1, Number(values.concurrency));
const PER_COUNTY = Number(values['per-county']);
const COUNTIES = Math.max(1, Math.round(Number(values.schools) / PER_COUNTY));
const HISTORY_DAYS = Math.max(0, Number(values['history-days']));
const DEVICES = Math.max(1, Number(values.devices));
const SLICE = 50;
const RUN_AT = new Date('2026-11-27T16:10:00.000Z'); // ten past midnight after BENCH_DAY

const given = process.env['XIAOWANG_BENCH_DATABASE_URL'];
let server: PostgresServer | undefined;
const serverUrl =
  given !== undefined && given !== ''
    ? given
    : (server = await startPostgresServer({
        settings: { fsync: 'on', full_page_writes: 'on', synchronous_commit: 'on' },
      })).url;
const admin = new pg.Pool({ connectionString: serverUrl, max: 1 });
const databases: string[] = [];
async function freshPostgres(poolSize: number): Promise<ConnectedDatabase & { url: string }> {
  const name = `xw_bench_${process.pid}_${databases.length}`;
  await admin.query(`create database ${name} template template0`);
  databases.push(name);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const opened = openPostgres({ kind: 'postgres', url: new Secret(url.toString()), poolSize });
  return { ...opened, url: url.toString() };
}

const temps: (() => void)[] = [];
function freshSqlite(prefix: string) {
  const temp = makeTempDir(prefix);
  temps.push(temp.remove);
  return openDatabase({ file: databaseFile(temp.dir) });
}

try {
  await benchIngest();
  await benchRecompute();
} finally {
  for (const name of databases) {
    await admin.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
  }
  await admin.end().catch(() => undefined);
  server?.stop();
  for (const remove of temps) remove();
}

interface Target {
  readonly name: string;
  readonly database: ConnectedDatabase;
  readonly concurrency: number;
  agents: AuthenticatedAgent[];
  ms: number;
  /** This process's CPU time (µs), without the PostgreSQL server's. */
  cpuUs: number;
  /** The throwaway PostgreSQL server's CPU time (ms), when the bench started it. */
  serverMs: number;
  slices: number[];
}

async function benchIngest(): Promise<void> {
  const targets: Target[] = [
    {
      name: 'SQLite (one connection)',
      database: freshSqlite('xiaowang-bench-pg-'),
      concurrency: 1,
    },
    { name: 'PostgreSQL, 1 at a time', database: await freshPostgres(2), concurrency: 1 },
    {
      name: `PostgreSQL, ${CONCURRENCY} at once`,
      database: await freshPostgres(CONCURRENCY + 1),
      concurrency: CONCURRENCY,
    },
  ].map((t) => ({ ...t, agents: [], ms: 0, cpuUs: 0, serverMs: 0, slices: [] }));
  for (const t of targets) {
    const db = t.database.kysely;
    await migrateToLatest(db);
    await ensureSamplePartitions(db, new Date('2026-03-01T00:00:00.000Z'));
    const schools = await seedCounty(db, INGEST_SCHOOLS);
    t.agents = await Promise.all(
      schools.map((s) => authenticateAgent({ db, input: { token: s.token } })),
    );
  }
  const clock = () => new Date();
  const ingest = async (t: Target, from: number, count: number) => {
    let next = from;
    const worker = async () => {
      for (let i = next++; i < from + count; i = next++) {
        const school = i % INGEST_SCHOOLS;
        const agent = t.agents[school];
        if (agent === undefined) throw new Error('no agent');
        const report = withDevices(schoolReport(school, Math.floor(i / INGEST_SCHOOLS)));
        await ingestReport({ db: t.database.kysely, clock, input: { agent, report } });
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: t.concurrency }, worker));
    return performance.now() - started;
  };
  for (const t of targets) await ingest(t, 0, WARMUP);
  for (let i = 0, slice = 0; i < REPORTS; i += SLICE, slice++) {
    const count = Math.min(SLICE, REPORTS - i);
    for (let k = 0; k < targets.length; k++) {
      const t = targets[(slice + k) % targets.length];
      if (t === undefined) continue;
      const cpu = process.cpuUsage();
      const serverBefore = server?.cpuMs() ?? 0;
      const ms = await ingest(t, WARMUP + i, count);
      const used = process.cpuUsage(cpu);
      t.cpuUs += used.user + used.system;
      t.serverMs += (server?.cpuMs() ?? 0) - serverBefore;
      t.ms += ms;
      t.slices.push(count / (ms / 1000));
    }
  }
  const [onSqlite, onPostgres] = targets;
  const storage =
    onSqlite === undefined || onPostgres === undefined
      ? []
      : await storagePerRow(onSqlite.database, onPostgres.database);
  for (const t of targets) await t.database.close();

  const perSecond = (t: Target) => REPORTS / (t.ms / 1000);
  const [sqlite] = targets;
  console.log(
    `ingest: ${REPORTS} reports (+${WARMUP} warm-up), ${INGEST_SCHOOLS} schools, ${DEVICES} switch(es) of 36 ports per report`,
  );
  for (const t of targets) {
    const ratio = sqlite === undefined ? NaN : perSecond(t) / perSecond(sqlite);
    console.log(
      `  ${t.name.padEnd(26)} ${perSecond(t).toFixed(0).padStart(6)} reports/s   ×${ratio.toFixed(2)} SQLite (median of slices ×${medianRatio(t, sqlite).toFixed(2)});  collector CPU ${(t.cpuUs / 1000 / REPORTS).toFixed(2)} ms/report${server === undefined || t.serverMs === 0 ? '' : `, PostgreSQL CPU ${(t.serverMs / REPORTS).toFixed(2)} ms/report`}`,
    );
  }
  console.log('  stored per row, table and its indexes (SQLite / PostgreSQL):');
  for (const r of storage) {
    console.log(
      `    ${r.table.padEnd(22)} ${r.rows.toLocaleString('en-US').padStart(9)} rows  ${r.sqlite.toFixed(0).padStart(5)} B / ${r.postgres.toFixed(0).padStart(5)} B`,
    );
  }
}

/** Median over slices of candidate/reference, robust to bursts of load on a shared machine. */
function medianRatio(candidate: Target, reference: Target | undefined): number {
  if (reference === undefined) return NaN;
  const ratios = candidate.slices
    .map((r, i) => r / (reference.slices[i] ?? NaN))
    .sort((a, b) => a - b);
  return ratios[Math.floor(ratios.length / 2)] ?? NaN;
}

async function benchRecompute(): Promise<void> {
  const sqlite = freshSqlite('xiaowang-bench-pg-province-');
  await migrateToLatest(sqlite.kysely);
  sqlite.sqlite.pragma('synchronous = OFF');
  sqlite.sqlite.pragma('foreign_keys = OFF');
  let started = performance.now();
  const generated = generateProvince(sqlite.sqlite, {
    counties: COUNTIES,
    schoolsPerCounty: PER_COUNTY,
  });
  sqlite.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.sqlite.pragma('foreign_keys = ON');
  sqlite.sqlite.pragma('synchronous = NORMAL');
  const sizeMb = statSync(sqlite.file).size / 2 ** 20;
  console.log(
    `recompute: ${generated.counties} counties × ${PER_COUNTY} = ${generated.schools} schools, generated in ${((performance.now() - started) / 1000).toFixed(1)} s (SQLite ${sizeMb.toFixed(0)} MB)`,
  );
  const counties = sqlite.sqlite
    .prepare('select id from counties order by id')
    .pluck()
    .all() as number[];

  const postgres = await freshPostgres(4);
  started = performance.now();
  const copied = await copySqliteToPostgres({ sqlite: sqlite.sqlite, targetUrl: postgres.url });
  const copyS = (performance.now() - started) / 1000;
  const rows = copied.reduce((n, t) => n + t.rows, 0);
  const { rows: size } = await admin.query<{ bytes: string }>(
    'select pg_database_size($1)::text as bytes',
    [new URL(postgres.url).pathname.slice(1)],
  );
  console.log(
    `  migrate-to-postgres copied ${rows.toLocaleString('en-US')} rows in ${copyS.toFixed(1)} s (${(rows / copyS).toFixed(0)} rows/s; PostgreSQL ${(Number(size[0]?.bytes) / 2 ** 20).toFixed(0)} MB)`,
  );
  await sql`analyze`.execute(postgres.kysely); // as autovacuum would after a bulk load

  const time = async (database: ConnectedDatabase) => {
    const begun = performance.now();
    let results = 0;
    for (const countyId of counties) {
      const input = { countyId, day: BENCH_DAY };
      results += (await recomputeDay({ db: database.kysely, clock: () => RUN_AT, input })).results;
    }
    return { ms: performance.now() - begun, results };
  };
  /** Twice each, alternating, the best of each kept: the first warms caches on both. */
  const compare = async (label: string) => {
    const best = { sqlite: Infinity, postgres: Infinity };
    let results = { sqlite: 0, postgres: 0 };
    for (let round = 0; round < 2; round++) {
      const s = await time(sqlite);
      const p = await time(postgres);
      best.sqlite = Math.min(best.sqlite, s.ms);
      best.postgres = Math.min(best.postgres, p.ms);
      results = { sqlite: s.results, postgres: p.results };
    }
    const samples = await sampleSizes(sqlite.sqlite, postgres);
    console.log(`  ${label}: ${samples.rows.toLocaleString('en-US')} uplink samples stored`);
    console.log(
      `    SQLite      ${(best.sqlite / 1000).toFixed(1).padStart(6)} s   ${results.sqlite} school results; ${samples.sqliteBytes.toFixed(0)} B per sample with its index`,
    );
    console.log(
      `    PostgreSQL  ${(best.postgres / 1000).toFixed(1).padStart(6)} s   ${results.postgres} school results; ${samples.postgresBytes.toFixed(0)} B per sample with its index   ×${(best.sqlite / best.postgres).toFixed(2)} SQLite's speed`,
    );
  };
  await compare('the day alone');
  if (HISTORY_DAYS > 0) {
    started = performance.now();
    await addHistory(sqlite.sqlite, postgres, HISTORY_DAYS);
    console.log(
      `  added ${HISTORY_DAYS} days of samples before the day to both in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
    await compare(`with ${HISTORY_DAYS} days of history`);
  }
  await sqlite.close();
  await postgres.close();
}

/** Samples stored, and bytes per sample counting the table and its index, on each side. */
async function sampleSizes(sqlite: SqliteDatabase.Database, postgres: ConnectedDatabase) {
  const rows = Number(sqlite.prepare('select count(*) from interface_samples').pluck().get());
  const sqliteBytes = Number(
    sqlite
      .prepare(
        "select sum(pgsize) from dbstat where name in ('interface_samples', 'interface_samples_interface_time')",
      )
      .pluck()
      .get(),
  );
  const { rows: pg } = await sql<{ bytes: number }>`
    select coalesce(sum(pg_total_relation_size(inhrelid)), 0)::bigint as bytes
    from pg_inherits where inhparent = 'interface_samples'::regclass`.execute(postgres.kysely);
  return { rows, sqliteBytes: sqliteBytes / rows, postgresBytes: Number(pg[0]?.bytes) / rows };
}

/**
 * Copies the bench day's samples to each of the `days` days before it, on both databases,
 * as a collector running that long would have stored them (one partition per month).
 */
async function addHistory(
  sqlite: SqliteDatabase.Database,
  postgres: ConnectedDatabase,
  days: number,
): Promise<void> {
  sqlite.pragma('synchronous = OFF');
  sqlite
    .prepare(
      `with recursive back(d) as (select 1 union all select d + 1 from back where d < ?)
       insert into interface_samples
         (interface_id, report_id, sampled_at, oper_status, speed_mbps, in_bps, out_bps, interval_s)
       select interface_id, report_id,
         strftime('%Y-%m-%dT%H:%M:%fZ', sampled_at, '-' || d || ' days'),
         oper_status, speed_mbps, in_bps, out_bps, interval_s
       from interface_samples, back
       where sampled_at >= ? and sampled_at < ?`,
    )
    .run(days, '2026-11-26T16:00:00.000Z', '2026-11-27T16:00:00.000Z');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.exec('analyze');
  const first = new Date(Date.parse(`${BENCH_DAY}T00:00:00Z`) - (days + 1) * 86_400_000);
  const months: string[] = [];
  for (let m = monthOf(first); m <= monthOf(RUN_AT); m = addMonths(m, 1)) months.push(m);
  await ensureSampleMonths(postgres.kysely, months);
  await sql`
    insert into interface_samples
      (interface_id, report_id, sampled_at, oper_status, speed_mbps, in_bps, out_bps, interval_s)
    select interface_id, report_id,
      to_char((sampled_at::timestamptz - make_interval(days => d)) at time zone 'UTC',
        'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      oper_status, speed_mbps, in_bps, out_bps, interval_s
    from interface_samples, generate_series(1, ${days}) as d
    where sampled_at >= '2026-11-26T16:00:00.000Z' and sampled_at < '2026-11-27T16:00:00.000Z'`.execute(
    postgres.kysely,
  );
  await sql`analyze`.execute(postgres.kysely);
}

/** The school switch `DEVICES` times over (more access switches), each at its own address. */
function withDevices(report: Report): Report {
  const [device] = report.devices;
  if (DEVICES === 1 || device === undefined) return report;
  const devices = Array.from({ length: DEVICES }, (_, k) => ({
    ...device,
    target: { ...device.target, address: device.target.address.replace(/\d+$/, String(k + 1)) },
  }));
  return { ...report, devices };
}

/** Bytes per row of the tables a report writes, with their indexes, on both databases. */
async function storagePerRow(sqlite: ConnectedDatabase, postgres: ConnectedDatabase) {
  const out: { table: string; rows: number; sqlite: number; postgres: number }[] = [];
  for (const table of [
    'reports',
    'devices',
    'interfaces',
    'interface_samples',
    'interface_daily',
  ]) {
    const count = async (db: ConnectedDatabase) =>
      Number(
        (await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db.kysely))
          .rows[0]?.n,
      );
    const { rows: s } = await sql<{ bytes: number }>`
      select sum(d.pgsize) as bytes from dbstat d join sqlite_master m on m.name = d.name
      where m.tbl_name = ${table}`.execute(sqlite.kysely);
    const { rows: p } = await sql<{ bytes: number }>`
      select coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint as bytes
      from pg_class c
      where c.oid = to_regclass(${table})
         or c.oid in (select inhrelid from pg_inherits where inhparent = to_regclass(${table}))`.execute(
      postgres.kysely,
    );
    const [nSqlite, nPostgres] = [await count(sqlite), await count(postgres)];
    out.push({
      table,
      rows: nPostgres,
      sqlite: Number(s[0]?.bytes) / nSqlite,
      postgres: Number(p[0]?.bytes) / nPostgres,
    });
  }
  return out;
}
