import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Secret } from '@xiaowang/shared';
import { NetSnmpClient } from '../../agent/src/snmp/net-snmp-client.ts';
import { freeUdpPort } from './free-port.ts';

export const SNMPSIMD = '/usr/bin/snmpsimd';
export const hasSnmpsim = existsSync(SNMPSIMD);

export interface V3User {
  readonly user: string;
  readonly authKey: string;
  readonly privKey: string;
}

export interface Snmpsim {
  readonly host: string;
  readonly port: number;
  stop(): Promise<void>;
}

export interface SnmpsimOptions {
  readonly dataDirs: readonly string[];
  /** A community that must answer before the responder counts as ready. */
  readonly probeCommunity: string;
  readonly v3?: V3User;
  readonly extraArgs?: readonly string[];
}

/**
 * Starts Debian's snmpsimd on 127.0.0.1 with a fresh cache, waits until it answers, and
 * stops it by its PID. As root it must drop to nobody, so the cache is made writable.
 */
export async function startSnmpsim(options: SnmpsimOptions): Promise<Snmpsim> {
  const host = '127.0.0.1';
  const port = await freeUdpPort(host);
  const cache = mkdtempSync(path.join(tmpdir(), 'xw-snmpsim-'));
  chmodSync(cache, 0o777);
  const args = [
    ...options.dataDirs.map((d) => `--data-dir=${d}`),
    `--agent-udpv4-endpoint=${host}:${port}`,
    `--cache-dir=${cache}`,
    '--logging-method=null',
  ];
  if (process.getuid?.() === 0) args.push('--process-user=nobody', '--process-group=nogroup');
  if (options.v3 !== undefined) {
    args.push(
      `--v3-user=${options.v3.user}`,
      '--v3-auth-proto=SHA',
      `--v3-auth-key=${options.v3.authKey}`,
      '--v3-priv-proto=AES',
      `--v3-priv-key=${options.v3.privKey}`,
    );
  }
  args.push(...(options.extraArgs ?? []));
  const child: ChildProcess = spawn(SNMPSIMD, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      for (let i = 0; i < 50 && child.exitCode === null && child.signalCode === null; i++) {
        await sleep(100);
      }
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    rmSync(cache, { recursive: true, force: true });
  };
  // The first start indexes every walk into the cache; big walks take a few seconds.
  const readyBy = Date.now() + 90_000;
  while (Date.now() < readyBy) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`snmpsimd exited with ${child.exitCode}: ${stderr.slice(-2000)}`);
    }
    const client = new NetSnmpClient(
      { host, port },
      { version: '2c', community: new Secret(options.probeCommunity) },
      { timeoutMs: 500, retries: 0 },
    );
    try {
      const got = await client.get(['1.3.6.1.2.1.1.2.0']);
      if (got.error === undefined) return { host, port, stop };
    } finally {
      client.close();
    }
    await sleep(300);
  }
  await stop();
  throw new Error(`snmpsimd did not answer within 90 s: ${stderr.slice(-2000)}`);
}

export function snmpsimVersion(): string {
  const out = spawnSync(SNMPSIMD, ['--version'], { encoding: 'utf8' });
  return (out.stdout + out.stderr).trim().split('\n')[0] ?? 'unknown';
}
