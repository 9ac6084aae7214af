/*
 * County page latency under load: `GET /counties/:id` of a generated 500-school county
 * (bench/county-page/county-data.ts: 10 towns, rooms, agents, 30 days of computed results),
 * signed in as its county admin, hit by Debian's wrk from 50 connections on 127.0.0.1;
 * the reference is a static asset (`/assets/app.css?v=…`) served by the same server,
 * loaded the same way in the same run. The server runs in a child process
 * (bench/county-page/server.ts) so wrk and the server are measured apart. Prints wrk's
 * reports, p50/p95/p99 of both and their ratios, and the server's CPU time per request
 * (its own user + system time over each run ÷ requests), which moves much less than
 * latency with other load on a shared machine. Target: page p95 ≤ 100 ms.
 *
 * Both targets are asked for with the Accept-Encoding a browser sends (Chromium's,
 * `gzip, deflate, br, zstd`), so each is answered as a browser would get it; the server
 * gzips both (the asset once at start, the page once per data version).
 *
 *   npm run bench:county-page                                  # 500 schools, 20 s each
 *   npm run bench:county-page -- --schools 100 --duration 5    # the quick run
 *   npm run bench:county-page -- --accept-encoding ''          # no Accept-Encoding (plain bodies)
 *   npm run bench:county-page -- --profile /tmp/prof           # node --cpu-prof on the server
 *   npm run bench:county-page -- --writes 7                    # 7 agent reports a second beside
 *
 * The page keeps what it reads while the database does not change (web/county-reads.ts); with
 * `--writes` the server records that many agent reports a second (the agents row update of
 * ingest, on the same connection, committed with the collector's synchronous=FULL), so each
 * one makes the next page read everything again, as reports do in service.
 *
 * Needs wrk (`apt-get install -y wrk`).
 */
import type { ChildProcess } from 'node:child_process';
import { fork, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, openSync, readFileSync, statSync } from 'node:fs';
import { get } from 'node:http';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { databaseFile } from '../collector/src/db/open.ts';
import { makeTempDir } from '../collector/src/testing/test-db.ts';
import { ADMIN, buildCounty } from './county-page/county-data.ts';

const { values } = parseArgs({
  options: {
    schools: { type: 'string', default: '500' },
    days: { type: 'string', default: '30' },
    duration: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '5' },
    connections: { type: 'string', default: '50' },
    threads: { type: 'string', default: '2' },
    rounds: { type: 'string', default: '1' },
    'accept-encoding': { type: 'string', default: 'gzip, deflate, br, zstd' },
    profile: { type: 'string' },
    writes: { type: 'string', default: '0' },
    keep: { type: 'boolean', default: false },
  },
});
const SCHOOLS = Number(values.schools);
const DAYS = Number(values.days);
const DURATION_S = Number(values.duration);
const WARMUP_S = Number(values.warmup);
const CONNECTIONS = Number(values.connections);
const THREADS = Number(values.threads);
const ROUNDS = Math.max(1, Number(values.rounds));
const ACCEPT_ENCODING = values['accept-encoding'];
const WRITES_PER_S = Number(values.writes);
const TARGET_P95_MS = 100;
const LUA = join(import.meta.dirname, 'county-page', 'percentiles.lua');
const SERVER = join(import.meta.dirname, 'county-page', 'server.ts');

interface WrkSummary {
  readonly requests: number;
  readonly durationUs: number;
  readonly bytes: number;
  readonly p50: number;
  readonly p75: number;
  readonly p90: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
  readonly stdev: number;
  readonly errors: Readonly<Record<'connect' | 'read' | 'write' | 'status' | 'timeout', number>>;
}

interface Target {
  readonly name: string;
  readonly path: string;
  readonly runs: WrkSummary[];
  readonly cpuMsPerRequest: number[];
}

const wrkVersion = spawnSync('wrk', ['--version'], { encoding: 'utf8' });
if (wrkVersion.error !== undefined) {
  console.error('wrk is not installed: apt-get install -y wrk');
  process.exit(2);
}

async function wrk(
  url: string,
  cookie: string,
  seconds: number,
  print: boolean,
): Promise<WrkSummary> {
  const args = [
    `-t${THREADS}`,
    `-c${CONNECTIONS}`,
    `-d${seconds}s`,
    '--latency',
    '--timeout',
    '10s',
    '-s',
    LUA,
    '-H',
    `Cookie: ${cookie}`,
    ...(ACCEPT_ENCODING === '' ? [] : ['-H', `Accept-Encoding: ${ACCEPT_ENCODING}`]),
    url,
  ];
  const run = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  run.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  run.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const [status] = (await once(run, 'close')) as [number | null];
  if (status !== 0) throw new Error(`wrk failed (${status}): ${stderr}`);
  const [report = '', json = ''] = stdout.split('XW_SUMMARY ');
  if (print) {
    console.log(
      `$ wrk ${args.map((a) => (a.startsWith('Cookie:') ? `'${a.slice(0, 20)}…'` : a.includes(' ') ? `'${a}'` : a)).join(' ')}`,
    );
    console.log(report.trimEnd());
  }
  return JSON.parse(json) as WrkSummary;
}

function startServer(file: string, log: number): Promise<{ child: ChildProcess; url: string }> {
  const execArgv = ['--import', 'tsx'];
  if (values.profile !== undefined) execArgv.push('--cpu-prof', '--cpu-prof-dir', values.profile);
  const child = fork(SERVER, [file, String(WRITES_PER_S)], {
    execArgv,
    stdio: ['ignore', 'inherit', log, 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    child.once('message', (m: { url: string }) => resolve({ child, url: m.url }));
  });
}

/** The server's CPU time so far (user + system), in milliseconds. */
async function serverCpuMs(child: ChildProcess): Promise<number> {
  const reply = once(child, 'message') as Promise<[{ cpu: NodeJS.CpuUsage }]>;
  child.send('cpu');
  const [{ cpu }] = await reply;
  return (cpu.user + cpu.system) / 1000;
}

function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.send('stop');
  });
}

async function signIn(url: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  if (res.status !== 200) throw new Error(`sign-in failed with ${res.status}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  if (!cookie.startsWith('xw_session=')) throw new Error('sign-in set no session cookie');
  return cookie;
}

/**
 * One request of each, checked: a 200 with the content expected, not a sign-in redirect,
 * asked for with wrk's headers. Returns the bytes on the wire and after decoding.
 */
async function check(
  url: string,
  path: string,
  cookie: string,
  marker: string,
): Promise<{ wire: number; plain: number; encoding: string }> {
  const headers: Record<string, string> = { cookie };
  if (ACCEPT_ENCODING !== '') headers['accept-encoding'] = ACCEPT_ENCODING;
  const { status, encoding, bytes } = await new Promise<{
    status: number;
    encoding: string;
    bytes: Buffer;
  }>((resolve, reject) => {
    get(`${url}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          encoding: res.headers['content-encoding'] ?? 'identity',
          bytes: Buffer.concat(chunks),
        }),
      );
      res.on('error', reject);
    }).on('error', reject);
  });
  const body = encoding === 'gzip' ? gunzipSync(bytes) : bytes;
  if (status !== 200 || !body.toString('utf8').includes(marker)) {
    throw new Error(`${path}: ${status}, ${body.length} bytes, without ${marker}`);
  }
  return { wire: bytes.length, plain: body.length, encoding };
}

/** Requests by path and status from the server's access log. */
function statuses(logFile: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of readFileSync(logFile, 'utf8').split('\n')) {
    if (!line.includes('"http.request"')) continue;
    const entry = JSON.parse(line) as { path: string; status: number };
    const key = `${entry.path.startsWith('/assets/') ? '/assets/*' : entry.path} ${entry.status}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

const ms = (us: number) => (us / 1000).toFixed(1);
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1
    ? (s[(s.length - 1) / 2] ?? NaN)
    : ((s[s.length / 2 - 1] ?? NaN) + (s[s.length / 2] ?? NaN)) / 2;
};

const temp = makeTempDir('xiaowang-bench-county-page-');
const file = databaseFile(temp.dir);
const logFile = join(temp.dir, 'server.log');
const started = performance.now();
const county = await buildCounty(file, { schools: SCHOOLS, days: DAYS });
console.log(
  `county: ${SCHOOLS} schools, ${DAYS} days computed, built in ${((performance.now() - started) / 1000).toFixed(1)} s (${(statSync(file).size / 2 ** 20).toFixed(0)} MB)`,
);
console.log(
  `  rows: ${Object.entries(county.rows)
    .map(([t, n]) => `${t} ${n.toLocaleString('en-US')}`)
    .join(', ')}`,
);
console.log(
  `  listed on the page: ${county.listed} rows not met or unknown (${county.listedSchools} schools), ${county.staleAgents} stale agents`,
);

const log = openSync(logFile, 'w');
const { child, url } = await startServer(file, log);
let failed = false;
try {
  const cookie = await signIn(url);
  const css = await fetch(`${url}/counties/${county.countyId}`, { headers: { cookie } })
    .then((r) => r.text())
    .then((html) => /\/assets\/app\.css\?v=[0-9a-f]+/.exec(html)?.[0]);
  if (css === undefined) throw new Error('the page names no app.css');
  const targets: Target[] = [
    { name: 'static app.css (reference)', path: css, runs: [], cpuMsPerRequest: [] },
    {
      name: `county page (${SCHOOLS} schools)`,
      path: `/counties/${county.countyId}`,
      runs: [],
      cpuMsPerRequest: [],
    },
  ];
  const [reference, page] = targets as [Target, Target];
  const pageBytes = await check(url, page.path, cookie, 'data-testid="failing-schools"');
  const cssBytes = await check(url, reference.path, cookie, '{');
  const kib = (b: { wire: number; plain: number; encoding: string }) =>
    `${(b.plain / 1024).toFixed(0)} KiB${b.encoding === 'identity' ? '' : ` (${b.encoding}: ${(b.wire / 1024).toFixed(1)} KiB)`}`;
  console.log(`server: ${url}, pid ${child.pid}; page ${kib(pageBytes)}, app.css ${kib(cssBytes)}`);
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    `wrk: ${THREADS} threads, ${CONNECTIONS} connections, ${DURATION_S} s per run, Accept-Encoding: ${ACCEPT_ENCODING === '' ? '(none)' : ACCEPT_ENCODING}; agent reports written: ${WRITES_PER_S} a second\n`,
  );

  for (const t of targets) await wrk(`${url}${t.path}`, cookie, WARMUP_S, false);
  for (let round = 0; round < ROUNDS; round++) {
    // The reference first in even rounds, the page first in odd ones.
    const order = round % 2 === 0 ? [reference, page] : [page, reference];
    for (const t of order) {
      console.log(`--- ${t.name}, round ${round + 1}`);
      const cpuBefore = await serverCpuMs(child);
      const summary = await wrk(`${url}${t.path}`, cookie, DURATION_S, true);
      t.runs.push(summary);
      t.cpuMsPerRequest.push(((await serverCpuMs(child)) - cpuBefore) / summary.requests);
      console.log(`load after the run: ${loadavg()[0]?.toFixed(1) ?? '?'}\n`);
    }
  }

  const row = (t: Target) => {
    const of = (k: 'p50' | 'p95' | 'p99') => median(t.runs.map((r) => r[k]));
    const rps = median(t.runs.map((r) => r.requests / (r.durationUs / 1e6)));
    const sum = (f: (e: WrkSummary['errors']) => number) =>
      t.runs.reduce((n, r) => n + f(r.errors), 0);
    const errors = sum((e) => e.connect + e.read + e.write + e.status);
    const timeouts = sum((e) => e.timeout);
    const cpu = median(t.cpuMsPerRequest);
    return { p50: of('p50'), p95: of('p95'), p99: of('p99'), rps, errors, timeouts, cpu };
  };
  const ref = row(reference);
  const cand = row(page);
  console.log(
    'target                         p50 ms   p95 ms   p99 ms    req/s  server CPU/req  timeouts  errors',
  );
  for (const [t, r] of [
    [reference, ref],
    [page, cand],
  ] as const) {
    console.log(
      `${t.name.padEnd(30)} ${ms(r.p50).padStart(6)} ${ms(r.p95).padStart(8)} ${ms(r.p99).padStart(8)} ${r.rps.toFixed(0).padStart(8)} ${`${r.cpu.toFixed(2)} ms`.padStart(15)} ${String(r.timeouts).padStart(9)} ${String(r.errors).padStart(7)}`,
    );
  }
  console.log(
    `ratio page/static: p50 ${(cand.p50 / ref.p50).toFixed(1)}, p95 ${(cand.p95 / ref.p95).toFixed(1)}, p99 ${(cand.p99 / ref.p99).toFixed(1)}, req/s ${(cand.rps / ref.rps).toFixed(3)}, server CPU per request ${(cand.cpu / ref.cpu).toFixed(1)}`,
  );
  const met = cand.p95 / 1000 <= TARGET_P95_MS;
  console.log(
    `page p95 ${ms(cand.p95)} ms: target ≤ ${TARGET_P95_MS} ms ${met ? 'met' : 'NOT met'}`,
  );
  if (cand.timeouts + ref.timeouts > 0) {
    console.log(`requests past wrk's 10 s timeout are left out of its percentiles`);
  }
  if (cand.errors + ref.errors > 0) failed = true;
} finally {
  await stopServer(child);
  closeSync(log);
  const counts = statuses(logFile);
  const odd = [...counts].filter(([k]) => !k.endsWith(' 200'));
  console.log(
    `server log: ${[...counts].map(([k, n]) => `${k} ×${n.toLocaleString('en-US')}`).join(', ')}`,
  );
  if (odd.length > 0) failed = true;
  if (values.profile !== undefined) console.log(`CPU profile of the server in ${values.profile}`);
  if (values.keep) console.log(`kept ${temp.dir}`);
  else temp.remove();
}
if (failed) process.exitCode = 1;
