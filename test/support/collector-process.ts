import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { REPO_ROOT } from './paths.ts';

export const TEST_ADMIN = 'e2e-admin-token-0123456789abcdef';
const BIN = path.join(REPO_ROOT, 'collector/bin/xiaowang-collector.mjs');

export function freeTcpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface CollectorProcess {
  readonly url: string;
  readonly dataDir: string;
  readonly child: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
  admin<T>(method: string, apiPath: string, body?: unknown): Promise<T>;
}

/**
 * Runs `xiaowang-collector serve` as its own process on 127.0.0.1 and waits for health;
 * `env` adds settings (a database URL, mail).
 */
export async function startCollectorProcess(
  dataDir: string,
  port?: number,
  env: Readonly<Record<string, string>> = {},
): Promise<CollectorProcess> {
  const chosen = port ?? (await freeTcpPort());
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: {
      PATH: process.env['PATH'] ?? '',
      XIAOWANG_DATA_DIR: dataDir,
      XIAOWANG_HOST: '127.0.0.1',
      XIAOWANG_PORT: String(chosen),
      XIAOWANG_ADMIN_TOKEN: TEST_ADMIN,
      XIAOWANG_LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const url = `http://127.0.0.1:${chosen}/`;
  const stop = async (signal: NodeJS.Signals = 'SIGTERM'): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  };
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error(`collector exited ${child.exitCode}: ${stderr}`);
    try {
      const res = await fetch(new URL('api/v1/health', url));
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  return { url, dataDir, child, stop, admin: adminClient(url) };
}

/** A county with one school, and an enrollment code for it. */
export async function seedSchool(c: CollectorProcess): Promise<{ schoolId: number; code: string }> {
  const county = await c.admin<{ id: number }>('POST', '/api/v1/counties', { name: '城口县' });
  const town = await c.admin<{ id: number }>('POST', '/api/v1/towns', {
    countyId: county.id,
    name: '葛城街道',
  });
  const school = await c.admin<{ id: number }>('POST', '/api/v1/schools', {
    townId: town.id,
    name: '城关小学',
    code: 'cgxx',
    kind: 'complete_primary',
  });
  const created = await c.admin<{ code: string }>(
    'POST',
    `/api/v1/counties/${county.id}/enrollment-codes`,
    {
      label: 'e2e',
      schoolIds: [school.id],
    },
  );
  return { schoolId: school.id, code: created.code };
}

/** Calls the API of the collector at `url` with the admin token; throws on any non-2xx. */
export function adminClient(url: string) {
  return async <T>(method: string, apiPath: string, body?: unknown): Promise<T> => {
    const res = await fetch(new URL(apiPath.replace(/^\//, ''), url), {
      method,
      headers: { authorization: `Bearer ${TEST_ADMIN}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await res.json()) as T;
    if (!res.ok) throw new Error(`${method} ${apiPath}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
}
