import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildFleet } from './poller/fleet.ts';
import { planFor } from './poller/plan.ts';
import { startSnmpsimFleet } from './poller/snmpsim-fleet.ts';
import { bundleChild, bundleDeployedAgent } from './poller/runners.ts';
const n = Number(process.argv[2] ?? '100');
const dir = mkdtempSync(path.join(tmpdir(), 'xw-serve-'));
const fleet = buildFleet({ devices: n, countyAps: 500 });
const sim = await startSnmpsimFleet(dir, fleet, 8);
const plans = fleet.map((d, i) => planFor(d, sim.endpointOf(i)));
writeFileSync('/tmp/xw-manifest.json', JSON.stringify({ maxRepetitions: 20, devices: plans }));
writeFileSync(
  '/tmp/xw-agent.json',
  JSON.stringify({
    collector: { url: 'http://127.0.0.1:9/', token: 'xw_abcdefghijklmnopqrstuvwxyz012345' },
    schedule: { jitterSeconds: 0, pollIntervalSeconds: 86400 },
    ipv6: { enabled: false },
    spool: { dir: '/tmp/xw-agent-home/spool' },
    credentials: Object.fromEntries(
      plans.map((p) => [p.community, { version: '2c', community: p.community }]),
    ),
    devices: plans.map((p) => ({
      name: p.community,
      host: p.host,
      port: p.port,
      credentials: p.community,
    })),
  }),
);
await bundleChild('agent-walk-child.ts', '/tmp/xw-walk.mjs');
await bundleDeployedAgent('/tmp/xw-agent.mjs');
console.log('ready', dir, process.pid, sim.pids.join(','));
process.on('SIGTERM', () => void sim.stop().then(() => process.exit(0)));
setInterval(() => {}, 1 << 30);
