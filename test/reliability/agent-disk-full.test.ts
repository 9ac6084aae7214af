import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { schoolSwitchWalk, startSnmpResponder } from '@xiaowang/seeds';
import type { SnmpResponder } from '@xiaowang/seeds';
import { afterAll, describe, expect, it } from 'vitest';
import type { Listening } from '../../collector/src/main.ts';
import { listen } from '../../collector/src/main.ts';
import { enrollTestAgent } from '../../collector/src/testing/agent-factory.ts';
import type { TestApp } from '../../collector/src/testing/test-app.ts';
import { createTestApp } from '../../collector/src/testing/test-app.ts';
import { freeTcpPort } from '../support/collector-process.ts';
import { REPO_ROOT } from '../support/paths.ts';
import { printFigures } from './support/figures.ts';
import type { TinyFs } from './support/tiny-fs.ts';
import { mountTinyFs } from './support/tiny-fs.ts';

/*
 * The school gateway's disk fills up under the running agent (`xiaowang-agent run`, the real
 * CLI). It must keep polling and reporting: what it cannot spool it holds in memory and
 * sends, through a collector outage too, and it says in its log what to free.
 */

const AGENT = path.join(REPO_ROOT, 'agent/bin/xiaowang-agent.mjs');
const COMMUNITY = 'full-disk-Secret-5';

let root: string;
let fs: TinyFs | undefined;
let responder: SnmpResponder | undefined;
let api: TestApp | undefined;
let server: Listening | undefined;
let stopFilling: (() => void) | undefined;

afterAll(async () => {
  stopFilling?.();
  await server?.close();
  await api?.close();
  await responder?.close();
  fs?.unmount();
  if (root !== undefined) rmSync(root, { recursive: true, force: true });
});

interface LogLine {
  event: string;
  reportId?: string;
  code?: string;
  message?: string;
}

describe('the agent on a full disk', () => {
  it('keeps reporting what it cannot spool, through a collector outage, and says what to free', async () => {
    root = mkdtempSync(path.join(tmpdir(), 'xw-agent-full-'));
    const noMount = process.env['XIAOWANG_RELIABILITY_NO_MOUNT'] === '1';
    fs = noMount ? undefined : mountTinyFs(path.join(root, 'fs'), 1024 * 1024);
    // Without a mount, a 4-block file-size limit fails every report file with EFBIG.
    const mode = fs === undefined ? 'ulimit -f 4 (EFBIG)' : 'tmpfs (ENOSPC)';
    const spoolDir = path.join(fs?.dir ?? root, 'state/spool');
    responder = await startSnmpResponder({
      devices: {
        [COMMUNITY]: schoolSwitchWalk({ school: '满盘小学', code: 'mp', seed: 3, accessPorts: 4 }),
      },
    });
    api = await createTestApp();
    const enrolled = await enrollTestAgent(api);
    const port = await freeTcpPort();
    server = await listen(api.app, { host: '127.0.0.1', port });
    const config = path.join(root, 'agent.json');
    mkdirSync(path.dirname(spoolDir), { recursive: true });
    writeFileSync(
      config,
      JSON.stringify({
        collector: { url: server.url, token: enrolled.token, timeoutMs: 2000 },
        schedule: { pollIntervalSeconds: 1, jitterSeconds: 0, requestTimeoutMs: 500, retries: 0 },
        credentials: { campus: { version: '2c', community: COMMUNITY } },
        devices: [
          { name: '核心交换机', host: '127.0.0.1', port: responder.port, credentials: 'campus' },
        ],
        spool: { dir: spoolDir },
        ipv6: { enabled: false },
      }),
    );
    const args = [AGENT, 'run', '--config', config, '--lang', 'en'];
    const child =
      fs === undefined
        ? spawn('/bin/sh', ['-c', 'ulimit -f 4; exec "$@"', 'sh', process.execPath, ...args], {
            stdio: ['ignore', 'pipe', 'pipe'],
          })
        : spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: LogLine[] = [];
    let partial = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) if (line.startsWith('{')) lines.push(JSON.parse(line) as LogLine);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    const count = (event: string) => lines.filter((l) => l.event === event).length;
    const waitFor = async (test: () => boolean, ms: number) => {
      const until = Date.now() + ms;
      while (Date.now() < until && !test() && child.exitCode === null) await sleep(100);
    };

    // The disk fills while the agent runs.
    await waitFor(() => count('cycle.done') >= 2, 60_000);
    // A disk that stays full (a log that keeps growing): space the agent frees by deleting
    // delivered reports is taken again at once.
    const fillers: (() => void)[] = [];
    const topUp = () => {
      if (fs !== undefined && fs.free() > 0) fillers.push(fs.fill(0));
    };
    topUp();
    const filling = setInterval(topUp, 50);
    stopFilling = () => clearInterval(filling);
    const freeSpace = () => {
      clearInterval(filling);
      for (const remove of fillers) remove();
    };
    await waitFor(() => count('spool.append_failed') >= 3, 30_000);
    // The collector goes away for a while; the agent holds what it measured.
    await server.close();
    server = undefined;
    const failuresBefore = count('spool.append_failed');
    await waitFor(() => count('spool.append_failed') >= failuresBefore + 3, 30_000);
    server = await listen(api.app, { host: '127.0.0.1', port });
    await waitFor(() => count('delivery.done') >= 3, 30_000);
    freeSpace();
    await sleep(2500);
    child.kill('SIGTERM');
    const code = await exited;

    const made = lines.filter((l) => l.event === 'cycle.done').map((l) => l.reportId ?? '');
    const stored = (await api.db.kysely.selectFrom('reports').select('report_uuid').execute()).map(
      (r) => r.report_uuid,
    );
    const storedSet = new Set(stored);
    const failures = lines.filter((l) => l.event === 'spool.append_failed');
    // The last cycle may end after the last delivery; anything still held then is in flight.
    const lost = made.slice(0, -2).filter((id) => !storedSet.has(id));
    printFigures('agent-disk-full', {
      mode,
      cycles: made.length,
      spoolAppendFailures: failures.length,
      reportsStored: stored.length,
      lost: lost.length,
      duplicated: stored.length - storedSet.size,
      exitCode: code,
      collectorOutage: true,
    });
    expect(code, stderr).toBe(0);
    expect(failures.length).toBeGreaterThanOrEqual(6);
    expect(failures[0]?.message).toMatch(/free space/);
    expect(lost).toEqual([]);
    expect(stored.length).toBe(storedSet.size);
    expect(stored.length).toBeGreaterThan(6);
  }, 180_000);
});
