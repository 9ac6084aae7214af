// The responder's own rate: every snmpsimd process walks two whole devices at once with
// snmpbulkwalk (max-repetitions 64, snmpsim's cap, so per-request cost is spread thinnest
// and no reply runs past the data), and the processes' CPU time per value served is read
// from /proc. That is the cheapest snmpsim serves a value; no poller can make it cheaper.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { SnmpsimFleet } from './snmpsim-fleet.ts';
import type { SimDevice } from './fleet.ts';
import { COMMUNITY } from './fleet.ts';

export interface ResponderRate {
  readonly values: number;
  readonly cpuS: number;
  readonly wallS: number;
  /** snmpsim CPU per value served. */
  readonly cpuUsPerValue: number;
  /** Values per second per core, from the CPU figure. */
  readonly perCore: number;
  readonly maxRepetitions: number;
}

async function walkWhole(
  endpoint: { host: string; port: number },
  community: string,
  reps: number,
): Promise<number> {
  const { stdout } = await promisify(execFile)(
    'snmpbulkwalk',
    [
      '-v2c',
      '-c',
      community,
      '-t',
      '10',
      '-r',
      '1',
      '-On',
      '-Oq',
      `-Cr${reps}`,
      `${endpoint.host}:${endpoint.port}`,
      '1',
    ],
    { maxBuffer: 256 * 1024 * 1024 },
  );
  return stdout.split('\n').filter((line) => line.startsWith('.')).length;
}

export async function measureResponder(
  sim: SnmpsimFleet,
  devices: readonly SimDevice[],
  reps = 64,
): Promise<ResponderRate> {
  const processes = sim.ports.length;
  const cpu0 = sim.cpuSeconds();
  const t0 = process.hrtime.bigint();
  const counts = await Promise.all(
    sim.ports.map(async (_port, k) => {
      let n = 0;
      for (const i of [k + processes, k + 2 * processes]) {
        const device = devices[i];
        if (device !== undefined) n += await walkWhole(sim.endpointOf(i), COMMUNITY, reps);
      }
      return n;
    }),
  );
  const wallS = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpuS = sim.cpuSeconds() - cpu0;
  const values = counts.reduce((a, b) => a + b, 0);
  const cpuUsPerValue = (cpuS * 1e6) / values;
  return { values, cpuS, wallS, cpuUsPerValue, perCore: 1e6 / cpuUsPerValue, maxRepetitions: reps };
}
