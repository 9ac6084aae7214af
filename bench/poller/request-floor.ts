// What the agent's own requests cost snmpsim, with the agent's work taken out (issue 9's
// wall target). The agent polls the fleet once through a relay that records every request
// datagram, device by device. Then a replayer (replay-child.ts, a process of its own) sends
// the recorded requests again, unchanged and doing nothing else: each device's requests in
// their order, the next sent when the last is answered, 16 devices at a time as the agent
// polls them. The replay is the agent's requests with as little client work as node allows:
// its wall time against the responder-bound minimum is what the requests themselves cost,
// and the agent's wall time against the replay's is what the agent's own work adds.
// Replays alternate with the agent polling snmpsim directly, as bench/poller.ts runs it,
// each timed between two calibrations. Every replay must get back exactly the varbinds the
// recorded poll got. Client CPU is the agent's whole process (start-up and delivery
// included) and the replayer's replay alone (its start-up and reading the file excluded).
//
//   npx tsx bench/poller/request-floor.ts [--devices 500] [--rounds 2]
import { createSocket } from 'node:dgram';
import type { Socket } from 'node:dgram';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { decodeMessage } from '../../agent/src/snmp/ber.ts';
import { measureResponder } from './calibrate.ts';
import type { ResponderRate } from './calibrate.ts';
import { runMeasured } from './measure.ts';
import { wholeNumberOption } from './options.ts';
import type { DevicePlan } from './plan.ts';
import { countCheck, median } from './print.ts';
import type { RecordedDevice } from './replay-child.ts';
import { bundleChild, bundleDeployedAgent, runAgent } from './runners.ts';
import { startBenchFleet } from './bench-fleet.ts';

const { values: opts } = parseArgs({
  options: {
    devices: { type: 'string', default: '500' },
    'county-aps': { type: 'string', default: '500' },
    processes: { type: 'string', default: '8' },
    rounds: { type: 'string', default: '2' },
  },
});
const devicesN = wholeNumberOption('devices', opts.devices, 1);
const rounds = wholeNumberOption('rounds', opts.rounds, 1);
const processes = wholeNumberOption('processes', opts.processes, 1);

/** The relay's address for device i: 127.40.0.0/16, beside snmpsim's 127.20–27. */
const relayHost = (i: number): string => `127.40.${Math.floor(i / 250)}.${(i % 250) + 1}`;

interface Recording {
  /** Per device, in plan order: its request datagrams as the agent sent them. */
  readonly requests: Buffer[][];
  /** Varbinds in the answers the relay passed back: what every replay must get too. */
  served(): number;
  close(): Promise<void>;
}

/**
 * One relay socket per device, where the agent is told the device is; each forwards what it
 * gets to the device's snmpsim endpoint from a socket of its own and sends the answer back.
 */
async function startRelay(plans: readonly DevicePlan[]): Promise<{
  recording: Recording;
  endpoints: { host: string; port: number }[];
}> {
  const requests: Buffer[][] = plans.map(() => []);
  let served = 0;
  const sockets: Socket[] = [];
  const endpoints: { host: string; port: number }[] = [];
  for (const [i, plan] of plans.entries()) {
    const front = createSocket('udp4');
    const back = createSocket('udp4');
    sockets.push(front, back);
    let client: { address: string; port: number } | undefined;
    front.on('message', (msg, rinfo) => {
      client = { address: rinfo.address, port: rinfo.port };
      requests[i]?.push(Buffer.from(msg));
      back.send(msg, plan.port, plan.host);
    });
    back.on('message', (msg) => {
      served += decodeMessage(msg).count;
      if (client !== undefined) front.send(msg, client.port, client.address);
    });
    front.bind(0, relayHost(i));
    back.bind(0, '127.0.0.1');
    await Promise.all([once(front, 'listening'), once(back, 'listening')]);
    endpoints.push({ host: relayHost(i), port: front.address().port });
  }
  return {
    recording: {
      requests,
      served: () => served,
      close: async () => {
        await Promise.all(sockets.map((s) => new Promise<void>((r) => s.close(() => r()))));
      },
    },
    endpoints,
  };
}

interface Replay {
  readonly wallS: number;
  /** The replay's own CPU, its start-up and reading the recording excluded. */
  readonly cpuS: number;
  readonly sleeps: number;
  readonly requests: number;
  /** Varbinds in the answers, past-the-end values included. */
  readonly served: number;
  readonly resent: number;
}

/** Runs replay-child.ts over the recording, as a process of its own. */
async function replay(bundle: string, recordingFile: string): Promise<Replay> {
  const cost = await runMeasured(process.execPath, [bundle, recordingFile]);
  if (cost.exitCode !== 0)
    throw new Error(`the replayer exited with ${cost.exitCode}: ${cost.stderr}`);
  const out = JSON.parse(cost.stdout) as Omit<Replay, 'sleeps'>;
  return { ...out, sleeps: cost.sleeps };
}

/** The two clients timed against each other. */
type Client = 'replay' | 'agent';

const cores = availableParallelism();
const { dir, fleet, sim, plans, expected, cleanUp } = await startBenchFleet(
  'xw-floor-',
  { devices: devicesN, countyAps: Number(opts['county-aps']) },
  processes,
);
try {
  const agentBundle = path.join(dir, 'xiaowang-agent.mjs');
  await bundleDeployedAgent(agentBundle);
  const ctx = { dir, agentBundle, nodeFlags: [], plans };

  // The recording poll also touches every walk once, as bench/poller.ts's first pass does.
  const relay = await startRelay(plans);
  const relayed = plans.map((plan, i) => ({ ...plan, ...relay.endpoints[i] }));
  let recordRun;
  try {
    recordRun = await runAgent(ctx, 'poll', relayed);
  } finally {
    // Open sockets would keep the bench alive after a failed poll.
    await relay.recording.close();
  }
  const failures = countCheck(recordRun, relayed);
  if (failures.length > 0) throw new Error(`the recording poll missed values: ${failures[0]}`);
  const recorded = relay.recording.requests;
  const recordedRequests = recorded.reduce((n, r) => n + r.length, 0);
  const recordedServed = relay.recording.served();
  console.log(
    `fleet: ${fleet.length} devices, ${expected} values; the agent's poll recorded ${recordedRequests} requests (${recordRun.requests ?? '?'} by its own count)`,
  );
  const recordingFile = path.join(dir, 'requests.json');
  const recording: RecordedDevice[] = plans.map((plan, i) => ({
    host: plan.host,
    port: plan.port,
    requests: (recorded[i] ?? []).map((datagram) => datagram.toString('base64')),
  }));
  writeFileSync(recordingFile, JSON.stringify(recording));
  const replayBundle = path.join(dir, 'replay-child.mjs');
  await bundleChild('replay-child.ts', replayBundle);

  let before: ResponderRate = await measureResponder(sim, fleet);
  const rows: {
    round: number;
    what: Client;
    wallS: number;
    wallRatio: number;
    responder: number;
  }[] = [];
  const minimum = (us: number): number => (expected * us) / 1e6 / cores;
  console.log(
    '| round | client | wall s | wall / min | client CPU s | sleeps | requests | values served | past the plan | responder µs/value (× calibrated) |',
  );
  console.log(
    '| ----- | ------ | ------ | ---------- | ------------ | ------ | -------- | ------------- | ------------- | --------------------------------- |',
  );
  /** One timed pass of a client: what the table shows of it besides the responder's side. */
  interface Pass {
    readonly wallS: number;
    readonly clientCpuS: number;
    readonly sleeps: number;
    readonly requests: string;
    readonly served: string;
    readonly past: string;
  }
  const replayPass = async (): Promise<Pass> => {
    const r = await replay(replayBundle, recordingFile);
    // The same requests to the same walks: anything else is not the same work.
    if (r.served !== recordedServed || r.requests !== recordedRequests) {
      throw new Error(
        `the replay got ${r.served} values in ${r.requests} answers, the recorded poll ${recordedServed} in ${recordedRequests}`,
      );
    }
    return {
      wallS: r.wallS,
      clientCpuS: r.cpuS,
      sleeps: r.sleeps,
      requests: `${r.requests}${r.resent > 0 ? ` (${r.resent} resent)` : ''}`,
      served: String(r.served),
      past: `${(((r.served - expected) / expected) * 100).toFixed(1)} %`,
    };
  };
  const agentPass = async (): Promise<Pass> => {
    const run = await runAgent(ctx, 'poll');
    const missed = countCheck(run, plans);
    if (missed.length > 0) throw new Error(`the agent missed values: ${missed[0]}`);
    return {
      wallS: run.cost.wallS,
      clientCpuS: run.cost.cpuS,
      sleeps: run.cost.sleeps,
      requests: String(run.requests ?? '?'),
      served: '–',
      past: '–',
    };
  };
  for (let round = 1; round <= rounds; round++) {
    const order: Client[] = round % 2 === 1 ? ['replay', 'agent'] : ['agent', 'replay'];
    for (const what of order) {
      const cpu0 = sim.cpuSeconds();
      const pass = what === 'replay' ? await replayPass() : await agentPass();
      const responderCpuS = sim.cpuSeconds() - cpu0;
      const after = await measureResponder(sim, fleet);
      const calibrated = (before.cpuUsPerValue + after.cpuUsPerValue) / 2;
      before = after;
      const responderUs = (responderCpuS * 1e6) / expected;
      const wallRatio = pass.wallS / minimum(calibrated);
      rows.push({ round, what, wallS: pass.wallS, wallRatio, responder: responderUs / calibrated });
      console.log(
        `| ${round} | ${what} | ${pass.wallS.toFixed(2)} | ${wallRatio.toFixed(2)} | ${pass.clientCpuS.toFixed(2)} | ${pass.sleeps} | ${pass.requests} | ${pass.served} | ${pass.past} | ${responderUs.toFixed(1)} (${(responderUs / calibrated).toFixed(2)}×) |`,
      );
    }
  }
  // Within a round the two ran back to back, so their ratio is free of the calibration's drift.
  const pairs = Array.from({ length: rounds }, (_, k) => {
    const agent = rows.find((r) => r.round === k + 1 && r.what === 'agent');
    const replayed = rows.find((r) => r.round === k + 1 && r.what === 'replay');
    return agent === undefined || replayed === undefined ? 0 : agent.wallS / replayed.wallS;
  });
  console.log(
    `agent wall ÷ replay wall, round by round: ${pairs.map((x) => x.toFixed(2)).join(', ')} (median ${median(pairs).toFixed(2)})`,
  );
  for (const what of ['replay', 'agent'] as const) {
    const mine = rows.filter((r) => r.what === what);
    console.log(
      `${what}: median wall / responder-bound minimum ${median(mine.map((r) => r.wallRatio)).toFixed(2)}, responder at ${median(mine.map((r) => r.responder)).toFixed(2)}× its calibrated cost`,
    );
  }
} finally {
  await cleanUp();
}
