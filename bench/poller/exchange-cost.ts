// What one UDP request and its reply cost a node process, answered at once and answered one
// at a time by a responder that is the bottleneck. Against snmpsim the agent's per-reply
// work doubles (BENCHMARKS.md, poller round 20) while the work it does in one piece per
// device does not. This script measures the floor of that per-reply cost: no SNMP, no
// checks, only node's dgram socket, a timer and a promise per request, as the agent's
// transport has them, so that what the agent pays above it is its own.
//
// Two responders run as child processes on 127.0.0.1: one answers each datagram at once,
// the other answers one queued datagram every --gap-ms, so that each reply wakes the
// client. The client keeps 16 requests in flight, as the agent does. Each row gives the
// client's own CPU per exchange (user + system, process.cpuUsage) and its sleeps
// (voluntary context switches) per exchange, the two responders alternated --rounds times.
// Usage: npx tsx bench/poller/exchange-cost.ts [--gap-ms 2] [--rounds 3]
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { wholeNumberOption } from './options.ts';

const { values: opts } = parseArgs({
  options: {
    'gap-ms': { type: 'string', default: '2' },
    rounds: { type: 'string', default: '3' },
  },
});
const gapMs = wholeNumberOption('gap-ms', opts['gap-ms'], 1);
const rounds = wholeNumberOption('rounds', opts.rounds, 1);
const IN_FLIGHT = 16;
const REPLY_BYTES = 1400;

// The responder: echoes each request's id (first four octets) in a reply of REPLY_BYTES,
// at once when GAP is 0, else one queued request every GAP ms. Prints its port.
const RESPONDER = `
const dgram = require('node:dgram');
const gap = Number(process.argv[1]);
const s = dgram.createSocket('udp4');
const queue = [];
const answer = (id, port) => {
  const out = Buffer.alloc(${REPLY_BYTES}, 7);
  out.writeUInt32BE(id, 0);
  s.send(out, port, '127.0.0.1');
};
s.on('message', (m, r) => {
  if (gap === 0) answer(m.readUInt32BE(0), r.port);
  else queue.push([m.readUInt32BE(0), r.port]);
});
if (gap > 0) setInterval(() => { const q = queue.shift(); if (q) answer(q[0], q[1]); }, gap);
s.bind(0, '127.0.0.1', () => console.log(s.address().port));
`;

async function startResponder(gap: number): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['-e', RESPONDER, String(gap)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (child.stdout === null) throw new Error('the responder has no stdout');
  const [line] = (await once(child.stdout, 'data')) as [Buffer];
  return { child, port: Number(line.toString().trim()) };
}

const socket = createSocket({
  type: 'udp4',
  // An address, never a name: answered at once, as the agent's transport does.
  lookup: (host, _options, callback) => callback(null, host, 4),
});
const pending = new Map<number, { resolve: (n: number) => void; timer: NodeJS.Timeout }>();
socket.on('message', (reply: Buffer) => {
  const id = reply.readUInt32BE(0);
  const p = pending.get(id);
  if (p === undefined) return;
  pending.delete(id);
  clearTimeout(p.timer);
  let sum = 0;
  for (let i = 0; i < reply.length; i += 64) sum += reply[i] ?? 0;
  p.resolve(sum);
});
let nextId = 1;
const request = Buffer.alloc(80, 1);

function exchange(port: number): Promise<number> {
  return new Promise((resolve) => {
    const id = nextId++;
    const datagram = Buffer.from(request);
    datagram.writeUInt32BE(id, 0);
    const timer = setTimeout(() => {
      pending.delete(id);
      resolve(-1);
    }, 10_000);
    pending.set(id, { resolve, timer });
    // dgram reports a send error only to a callback, so the agent always passes one.
    socket.send(datagram, port, '127.0.0.1', (error) => {
      if (error !== null) throw error;
    });
  });
}

/** CPU µs and sleeps per exchange for `count` exchanges, IN_FLIGHT at a time. */
async function measure(port: number, count: number): Promise<[number, number]> {
  let started = 0;
  const worker = async (): Promise<void> => {
    while (started < count) {
      started++;
      const got = await exchange(port);
      if (got < 0) throw new Error('a request timed out: the responder stopped answering');
    }
  };
  const switches0 = process.resourceUsage().voluntaryContextSwitches;
  const cpu0 = process.cpuUsage();
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  const cpu = process.cpuUsage(cpu0);
  const switches = process.resourceUsage().voluntaryContextSwitches - switches0;
  return [(cpu.user + cpu.system) / count, switches / count];
}

const prompt = await startResponder(0);
const paced = await startResponder(gapMs);
const rows: string[] = [];
try {
  // Warm up, so that no row pays for compiling the client.
  await measure(prompt.port, 4000);
  for (let round = 1; round <= rounds; round++) {
    const [promptUs, promptSleeps] = await measure(prompt.port, 16_000);
    // About 6 s at any gap.
    const [pacedUs, pacedSleeps] = await measure(paced.port, Math.round(6000 / gapMs));
    rows.push(
      `| ${round} | ${promptUs.toFixed(1)} | ${promptSleeps.toFixed(2)} | ${pacedUs.toFixed(1)} | ${pacedSleeps.toFixed(2)} | ${(pacedUs - promptUs).toFixed(1)} |`,
    );
  }
} finally {
  prompt.child.kill();
  paced.child.kill();
  socket.close();
}
console.log(
  `${IN_FLIGHT} requests in flight; client CPU µs per exchange (user + system) and sleeps per exchange`,
);
console.log(
  `| round | answered at once: µs | sleeps | one reply every ${gapMs} ms: µs | sleeps | paced − prompt µs |`,
);
console.log(
  '| ----- | -------------------- | ------ | ---------------------- | ------ | ----------------- |',
);
for (const row of rows) console.log(row);
