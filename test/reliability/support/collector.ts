import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { build } from 'esbuild';
import { adminClient, freeTcpPort, TEST_ADMIN } from '../../support/collector-process.ts';
import { REPO_ROOT } from '../../support/paths.ts';

/*
 * The collector as its own process, as in production: `xiaowang-collector serve` from source
 * through tsx, or, for the kill -9 loop that restarts it a hundred times, the same sources
 * bundled once by esbuild (the compiler tsx itself uses), which starts in a fraction of the
 * time because it skips resolving and transforming ~300 modules on every start.
 */

const BIN = path.join(REPO_ROOT, 'collector/bin/xiaowang-collector.mjs');

export interface CollectorBundle {
  readonly file: string;
  remove(): void;
}

/** Bundles collector/src/cli/main.ts (better-sqlite3 stays native) into node_modules/.cache. */
export async function bundleCollector(): Promise<CollectorBundle> {
  const dir = path.join(
    REPO_ROOT,
    'node_modules/.cache/xiaowang-reliability',
    `${process.pid}-${Date.now()}`,
  );
  mkdirSync(path.join(dir, 'assets'), { recursive: true });
  const assets = path.join(REPO_ROOT, 'collector/src/web/assets');
  for (const name of readdirSync(assets))
    copyFileSync(path.join(assets, name), path.join(dir, 'assets', name));
  const file = path.join(dir, 'collector.mjs');
  await build({
    stdin: {
      contents:
        "import { main } from './collector/src/cli/main.ts';\n" +
        'const io = { stdout: (t) => process.stdout.write(`${t}\\n`), ' +
        'stderr: (t) => process.stderr.write(`${t}\\n`) };\n' +
        'process.exitCode = await main(process.argv.slice(2), io);\n',
      resolveDir: REPO_ROOT,
      loader: 'js',
    },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    outfile: file,
    external: ['better-sqlite3'],
    // CommonJS dependencies call require(); give the ES module bundle one.
    banner: {
      js: "import { createRequire as __xwRequire } from 'node:module';\nconst require = __xwRequire(import.meta.url);",
    },
    logLevel: 'error',
  });
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface StartOptions {
  readonly dataDir: string;
  readonly port?: number;
  /** Extra XIAOWANG_* variables. */
  readonly env?: Record<string, string>;
  /** Run this bundle instead of the bin through tsx. */
  readonly bundle?: string;
  /** A shell prefix, e.g. `ulimit -f 2048`, run before exec'ing node. */
  readonly shell?: string;
  readonly readyTimeoutMs?: number;
  /** Every line the collector writes to stderr (its JSON log), as it comes. */
  readonly onLine?: (line: string) => void;
}

export interface Collector {
  readonly url: string;
  readonly port: number;
  readonly child: ChildProcess;
  /** Milliseconds from spawn to the first healthy answer. */
  readonly startMs: number;
  stderr(): string;
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: string | null }>;
  admin<T>(method: string, apiPath: string, body?: unknown): Promise<T>;
}

export async function startCollector(o: StartOptions): Promise<Collector> {
  const port = o.port ?? (await freeTcpPort());
  const started = Date.now();
  const node = [o.bundle ?? BIN, 'serve'];
  const env = {
    PATH: process.env['PATH'] ?? '',
    XIAOWANG_DATA_DIR: o.dataDir,
    XIAOWANG_HOST: '127.0.0.1',
    XIAOWANG_PORT: String(port),
    XIAOWANG_ADMIN_TOKEN: TEST_ADMIN,
    XIAOWANG_LOG_LEVEL: 'warn',
    ...o.env,
  };
  const child =
    o.shell === undefined
      ? spawn(process.execPath, node, { env, stdio: ['ignore', 'ignore', 'pipe'] })
      : spawn('/bin/sh', ['-c', `${o.shell}; exec "$@"`, 'sh', process.execPath, ...node], {
          env,
          stdio: ['ignore', 'ignore', 'pipe'],
        });
  let stderr = '';
  let partial = '';
  child.stderr?.on('data', (c: Buffer) => {
    const text = c.toString();
    stderr += text;
    if (stderr.length > 1_000_000) stderr = stderr.slice(-500_000);
    if (o.onLine === undefined) return;
    const lines = (partial + text).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) o.onLine(line);
  });
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = `http://127.0.0.1:${port}/`;
  const readyBy = Date.now() + (o.readyTimeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`collector exited ${child.exitCode ?? child.signalCode}: ${stderr}`);
    try {
      const res = await fetch(new URL('api/v1/health', url));
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > readyBy) {
      child.kill('SIGKILL');
      throw new Error(
        `collector did not answer within ${o.readyTimeoutMs ?? 60_000} ms: ${stderr}`,
      );
    }
    await sleep(20);
  }
  const startMs = Date.now() - started;
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  return { url, port, child, startMs, stderr: () => stderr, stop, admin: adminClient(url) };
}

export interface SeededAgent {
  readonly schoolId: number;
  readonly agentId: number;
  readonly token: string;
}

/** A county with `count` schools, one enrolled agent each, through the admin and enroll API. */
export async function seedAgents(
  c: Collector,
  count: number,
): Promise<{ countyId: number; agents: SeededAgent[] }> {
  const county = await c.admin<{ id: number }>('POST', '/api/v1/counties', {
    name: `可靠性县${process.pid}`,
  });
  const town = await c.admin<{ id: number }>('POST', '/api/v1/towns', {
    countyId: county.id,
    name: '城厢镇',
  });
  const agents: SeededAgent[] = [];
  for (let i = 0; i < count; i++) {
    const school = await c.admin<{ id: number }>('POST', '/api/v1/schools', {
      townId: town.id,
      name: `第${i + 1}小学`,
      code: `r${i + 1}`,
      kind: 'complete_primary',
    });
    const { code } = await c.admin<{ code: string }>(
      'POST',
      `/api/v1/counties/${county.id}/enrollment-codes`,
      { label: `agent ${i + 1}`, schoolIds: [school.id] },
    );
    const res = await fetch(new URL('api/v1/enroll', c.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, hostname: `gw-${i + 1}` }),
    });
    const enrolled = (await res.json()) as { agentId: number; token: string };
    if (res.status !== 201) throw new Error(`enroll: ${res.status} ${JSON.stringify(enrolled)}`);
    agents.push({ schoolId: school.id, agentId: enrolled.agentId, token: enrolled.token });
  }
  return { countyId: county.id, agents };
}
