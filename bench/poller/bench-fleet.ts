// The fleet a timed bench polls: its walks in a temporary directory, served by snmpsim, each
// device's plan, and one clean-up for both the bench's `finally` and an interrupt.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FleetOptions, SimDevice } from './fleet.ts';
import { buildFleet } from './fleet.ts';
import { cleanUpOnSignal } from './measure.ts';
import type { DevicePlan } from './plan.ts';
import { planFor } from './plan.ts';
import type { SnmpsimFleet } from './snmpsim-fleet.ts';
import { startSnmpsimFleet } from './snmpsim-fleet.ts';

export interface BenchFleet {
  /** The bench's temporary directory (removed by `cleanUp`). */
  readonly dir: string;
  readonly fleet: readonly SimDevice[];
  readonly sim: SnmpsimFleet;
  readonly plans: readonly DevicePlan[];
  /** Values every poller must return, over all devices. */
  readonly expected: number;
  /** Stops the responders and removes the directory; also run on SIGINT or SIGTERM. */
  readonly cleanUp: () => Promise<void>;
}

export async function startBenchFleet(
  dirPrefix: string,
  options: FleetOptions,
  processes: number,
): Promise<BenchFleet> {
  const dir = mkdtempSync(path.join(tmpdir(), dirPrefix));
  const fleet = buildFleet(options);
  const sim = await startSnmpsimFleet(dir, fleet, processes);
  const cleanUp = cleanUpOnSignal(async () => {
    await sim.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  try {
    const plans = fleet.map((device, i) => planFor(device, sim.endpointOf(i)));
    const expected = plans.reduce((n, p) => n + p.expected, 0);
    return { dir, fleet, sim, plans, expected, cleanUp };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
