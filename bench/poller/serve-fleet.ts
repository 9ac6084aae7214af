// Serves the poller bench's fleet and leaves it running, for profiling the agent by hand:
// writes an agent config and the references' manifest into --dir, then waits for Ctrl-C.
// Usage: npx tsx bench/poller/serve-fleet.ts --devices 500 --dir /tmp/fleet
//        node <agent bundle> run --config /tmp/fleet/agent.json
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildFleet } from './fleet.ts';
import { writeFleetFiles } from './fleet-files.ts';
import { planFor } from './plan.ts';
import { startSnmpsimFleet } from './snmpsim-fleet.ts';

const { values: opts } = parseArgs({
  options: {
    devices: { type: 'string', default: '500' },
    'county-aps': { type: 'string', default: '500' },
    processes: { type: 'string', default: '8' },
    dir: { type: 'string', default: '/tmp/xw-fleet' },
  },
});
const dir = path.resolve(opts.dir ?? '/tmp/xw-fleet');
mkdirSync(dir, { recursive: true });
const fleet = buildFleet({ devices: Number(opts.devices), countyAps: Number(opts['county-aps']) });
const sim = await startSnmpsimFleet(dir, fleet, Number(opts.processes));
const plans = fleet.map((device, i) => planFor(device, sim.endpointOf(i)));
const expected = await writeFleetFiles(dir, plans);
console.log(
  `serving ${fleet.length} devices, ${expected} values; config ${dir}/agent.json, manifest ${dir}/manifest.json`,
);
const stop = (): void => {
  void sim.stop().finally(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
setInterval(() => {}, 1 << 30);
