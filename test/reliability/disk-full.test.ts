import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import type { Collector } from './support/collector.ts';
import { seedAgents, startCollector } from './support/collector.ts';
import { compareLedger, readStored } from './support/db-check.ts';
import { printFigures } from './support/figures.ts';
import { newStats, runReportAgent } from './support/report-agents.ts';
import { SCHOOL_MORNING, schoolReport } from './support/reports.ts';
import type { TinyFs } from './support/tiny-fs.ts';
import { mountTinyFs } from './support/tiny-fs.ts';

/*
 * The collector's disk fills up while agents report. It must keep answering (no 5xx other
 * than 503/507 saying what to free), lose nothing it acknowledged, store nothing twice, and
 * take everything once space is back, with an intact database.
 */

const AGENTS = 4;
let root: string;
let fs: TinyFs | undefined;
let collector: Collector | undefined;

afterAll(async () => {
  await collector?.stop('SIGKILL');
  fs?.unmount();
  if (root !== undefined) rmSync(root, { recursive: true, force: true });
});

interface ErrorBody {
  error?: { code?: string; message?: string };
}

describe('the collector on a full disk', () => {
  it('answers 507 naming the fix, keeps what it acknowledged, and catches up when space returns', async () => {
    root = mkdtempSync(path.join(tmpdir(), 'xw-full-'));
    const noMount = process.env['XIAOWANG_RELIABILITY_NO_MOUNT'] === '1';
    fs = noMount ? undefined : mountTinyFs(path.join(root, 'fs'), 8 * 1024 * 1024);
    // Without a mount, a file-size limit plays the full disk: writes past it fail with EFBIG.
    const mode = fs === undefined ? 'ulimit -f (EFBIG)' : 'tmpfs (ENOSPC)';
    const dataDir = path.join(fs?.dir ?? root, 'data');
    let limit: string | undefined;
    const start = (port?: number) =>
      startCollector({
        dataDir,
        env: { XIAOWANG_LOG_LEVEL: 'error' },
        ...(port === undefined ? {} : { port }),
        ...(limit === undefined ? {} : { shell: limit }),
      });
    collector = await start();
    const port = collector.port;
    const url = collector.url;
    const { agents } = await seedAgents(collector, AGENTS);
    let freeSpace: (() => void) | undefined;
    if (fs === undefined) {
      // Restart under a size limit a little above what the database has now.
      await collector.stop();
      const { size } = statSync(path.join(dataDir, 'collector.db'));
      limit = `ulimit -f ${Math.ceil(size / 1024) + 512}`;
      collector = await start(port);
    } else freeSpace = fs.fill(512 * 1024);

    const ledger = new Map<string, { acked: boolean; agent: number }>();
    const stats = newStats();
    const healthErrors: ErrorBody[] = [];
    let phase: 'full' | 'freed' | 'done' = 'full';
    const checkHealth = async () => {
      const res = await fetch(new URL('api/v1/health', url));
      if (!res.ok) healthErrors.push((await res.json()) as ErrorBody);
    };
    const running = agents.map((a, i) =>
      runReportAgent({
        token: a.token,
        url: () => url,
        stats,
        ledger,
        agentNo: i,
        firstPollAt: SCHOOL_MORNING + i * 1000,
        keepGoing: () => phase !== 'done',
        pauseMs: () => 30,
        maxRetryWaitMs: 200,
      }),
    );
    const refused = () => (stats.statuses['507'] ?? 0) + (stats.statuses['503'] ?? 0);
    const waitForRefusals = async (n: number) => {
      const until = Date.now() + 20_000;
      while (Date.now() < until && refused() < n) await sleep(50);
    };
    // Full: reports are acknowledged until the disk fills, then refused.
    await waitForRefusals(20);
    const ackedBeforeFull = stats.acked;
    await checkHealth();
    // What an agent is told: the first refusal of a few reports sent now (one may still fit).
    let probe = { status: 200, body: {} as ErrorBody };
    for (let i = 0; i < 20 && probe.status === 200; i++) {
      const report = schoolReport(SCHOOL_MORNING - 86_400_000 + i * 1000);
      const res = await fetch(new URL('api/v1/reports', url), {
        method: 'POST',
        headers: {
          authorization: `Bearer ${agents[0]?.token ?? ''}`,
          'content-type': 'application/json',
          'accept-language': 'en',
        },
        body: JSON.stringify(report),
      });
      probe = { status: res.status, body: (await res.json()) as ErrorBody };
      if (res.status === 200) ledger.set(report.reportId, { acked: true, agent: -1 });
    }
    const probeBody = probe.body;

    // Killed while the disk is full, and started again on the same full disk.
    await collector.stop('SIGKILL');
    let restartWhileFull = 'started';
    try {
      collector = await start(port);
      await waitForRefusals(refused() + 10);
    } catch (error) {
      restartWhileFull = error instanceof Error ? error.message.slice(0, 400) : String(error);
      collector = undefined;
    }
    const refusedWhileFull = refused();

    // Space returns (or the limit is lifted by a restart); everything held goes in.
    phase = 'freed';
    freeSpace?.();
    limit = undefined;
    await collector?.stop();
    collector = await start(port);
    await sleep(1500);
    phase = 'done';
    await Promise.all(running);
    const exit = await collector.stop('SIGTERM');
    collector = undefined;

    const stored = readStored(dataDir);
    const verdict = compareLedger(ledger, stored);
    const fiveHundreds = Object.entries(stats.statuses)
      .filter(([code]) => code === '500' || code === '502' || code === '504')
      .reduce((n, [, c]) => n + c, 0);
    printFigures('collector-disk-full', {
      mode,
      reportsMade: stats.generated,
      postsSent: stats.attempts,
      statuses: JSON.stringify(stats.statuses),
      refusedWhileFull,
      ackedBeforeFull,
      restartWhileFull,
      acked: stats.acked,
      stored: stored.uuids.length,
      lostAcknowledged: verdict.lostAcked.length,
      lostUnacknowledged: verdict.lostUnacked.length,
      duplicated: verdict.duplicated,
      http500: fiveHundreds,
      integrity: stored.integrity,
    });
    console.log(`[reliability] disk-full refusal: ${probe.status} ${JSON.stringify(probeBody)}`);

    expect(refusedWhileFull).toBeGreaterThan(0);
    expect(fiveHundreds).toBe(0);
    // ENOSPC is SQLITE_FULL (507); EFBIG under ulimit is an I/O error to SQLite (503).
    expect(probe.status).toBe(fs === undefined ? 503 : 507);
    expect(probeBody.error?.code).toBe(fs === undefined ? 'STORAGE_ERROR' : 'STORAGE_FULL');
    expect(probeBody.error?.message).toMatch(/XIAOWANG_DATA_DIR/);
    expect(healthErrors).toEqual([]);
    expect(restartWhileFull).toBe('started');
    expect(exit.code).toBe(0);
    expect(verdict.lostAcked).toEqual([]);
    expect(verdict.lostUnacked).toEqual([]);
    expect(verdict.duplicated).toBe(0);
    expect(stored.uuids).toHaveLength(ledger.size);
    expect(stored.integrity).toBe('ok');
  }, 120_000);
});
