// Serves the poller bench's fleet and leaves it running, for profiling the agent by hand:
// writes an agent config and the references' manifest into --dir, then waits for Ctrl-C.
// Usage: npx tsx bench/poller/serve-fleet.ts --devices 500 --dir /tmp/fleet
//        node <agent bundle> run --config /tmp/fleet/agent.json
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildFleet } from './fleet.ts';
import { freeTcpPort } from './free-tcp-port.ts';
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
writeFileSync(
  path.join(dir, 'manifest.json'),
  JSON.stringify({ maxRepetitions: 20, timeoutMs: 30_000, devices: plans }),
);
const agentConfig = {
  collector: {
    url: `http://127.0.0.1:${await freeTcpPort()}/`,
    token: 'xw_abcdefghijklmnopqrstuvwxyz012345',
  },
  schedule: { jitterSeconds: 0, pollIntervalSeconds: 86_400 },
  ipv6: { enabled: false },
  spool: { dir: path.join(dir, 'spool') },
  credentials: { county: { version: '2c', community: plans[0]?.community ?? 'public' } },
  devices: plans.map((p) => ({ name: p.name, host: p.host, port: p.port, credentials: 'county' })),
};
writeFileSync(path.join(dir, 'agent.json'), JSON.stringify(agentConfig));
const expected = plans.reduce((n, p) => n + p.expected, 0);
console.log(
  `serving ${fleet.length} devices, ${expected} values; config ${dir}/agent.json, manifest ${dir}/manifest.json`,
);
const stop = (): void => {
  void sim.stop().finally(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
setInterval(() => {}, 1 << 30);
