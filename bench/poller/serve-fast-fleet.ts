// Serves the poller bench's fleet from our own responder (seeds/src/sim) instead of snmpsim,
// for side-by-side runs of the agent's CPU: snmpsim takes ~40 s of both cores to answer a
// county cycle, so on a shared machine two runs of the same code differ by 5–10 %, more
// than most changes to the agent. Here the cycle takes a few seconds and many alternated
// runs fit in minutes. Same devices, same data, same 64-value cap per GETBULK as snmpsim,
// so the agent sends the same requests; the responder's own speed is not what is measured.
//
// `--reply-delay-ms N` holds every answer back N ms (the simulator's delayMs fault), so replies
// reach the agent as sparsely as they do from snmpsim, but with the cores idle instead of
// busy: it separates what the pacing of replies costs the agent from what sharing the cores
// costs it (BENCHMARKS.md, poller round 19).
// Usage: npx tsx bench/poller/serve-fast-fleet.ts --devices 500 --dir /tmp/fast-fleet [--reply-delay-ms 40]
//        node <agent bundle> run --config /tmp/fast-fleet/agent.json
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startSnmpResponder } from '../../seeds/src/sim/responder.ts';
import type { SnmpResponder } from '../../seeds/src/sim/responder.ts';
import { freeUdpPort } from '../../test/support/free-port.ts';
import { buildFleet, COMMUNITY } from './fleet.ts';
import { writeFleetFiles } from './fleet-files.ts';
import { wholeNumberOption } from './options.ts';
import { planFor } from './plan.ts';
import { hostOf } from './snmpsim-fleet.ts';

const { values: opts } = parseArgs({
  options: {
    devices: { type: 'string', default: '500' },
    'county-aps': { type: 'string', default: '500' },
    dir: { type: 'string', default: '/tmp/xw-fast-fleet' },
    'reply-delay-ms': { type: 'string', default: '0' },
  },
});
const replyDelayMs = wholeNumberOption('reply-delay-ms', opts['reply-delay-ms'], 0);
/** Address groups, as snmpsim-fleet's processes: device i is on hostOf(i, GROUPS). */
const GROUPS = 8;
const dir = path.resolve(opts.dir ?? '/tmp/xw-fast-fleet');
mkdirSync(dir, { recursive: true });
const fleet = buildFleet({ devices: Number(opts.devices), countyAps: Number(opts['county-aps']) });
const ports: number[] = [];
// Probed on each group's first address; the group's other addresses are as unused.
for (let k = 0; k < GROUPS; k++) ports.push(await freeUdpPort(hostOf(k, GROUPS)));
const responders: SnmpResponder[] = [];
for (const [i, device] of fleet.entries()) {
  const responder = await startSnmpResponder({
    host: hostOf(i, GROUPS),
    port: ports[i % GROUPS] ?? 0,
    devices: { [COMMUNITY]: device.varbinds },
  });
  if (replyDelayMs > 0) responder.device(COMMUNITY)?.setFaults({ delayMs: replyDelayMs });
  responders.push(responder);
}
const plans = fleet.map((device, i) =>
  planFor(device, { host: hostOf(i, GROUPS), port: ports[i % GROUPS] ?? 0 }),
);
const expected = await writeFleetFiles(dir, plans);
console.log(
  `serving ${fleet.length} devices, ${expected} values${replyDelayMs > 0 ? `, each answer ${replyDelayMs} ms late` : ''}; config ${dir}/agent.json, manifest ${dir}/manifest.json`,
);

const stop = (): void => {
  void Promise.all(responders.map((r) => r.close())).finally(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
setInterval(() => {}, 1 << 30);
