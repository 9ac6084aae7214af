// Agent cost per poll cycle for a school with 10 devices (core switch, AC, 8 access
// switches) served by our simulator on 127.0.0.1. The agent runs in a child process so its
// CPU and RSS are its own; the reference is the same child doing no polling (Node + tsx
// start-up and the agent's modules), measured in the same run.
// Usage: npx tsx bench/agent-cycle.ts [cycles]
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { schoolAcWalk, schoolSwitchWalk, startSnmpResponder } from '@xiaowang/seeds';

const cycles = Number(process.argv[2] ?? '10');
const school = { school: '城关小学', code: 'cgxx', seed: 1, ipv6: true, aps: 40 };
const devices: Record<string, ReturnType<typeof schoolSwitchWalk>> = {
  core: schoolSwitchWalk({ ...school, accessPorts: 48 }),
  ac: schoolAcWalk(school),
};
for (let i = 1; i <= 8; i++)
  devices[`access-${i}`] = schoolSwitchWalk({ ...school, seed: 100 + i, accessPorts: 24 });
// One responder per device: the agent treats host:port as a device's identity.
const responders = await Promise.all(
  Object.entries(devices).map(([name, walk]) => startSnmpResponder({ devices: { [name]: walk } })),
);
const ports = responders.map((r) => `${r.deviceNames()[0] ?? ''}=${r.port}`).join(',');
const child = path.join(import.meta.dirname, 'agent-cycle-child.ts');

// Asynchronous: the responders answer from this process's event loop while the child runs.
async function run(
  mode: 'agent' | 'baseline',
): Promise<{ cpuMs: number; maxRssMb: number; varbinds: number }> {
  const { stdout: out } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', child, mode, ports, String(cycles)],
    {
      encoding: 'utf8',
    },
  );
  return JSON.parse(out) as { cpuMs: number; maxRssMb: number; varbinds: number };
}

try {
  const baseline = await run('baseline');
  const agent = await run('agent');
  const perCycleCpu = (agent.cpuMs - baseline.cpuMs) / cycles;
  console.log(`cycles: ${cycles}, devices: 10, values read per cycle: ${agent.varbinds / cycles}`);
  console.log(
    `agent CPU per cycle: ${perCycleCpu.toFixed(1)} ms (total ${agent.cpuMs.toFixed(0)} ms, baseline ${baseline.cpuMs.toFixed(0)} ms)`,
  );
  console.log(
    `agent CPU per value: ${((perCycleCpu * 1000) / (agent.varbinds / cycles)).toFixed(1)} µs`,
  );
  console.log(
    `peak RSS: agent ${agent.maxRssMb.toFixed(1)} MB, baseline ${baseline.maxRssMb.toFixed(1)} MB, ratio ${(agent.maxRssMb / baseline.maxRssMb).toFixed(2)}`,
  );
} finally {
  await Promise.all(responders.map((r) => r.close()));
}
