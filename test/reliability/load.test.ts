import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import type { Collector } from './support/collector.ts';
import { startCollector } from './support/collector.ts';
import { readStored } from './support/db-check.ts';
import { percentile, printFigures, round, scaled } from './support/figures.ts';
import { leanPoster, verdictOf } from './support/lean-post.ts';
import { seedCounty } from './support/load-seed.ts';
import { FIVE_MINUTES, SCHOOL_MORNING, schoolReport } from './support/reports.ts';

/*
 * A county of 2,000 schools, each agent reporting every five minutes for an hour, against one
 * collector process on loopback. Simulated time is compressed: each five-minute round is
 * spread over ROUND_MS of wall time, every agent at its own fixed offset in the round (as
 * jitter spreads real agents), arrivals open-loop, so a slow collector shows as latency and
 * backlog. An agent keeps each report until it is acknowledged. Afterwards every report is
 * stored once, and the p99 ingest latency is recorded.
 */

const AGENTS = scaled(2000, 20);
const ROUNDS = 12;
const ROUND_MS = Number(process.env['XIAOWANG_LOAD_ROUND_MS'] ?? '5000');
/**
 * Requests open at once. Real agents, 6.7 reports a second county-wide, seldom overlap;
 * compressing the hour 60× would otherwise open thousands of sockets from one process.
 */
const CONNECTIONS = Number(process.env['XIAOWANG_LOAD_CONNECTIONS'] ?? '64');
/** Wall time per simulated time. */
const COMPRESSION = ROUND_MS / 300_000;

/** CPU seconds a child has used so far (Linux /proc; NaN elsewhere). */
function cpuSecondsOf(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

let root: string | undefined;
let collector: Collector | undefined;

afterAll(async () => {
  await collector?.stop('SIGKILL');
  if (root !== undefined) rmSync(root, { recursive: true, force: true });
});

describe('load: 2,000 agents for an hour of simulated time', () => {
  it('loses no report and records the p99 ingest latency', async () => {
    root = mkdtempSync(path.join(tmpdir(), 'xw-load-'));
    const dataDir = path.join(root, 'data');
    mkdirSync(dataDir, { recursive: true });
    const seeded = Date.now();
    const { tokens } = await seedCounty(dataDir, AGENTS);
    const seedMs = Date.now() - seeded;
    // The access log gives the time each report spent inside the collector.
    const serverMs: number[] = [];
    collector = await startCollector({
      dataDir,
      env: { XIAOWANG_LOG_LEVEL: 'info' },
      onLine: (line) => {
        if (!line.includes('"http.request"') || !line.includes('/api/v1/reports')) return;
        const entry = JSON.parse(line) as { ms?: number; status?: number };
        if (entry.status === 200 && typeof entry.ms === 'number') serverMs.push(entry.ms);
      },
    });
    const url = collector.url;

    const latencies: number[] = [];
    const statuses: Record<string, number> = {};
    let attempts = 0;
    let retries = 0;
    let maxInFlight = 0;
    let inFlight = 0;
    const made: string[] = [];
    const poster = leanPoster(url, CONNECTIONS);
    const waiting: (() => void)[] = [];
    const acquire = async () => {
      if (inFlight >= CONNECTIONS) await new Promise<void>((resolve) => waiting.push(resolve));
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
    };
    const releaseSlot = () => {
      inFlight--;
      waiting.shift()?.();
    };
    const lagMs: number[] = [];
    /** One agent's report: sent at its time, resent until acknowledged. */
    const deliver = async (token: string, body: string, due: number): Promise<void> => {
      for (let first = true; ; first = false) {
        attempts++;
        await acquire();
        // How late the report left against its slot: the collector falling behind shows here.
        if (first) lagMs.push(Date.now() - due);
        const started = performance.now();
        // The agent's own default timeout (collector.timeoutMs): network time is not compressed.
        const answer = await poster.post(token, body, 15_000);
        releaseSlot();
        statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
        const verdict = verdictOf(answer.status);
        if (verdict === 'acked') {
          latencies.push(performance.now() - started);
          return;
        }
        if (verdict === 'refused') throw new Error(`refused with ${answer.status}`);
        retries++;
        // The agent waits Retry-After (or its backoff, 5 s first) in real time; compressed here.
        await sleep(Math.max(20, (answer.retryAfterMs ?? 5000) * COMPRESSION));
      }
    };

    // Each agent sends its reports one after the other, as its spool does: report k+1 waits
    // for k to be acknowledged; each is due at the agent's own offset in its round.
    const wallStart = Date.now();
    const clientCpuStart = process.cpuUsage();
    const agentRuns = tokens.map(async (token, i) => {
      const offset = ((i * 7919) % AGENTS) * (ROUND_MS / AGENTS);
      for (let round = 0; round < ROUNDS; round++) {
        const due = wallStart + round * ROUND_MS + offset;
        const wait = due - Date.now();
        if (wait > 1) await sleep(wait);
        const report = schoolReport(
          SCHOOL_MORNING + round * FIVE_MINUTES + (i % 60) * 1000,
          `gw-${i + 1}`,
        );
        made.push(report.reportId);
        await deliver(token, JSON.stringify(report), due);
      }
    });
    const sends: Promise<void>[] = agentRuns;
    await Promise.all(sends);
    poster.close();
    const wallMs = Date.now() - wallStart;
    const collectorCpuS = cpuSecondsOf(collector.child.pid);
    const clientCpu = process.cpuUsage(clientCpuStart);
    const exit = await collector.stop('SIGTERM');
    collector = undefined;

    const stored = readStored(dataDir);
    const set = new Set(stored.uuids);
    const lost = made.filter((id) => !set.has(id)).length;
    const fiveHundreds = Object.entries(statuses)
      .filter(([s]) => s.startsWith('5'))
      .reduce((n, [, c]) => n + c, 0);
    const noAnswer = statuses['0'] ?? 0;
    printFigures('load', {
      agents: AGENTS,
      reportsPerAgent: ROUNDS,
      simulatedMinutes: ROUNDS * 5,
      wallSeconds: round(wallMs / 1000),
      offeredPerSecond: round((AGENTS * ROUNDS) / ((ROUNDS * ROUND_MS) / 1000)),
      achievedPerSecond: round((AGENTS * ROUNDS) / (wallMs / 1000)),
      reportsSent: made.length,
      postsSent: attempts,
      retries,
      stored: stored.uuids.length,
      lost,
      duplicated: stored.uuids.length - set.size,
      noAnswer,
      http5xx: fiveHundreds,
      statuses: JSON.stringify(statuses),
      serverIngestMsP50: percentile(serverMs, 50),
      serverIngestMsP99: percentile(serverMs, 99),
      serverIngestMsMax: Math.max(...serverMs),
      requestMsP50: round(percentile(latencies, 50)),
      requestMsP99: round(percentile(latencies, 99)),
      requestMsMax: round(Math.max(...latencies)),
      connections: CONNECTIONS,
      maxInFlight,
      sendLagMsP99: percentile(lagMs, 99),
      sendLagMsMax: Math.max(...lagMs),
      seedSeconds: round(seedMs / 1000),
      collectorCpuMsPerReport: round((collectorCpuS * 1000) / (AGENTS * ROUNDS), 2),
      clientCpuMsPerReport: round(
        (clientCpu.user + clientCpu.system) / 1000 / (AGENTS * ROUNDS),
        2,
      ),
    });
    expect(exit.code).toBe(0);
    expect(made).toHaveLength(AGENTS * ROUNDS);
    expect(lost).toBe(0);
    expect(stored.uuids.length).toBe(set.size);
    expect(fiveHundreds).toBe(0);
  }, 600_000);
});
