import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_ADMIN } from '../support/collector-process.ts';
import { runCollectorCli } from './support/cli.ts';
import type { Collector } from './support/collector.ts';
import { seedAgents, startCollector } from './support/collector.ts';
import { compareLedger, readStored } from './support/db-check.ts';
import { percentile, printFigures } from './support/figures.ts';
import { newStats, runReportAgent } from './support/report-agents.ts';
import { SCHOOL_MORNING } from './support/reports.ts';

/*
 * Online backups (and a second writer: the recompute CLI) against a collector under ingest
 * and a signed-in user reading pages. No request may fail because the database is busy, and
 * each backup must finish and check out while writes keep landing.
 */

const AGENTS = 8;
const BACKUPS = 3;
const PASSWORD = 'busy-test-password-1';
/** A county's months of history, so a backup takes many steps (a stepwise one never ends). */
const FILLER_MB = 40;

function prefill(dataDir: string, mb: number): void {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, 'collector.db'));
  try {
    db.pragma('journal_mode = WAL');
    db.exec('create table reliability_history (id integer primary key, v blob)');
    const add = db.prepare('insert into reliability_history (v) values (?)');
    db.transaction(() => {
      for (let i = 0; i < mb * 128; i++) add.run(Buffer.alloc(8192, i % 251));
    })();
  } finally {
    db.close();
  }
}

let root: string;
let collector: Collector | undefined;

afterAll(async () => {
  await collector?.stop('SIGKILL');
  if (root !== undefined) rmSync(root, { recursive: true, force: true });
});

describe('SQLite busy: backups and a second writer beside ingest', () => {
  it('no SQLITE_BUSY reaches a user or an agent, and every backup is whole', async () => {
    root = mkdtempSync(path.join(tmpdir(), 'xw-busy-'));
    const dataDir = path.join(root, 'data');
    prefill(dataDir, FILLER_MB);
    collector = await startCollector({ dataDir });
    const c = collector;
    const { countyId, agents } = await seedAgents(c, AGENTS);
    const county = await c.admin<{ name: string }>('GET', `/api/v1/counties/${countyId}`);
    await c.admin('POST', `/api/v1/counties/${countyId}/users`, {
      username: 'busy-admin',
      password: PASSWORD,
      role: 'county_admin',
    });
    const signIn = await fetch(new URL('api/v1/session', c.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'busy-admin', password: PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

    const ledger = new Map<string, { acked: boolean; agent: number }>();
    const stats = newStats();
    let running = true;
    const ingest = agents.map((a, i) =>
      runReportAgent({
        token: a.token,
        url: () => c.url,
        stats,
        ledger,
        agentNo: i,
        firstPollAt: SCHOOL_MORNING + i * 1000,
        keepGoing: () => running,
        pauseMs: () => 2,
      }),
    );
    // A person reading the dashboard and the API the whole time.
    const reads: { status: number; ms: number }[] = [];
    const reader = (async () => {
      const paths = [
        `/counties/${countyId}`,
        `/api/v1/counties/${countyId}/compliance`,
        `/api/v1/counties/${countyId}/devices`,
        `/api/v1/agents?countyId=${countyId}`,
      ];
      for (let i = 0; running; i++) {
        const started = Date.now();
        const res = await fetch(new URL((paths[i % paths.length] ?? '/').slice(1), c.url), {
          headers: { cookie },
        });
        await res.arrayBuffer();
        reads.push({ status: res.status, ms: Date.now() - started });
        await sleep(20);
      }
    })();
    await sleep(3000);

    // Backups one after the other, a recompute (another writer) alongside the first.
    const env = { XIAOWANG_DATA_DIR: dataDir, XIAOWANG_ADMIN_TOKEN: TEST_ADMIN };
    const backups: { code: number | null; ms: number; file: string; reportsBefore: number }[] = [];
    const recompute = runCollectorCli(
      ['recompute', '--county', county.name, '--date', '2026-11-26'],
      env,
    );
    for (let i = 0; i < BACKUPS; i++) {
      const file = path.join(root, `backup-${i}.db`);
      const reportsBefore = [...ledger.values()].filter((v) => v.acked).length;
      const run = await runCollectorCli(['backup', '--out', file], env, 45_000);
      if (run.code !== 0) console.log(run.stdout, run.stderr);
      backups.push({ code: run.code, ms: run.ms, file, reportsBefore });
    }
    const recomputed = await recompute;
    running = false;
    await Promise.all([...ingest, reader]);
    const exit = await c.stop('SIGTERM');
    collector = undefined;

    const copies = backups.map((b) => {
      const db = new Database(b.file, { readonly: true, fileMustExist: true });
      try {
        const reports = Number(db.prepare('select count(*) from reports').pluck().get());
        const check = String(db.pragma('quick_check', { simple: true }));
        return { reports, check };
      } finally {
        db.close();
      }
    });
    const stored = readStored(dataDir);
    const verdict = compareLedger(ledger, stored);
    const agent5xx = Object.entries(stats.statuses)
      .filter(([code]) => code.startsWith('5'))
      .reduce((n, [, count]) => n + count, 0);
    const read5xx = reads.filter((r) => r.status >= 500).length;
    const busyInLog = (c.stderr().match(/SQLITE_BUSY|database is locked/g) ?? []).length;
    printFigures('sqlite-busy', {
      databaseMb: FILLER_MB,
      backups: backups.length,
      backupsOk: copies.filter((x) => x.check === 'ok').length,
      backupMsMax: Math.max(...backups.map((b) => b.ms)),
      recomputeExit: recomputed.code,
      reportsAcked: stats.acked,
      pageAndApiReads: reads.length,
      readMsP99: percentile(
        reads.map((r) => r.ms),
        99,
      ),
      agent5xx,
      read5xx,
      busyInCollectorLog: busyInLog,
      lostAcknowledged: verdict.lostAcked.length,
      duplicated: verdict.duplicated,
    });
    expect(backups.map((b) => b.code)).toEqual(backups.map(() => 0));
    expect(copies.map((x) => x.check)).toEqual(copies.map(() => 'ok'));
    copies.forEach((x, i) =>
      expect(x.reports).toBeGreaterThanOrEqual(backups[i]?.reportsBefore ?? 0),
    );
    expect(recomputed.code, recomputed.stderr).toBe(0);
    expect(reads.filter((r) => r.status !== 200)).toEqual([]);
    expect(agent5xx).toBe(0);
    expect(busyInLog).toBe(0);
    expect(exit.code).toBe(0);
    expect(verdict.lostAcked).toEqual([]);
    expect(verdict.duplicated).toBe(0);
  }, 180_000);
});
