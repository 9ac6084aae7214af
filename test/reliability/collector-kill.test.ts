import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import type { Collector, CollectorBundle } from './support/collector.ts';
import { bundleCollector, seedAgents, startCollector } from './support/collector.ts';
import { compareLedger, readStored } from './support/db-check.ts';
import { percentile, printFigures, scaled } from './support/figures.ts';
import type { ReportAgentStats } from './support/report-agents.ts';
import { newStats, runReportAgent } from './support/report-agents.ts';
import { SCHOOL_MORNING } from './support/reports.ts';

/*
 * The collector killed with SIGKILL while agents report, at random points (mid-request,
 * mid-transaction, mid-checkpoint), at least a hundred times. Agents keep each report until
 * it is acknowledged, as the spool does. Afterwards every acknowledged report is stored
 * exactly once, no report is lost, and each stored report is whole (all its samples).
 * Two collectors with their own databases are killed side by side, so the hundred restarts
 * take half the wall time on two cores.
 */

const KILLS = scaled(100, 2);
const AGENTS = scaled(16, 2);
const LANES = Math.max(1, Number(process.env['XIAOWANG_KILL_LANES'] ?? '2'));
const ENV = { XIAOWANG_ENROLL_RATE_PER_MINUTE: '600' };

let root: string | undefined;
let bundle: CollectorBundle | undefined;
const running = new Set<Collector>();

afterAll(async () => {
  await Promise.all([...running].map((c) => c.stop('SIGKILL')));
  bundle?.remove();
  if (root !== undefined) rmSync(root, { recursive: true, force: true });
});

interface LaneResult {
  readonly kills: number;
  readonly stats: ReportAgentStats;
  readonly restartMs: number[];
  readonly ackedAtKill: number[];
  readonly lostAckedAfterRestart: number;
  readonly exitCode: number | null;
  readonly verdict: ReturnType<typeof compareLedger>;
  readonly stored: ReturnType<typeof readStored>;
  readonly generated: number;
}

async function runLane(dataDir: string, kills: number, agentCount: number): Promise<LaneResult> {
  const first = await startCollector({ dataDir, env: ENV });
  running.add(first);
  let collector = first;
  const { port } = first;
  const { agents } = await seedAgents(first, agentCount);
  const ledger = new Map<string, { acked: boolean; agent: number }>();
  const stats = newStats();
  let generating = true;
  const reporting = agents.map((a, i) =>
    runReportAgent({
      token: a.token,
      url: () => `http://127.0.0.1:${port}/`,
      stats,
      ledger,
      agentNo: i,
      firstPollAt: SCHOOL_MORNING + i * 1000,
      keepGoing: () => generating,
      pauseMs: () => 40 + Math.random() * 40,
    }),
  );
  const restartMs: number[] = [];
  const ackedAtKill: number[] = [];
  let lostAckedAfterRestart = 0;
  const file = bundle?.file;
  for (let k = 0; k < kills; k++) {
    // Let ingest run for a random while, then pull the plug.
    await sleep(20 + Math.random() * 250);
    ackedAtKill.push(stats.acked);
    await collector.stop('SIGKILL');
    running.delete(collector);
    collector = await startCollector({
      dataDir,
      port,
      env: ENV,
      ...(file ? { bundle: file } : {}),
    });
    running.add(collector);
    restartMs.push(collector.startMs);
    // What was acknowledged before the kill must already be there after the restart.
    if (k % 10 === 9) {
      const acked = [...ledger].filter(([, v]) => v.acked).map(([id]) => id);
      const stored = new Set(readStored(dataDir).uuids);
      lostAckedAfterRestart += acked.filter((id) => !stored.has(id)).length;
    }
  }
  generating = false;
  await Promise.all(reporting);
  const exit = await collector.stop('SIGTERM');
  running.delete(collector);
  const stored = readStored(dataDir);
  return {
    kills,
    stats,
    restartMs,
    ackedAtKill,
    lostAckedAfterRestart,
    exitCode: exit.code,
    verdict: compareLedger(ledger, stored),
    stored,
    generated: stats.generated,
  };
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('collector killed with -9 during ingest', () => {
  it(`keeps every acknowledged report exactly once across ${KILLS} kills`, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'xw-kill-'));
    root = dir;
    bundle = await bundleCollector();
    const lanes = await Promise.all(
      Array.from({ length: LANES }, (_, i) =>
        runLane(
          path.join(dir, `lane-${i}`),
          Math.ceil(KILLS / LANES),
          Math.max(1, Math.round(AGENTS / LANES)),
        ),
      ),
    );
    const all = <T>(f: (l: LaneResult) => T) => lanes.map(f);
    const statuses = all((l) => l.stats.statuses);
    const fiveHundreds = sum(
      statuses
        .flatMap((s) => Object.entries(s).filter(([code]) => code.startsWith('5')))
        .map(([, n]) => n),
    );
    const restartMs = all((l) => l.restartMs).flat();
    const lost = sum(all((l) => l.verdict.lostAcked.length + l.lostAckedAfterRestart));
    const wholeReports = new Set(all((l) => l.stored.samplesPerReport).flat());
    printFigures('collector-kill-9', {
      kills: sum(all((l) => l.kills)),
      collectors: LANES,
      agents: AGENTS,
      reportsMade: sum(all((l) => l.generated)),
      postsSent: sum(all((l) => l.stats.attempts)),
      acked: sum(all((l) => l.stats.acked)),
      ackedAsDuplicateAfterKill: sum(all((l) => l.stats.ackedAsDuplicate)),
      connectionErrors: sum(all((l) => l.stats.connectionErrors)),
      stored: sum(all((l) => l.stored.uuids.length)),
      lostAcknowledged: lost,
      lostUnacknowledged: sum(all((l) => l.verdict.lostUnacked.length)),
      duplicated: sum(all((l) => l.verdict.duplicated)),
      partialReports: wholeReports.size > 1 ? [...wholeReports].join('/') : 0,
      http5xx: fiveHundreds,
      refused4xx: sum(all((l) => l.stats.refusals.length)),
      restartMsP50: percentile(restartMs, 50),
      restartMsMax: Math.max(...restartMs),
      integrity: [...new Set(all((l) => l.stored.integrity))].join(','),
    });
    for (const lane of lanes) {
      expect(lane.exitCode).toBe(0);
      expect(lane.stats.refusals).toEqual([]);
      expect(lane.lostAckedAfterRestart).toBe(0);
      expect(lane.verdict.lostAcked).toEqual([]);
      expect(lane.verdict.lostUnacked).toEqual([]);
      expect(lane.verdict.duplicated).toBe(0);
      expect(lane.verdict.unknown).toBe(0);
      expect(lane.stored.uuids).toHaveLength(lane.generated);
      expect(lane.stored.integrity).toBe('ok');
      // Kills landed while reports were moving, not between idle moments.
      expect(new Set(lane.ackedAtKill).size).toBeGreaterThan(lane.kills / 2);
    }
    expect(sum(all((l) => l.kills))).toBeGreaterThanOrEqual(KILLS);
    expect(fiveHundreds).toBe(0);
    expect(wholeReports.size).toBe(1);
  }, 600_000);
});
