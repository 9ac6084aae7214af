import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { schoolAcWalk, schoolSwitchWalk, startSnmpResponder } from '@xiaowang/seeds';
import type { SnmpResponder } from '@xiaowang/seeds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../agent/src/config/load-config.ts';
import { deployedNodeFlags } from '../support/deployed-flags.ts';
import { startAgentLoop } from '../../agent/src/runtime/agent-loop.ts';
import { createBackoff } from '../../agent/src/runtime/backoff.ts';
import { sendReport } from '../../agent/src/runtime/reporter.ts';
import { gapsForReport, spoolQueue } from '../../agent/src/runtime/spool-queue.ts';
import { openSpool } from '../../agent/src/spool/spool.ts';
import type { CollectorProcess } from '../support/collector-process.ts';
import { freeTcpPort, seedSchool, startCollectorProcess } from '../support/collector-process.ts';
import { REPO_ROOT } from '../support/paths.ts';

const AGENT = path.join(REPO_ROOT, 'agent/bin/xiaowang-agent.mjs');
const COMMUNITY = 'c0mmunity-Secret-77';
const V3_AUTH = 'v3-auth-Secret-88';
const V3_PRIV = 'v3-priv-Secret-99';
const school = { school: '城关小学', code: 'cgxx', seed: 21, ipv6: true, accessPorts: 6, aps: 6 };

let root: string;
let responders: SnmpResponder[];
let collector: CollectorProcess;
let port: number;
let token: string;
let configFile: string;

function readReports(dataDir: string): { report_uuid: string; poll_started_at: string }[] {
  const db = new Database(path.join(dataDir, 'collector.db'), {
    readonly: true,
    fileMustExist: true,
  });
  try {
    return db.prepare('select report_uuid, poll_started_at from reports order by id').all() as {
      report_uuid: string;
      poll_started_at: string;
    }[];
  } finally {
    db.close();
  }
}

function agentConfig(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    collector: { url: collector.url, token, timeoutMs: 5000 },
    schedule: { pollIntervalSeconds: 1, jitterSeconds: 0, requestTimeoutMs: 500, retries: 0 },
    credentials: {
      campus: { version: '2c', community: COMMUNITY },
      unused: { version: '3', user: 'mon', authKey: V3_AUTH, privKey: V3_PRIV },
    },
    devices: responders.map((r, i) => ({
      name: i === 0 ? '核心交换机' : '无线控制器',
      host: '127.0.0.1',
      port: r.port,
      credentials: 'campus',
    })),
    spool: { dir: path.join(root, 'state/spool') },
    ipv6: { enabled: false },
    ...extra,
  };
}

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'xw-e2e-'));
  responders = await Promise.all([
    startSnmpResponder({ devices: { [COMMUNITY]: schoolSwitchWalk(school) } }),
    startSnmpResponder({ devices: { [COMMUNITY]: schoolAcWalk(school) } }),
  ]);
  port = await freeTcpPort();
  collector = await startCollectorProcess(path.join(root, 'data'), port);
  const seeded = await seedSchool(collector);
  configFile = path.join(root, 'etc/agent.json');
  const enroll = await runAgent(
    [
      'enroll',
      '--collector',
      collector.url,
      '--code',
      seeded.code,
      '--config',
      configFile,
      '--lang',
      'en',
    ],
    60_000,
  );
  expect(enroll.stdout).toContain('Enrolled as agent');
  token = (JSON.parse(readFileSync(configFile, 'utf8')) as { collector: { token: string } })
    .collector.token;
  writeFileSync(configFile, JSON.stringify(agentConfig()));
}, 120_000);

afterAll(async () => {
  await collector?.stop();
  await Promise.all((responders ?? []).map((r) => r.close()));
  rmSync(root, { recursive: true, force: true });
});

function runAgent(args: string[], killAfterMs: number, signal: NodeJS.Signals = 'SIGKILL') {
  return new Promise<{ stdout: string; stderr: string; code: number | null }>((resolve) => {
    // With the installed agent's node flags (one V8 thread, its heap sizes), so delivery,
    // the spool and kill -9 are tested as they run on a gateway.
    const child = spawn(process.execPath, [...deployedNodeFlags(), AGENT, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill(signal), killAfterMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, code });
    });
  });
}

function loggedReportIds(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter((l) => l.includes('"cycle.done"'))
    .map((l) => (JSON.parse(l) as { reportId: string }).reportId);
}

describe('agent and collector, end to end on loopback', () => {
  it('survives kill -9 at random points: every spooled report reaches the collector exactly once', async () => {
    const logged: string[] = [];
    let kills = 0;
    for (let i = 0; i < 12; i++) {
      const run = await runAgent(
        ['run', '--config', configFile],
        900 + Math.floor(Math.random() * 2500),
      );
      logged.push(...loggedReportIds(run.stdout));
      kills++;
    }
    // A last run stopped politely drains what the killed runs left behind.
    const last = await runAgent(['run', '--config', configFile], 6000, 'SIGTERM');
    expect(last.code).toBe(0);
    logged.push(...loggedReportIds(last.stdout));
    const stored = readReports(collector.dataDir).map((r) => r.report_uuid);
    const spooled = readdirSync(path.join(root, 'state/spool')).filter(
      (f) => f.endsWith('.json') && f !== 'gaps.json',
    );
    const storedSet = new Set(stored);
    const lost = logged.filter((id) => !storedSet.has(id) && !spooled.some((f) => f.includes(id)));
    console.log(
      `[e2e] kill -9: ${kills} kills, ${logged.length} reports logged as spooled, ${stored.length} stored, ${lost.length} lost, ${stored.length - storedSet.size} duplicated, ${spooled.length} still spooled`,
    );
    expect(logged.length).toBeGreaterThan(10);
    expect(lost).toEqual([]);
    expect(stored.length).toBe(storedSet.size);
  }, 180_000);

  it('keeps what it measured while the collector is down for 30 days, then delivers each report once, in order', async () => {
    const loaded = parseConfig(
      configFile,
      agentConfig({
        schedule: {
          pollIntervalSeconds: 3600,
          jitterSeconds: 0,
          requestTimeoutMs: 500,
          retries: 0,
        },
        spool: { dir: path.join(root, 'state30/spool') },
      }),
    );
    const spool = await openSpool({
      dir: loaded.config.spool.dir,
      maxBytes: loaded.config.spool.maxBytes,
      maxAgeDays: 45,
    });
    const before = readReports(collector.dataDir).length;
    await collector.stop();
    const start = Date.UTC(2026, 9, 1);
    let clock = start;
    const downUntil = start + 30 * 86_400_000;
    let up = false;
    const cycles = 30 * 24 + 4;
    const loop = startAgentLoop({
      config: loaded,
      reloadConfig: () => loaded,
      queue: spoolQueue(spool),
      gaps: { pending: () => gapsForReport(spool), clear: (ids) => spool.clearGaps(ids) },
      send: (report, c) =>
        sendReport(report, { collectorUrl: c.config.collector.url, token, timeoutMs: 5000 }),
      backoff: createBackoff(60_000, 3_600_000, () => 0.5),
      log: () => undefined,
      saveState: () => undefined,
      now: () => clock,
      random: () => 0,
      sleep: async (ms) => {
        clock += ms;
        if (!up && clock >= downUntil) {
          collector = await startCollectorProcess(collector.dataDir, port);
          up = true;
        }
      },
      maxCycles: cycles,
    });
    await loop.done;
    // The last cycles may still hold a backlog; deliver it the way the loop would next time.
    const { deliverQueued } = await import('../../agent/src/runtime/deliver.ts');
    for (let i = 0; i < 40 && spool.stats().count > 0; i++) {
      const pass = await deliverQueued({
        queue: spoolQueue(spool),
        send: (r) => sendReport(r, { collectorUrl: collector.url, token, timeoutMs: 5000 }),
        backoff: createBackoff(10, 20),
      });
      // The collector's rate limit answers 429 with Retry-After past its burst; honour it.
      const wait = pass.waitMs;
      if (wait !== undefined) await new Promise((r) => setTimeout(r, Math.min(wait, 2000)));
    }
    await spool.close();
    const rows = readReports(collector.dataDir).slice(before);
    const times = rows.map((r) => r.poll_started_at);
    console.log(
      `[e2e] 30 days down: ${cycles} cycles, ${rows.length} reports stored after the collector returned, ${new Set(rows.map((r) => r.report_uuid)).size} distinct`,
    );
    expect(rows).toHaveLength(cycles);
    expect(new Set(rows.map((r) => r.report_uuid)).size).toBe(cycles);
    expect(times).toEqual([...times].sort());
  }, 300_000);

  it('puts the SNMP community and v3 keys in no spool file, report, log or database row', async () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else files.push(full);
      }
    };
    walk(path.join(root, 'state'));
    walk(path.join(root, 'state30'));
    walk(collector.dataDir);
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const text = readFileSync(file).toString('latin1');
      for (const secret of [COMMUNITY, V3_AUTH, V3_PRIV])
        expect(text.includes(secret), `${secret} in ${file}`).toBe(false);
    }
    const run = await runAgent(['run', '--config', configFile], 2500, 'SIGTERM');
    for (const secret of [COMMUNITY, V3_AUTH, V3_PRIV])
      expect(run.stdout + run.stderr).not.toContain(secret);
  }, 60_000);
});
