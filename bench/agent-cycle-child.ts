// Child process for bench/agent-cycle.ts: runs agent cycles (or nothing, as the baseline)
// against the simulated school and prints its own CPU time and peak RSS as JSON.
import { parseConfig } from '../agent/src/config/load-config.ts';
import { runCycle } from '../agent/src/runtime/cycle.ts';
import { RateState } from '../agent/src/runtime/rate-state.ts';

const [mode, portsText, cyclesText] = process.argv.slice(2);
const cycles = Number(cyclesText ?? '5');
const ports = new Map((portsText ?? '').split(',').map((p) => p.split('=') as [string, string]));
const communities = [...ports.keys()];
const started = process.cpuUsage();
let varbinds = 0;
if (mode === 'agent') {
  const loaded = parseConfig('bench.json', {
    collector: { url: 'http://127.0.0.1:1/', token: 'xw_abcdefghijklmnopqrstuvwxyz012345' },
    credentials: Object.fromEntries(communities.map((c) => [c, { version: '2c', community: c }])),
    devices: communities.map((c) => ({
      name: c,
      host: '127.0.0.1',
      port: Number(ports.get(c)),
      credentials: c,
    })),
  });
  const rates = new RateState();
  for (let i = 0; i < cycles; i++) {
    const report = await runCycle(loaded, { rates, out: { write: () => undefined } });
    varbinds += report.devices.reduce((n, d) => n + d.meta.varbinds, 0);
    const failed = report.devices.filter((d) => d.outcome !== 'ok');
    if (failed.length > 0) throw new Error(`device failed: ${JSON.stringify(failed[0])}`);
  }
}
const cpu = process.cpuUsage(started);
process.stdout.write(
  JSON.stringify({
    cpuMs: (cpu.user + cpu.system) / 1000,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    varbinds,
    cycles,
  }),
);
