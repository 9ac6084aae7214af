// Serves the simulated devices with Debian's snmpsimd: one process per UDP port, device i
// on process i mod N, --v2c-arch, no logging. Each device has its own loopback address
// (127.<20+k>.x.y), as it would have its own IP in a school, because the agent takes
// host:port as a device's identity. Reads the processes' CPU time from /proc so each
// poller's run can be charged what it cost the responder.
import { execFile, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { freeUdpPort } from '../../test/support/free-port.ts';
import type { SimDevice } from './fleet.ts';
import { COMMUNITY } from './fleet.ts';
import { isRunning, processCpuSeconds, signal } from './measure.ts';
import { snmprecLine } from './values.ts';

const SNMPSIMD = '/usr/bin/snmpsimd';

export interface SnmpsimFleet {
  readonly ports: readonly number[];
  readonly pids: readonly number[];
  endpointOf(deviceIndex: number): { host: string; port: number };
  /** User + system CPU seconds the responders have used so far. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/**
 * Writes every device's walk where snmpsim --v2c-arch looks for a community on one of its
 * endpoints: `<dir>/data/p<k>/<community>/<transport id>.snmprec`, the transport id of the
 * j-th endpoint being 1.3.6.1.6.1.1.j. Returns the data dirs.
 */
export function writeWalks(
  dir: string,
  devices: readonly SimDevice[],
  processes: number,
): string[] {
  const dirs = Array.from({ length: processes }, (_, k) => path.join(dir, 'data', `p${k}`));
  for (const d of dirs) mkdirSync(path.join(d, COMMUNITY), { recursive: true, mode: 0o755 });
  devices.forEach((device, i) => {
    const lines = device.varbinds.map(snmprecLine).join('\n');
    const endpoint = Math.floor(i / processes);
    const file = path.join(
      dirs[i % processes] ?? '',
      COMMUNITY,
      `1.3.6.1.6.1.1.${endpoint}.snmprec`,
    );
    writeFileSync(file, `${lines}\n`, { mode: 0o644 });
  });
  return dirs;
}

async function answers(host: string, port: number, community: string): Promise<boolean> {
  try {
    await promisify(execFile)('snmpget', [
      '-v2c',
      '-c',
      community,
      '-t',
      '1',
      '-r',
      '0',
      `${host}:${port}`,
      '1.3.6.1.2.1.1.5.0',
    ]);
    return true;
  } catch {
    return false;
  }
}

const shellQuote = (word: string): string => `'${word.replaceAll("'", `'\\''`)}'`;

/**
 * Starts every responder in one session of their own, as a responder service, or one
 * started from another terminal, would run. With the kernel's autogroup scheduling (on
 * here) that gives the responders one share of the cores and the pollers another, as
 * devices on other machines would have. In the bench's own session a poller that floods the
 * responders waits behind them to run, and takes its replies in batches no network would
 * hand it (BENCHMARKS.md, poller round 20). Returns the processes' pids, in order.
 */
async function startInOwnSession(commands: readonly string[]): Promise<number[]> {
  const script = `${commands.map((c) => `${c} </dev/null >/dev/null 2>&1 & echo $!`).join('\n')}\nwait\n`;
  const leader = spawn('/bin/sh', ['-c', script], {
    stdio: ['ignore', 'pipe', 'ignore'],
    detached: true,
  });
  let out = '';
  leader.stdout.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    leader.stdout.on('data', (chunk: string) => {
      out += chunk;
      const pids = out
        .split('\n')
        .filter((line) => /^\d+$/.test(line))
        .map(Number);
      if (pids.length === commands.length) resolve(pids);
    });
    leader.on('exit', (code) => reject(new Error(`the shell starting snmpsimd exited (${code})`)));
  });
}

/** Device i's loopback address: process k = i mod N, j-th device of that process. */
export function hostOf(deviceIndex: number, processes: number): string {
  const k = deviceIndex % processes;
  const j = Math.floor(deviceIndex / processes);
  return `127.${20 + k}.${Math.floor(j / 250)}.${(j % 250) + 1}`;
}

export async function startSnmpsimFleet(
  dir: string,
  devices: readonly SimDevice[],
  processes: number,
): Promise<SnmpsimFleet> {
  chmodSync(dir, 0o755);
  const dataDirs = writeWalks(dir, devices, processes);
  const ports: number[] = [];
  const commands: string[] = [];
  for (let k = 0; k < processes; k++) {
    const port = await freeUdpPort('127.0.0.1');
    const cache = path.join(dir, `cache-${k}`);
    mkdirSync(cache, { recursive: true });
    chmodSync(cache, 0o777);
    const args = [
      `--data-dir=${dataDirs[k] ?? ''}`,
      ...devices.flatMap((_d, i) =>
        i % processes === k ? [`--agent-udpv4-endpoint=${hostOf(i, processes)}:${port}`] : [],
      ),
      `--cache-dir=${cache}`,
      '--v2c-arch',
      '--logging-method=null',
    ];
    if (process.getuid?.() === 0) args.push('--process-user=nobody', '--process-group=nogroup');
    commands.push([SNMPSIMD, ...args].map(shellQuote).join(' '));
    ports.push(port);
  }
  const pids = await startInOwnSession(commands);
  // Never leave responders behind, even when the bench dies.
  const killAll = (): void => {
    for (const pid of pids) if (isRunning(pid)) signal(pid, 'SIGKILL');
  };
  process.once('exit', killAll);
  const stop = async (): Promise<void> => {
    process.off('exit', killAll);
    for (const pid of pids) signal(pid, 'SIGTERM');
    for (let i = 0; i < 50 && pids.some(isRunning); i++) await sleep(100);
    killAll();
  };
  // Each process indexes its walks on start; wait until every one answers its first device.
  const readyBy = Date.now() + 300_000;
  for (let k = 0; k < processes; k++) {
    const first = devices[k];
    if (first === undefined) continue;
    while (!(await answers(hostOf(k, processes), ports[k] ?? 0, COMMUNITY))) {
      if (Date.now() > readyBy || !isRunning(pids[k] ?? 0)) {
        await stop();
        throw new Error(`snmpsimd on port ${ports[k]} did not start`);
      }
      await sleep(500);
    }
  }
  return {
    ports,
    pids,
    endpointOf: (i) => ({ host: hostOf(i, processes), port: ports[i % processes] ?? 0 }),
    cpuSeconds: () => pids.reduce((sum, pid) => sum + processCpuSeconds(pid), 0),
    stop,
  };
}
