// The replayer of bench/poller/request-floor.ts, in a process of its own so that its CPU
// and sleeps are a bare client's, not the bench's (whose heap holds the whole fleet).
// Sends every device's recorded requests again, unchanged: each device's in their order,
// the next one when the last is answered, 16 devices at a time as the agent polls them.
// Callbacks and one timer per device, no promise per request: it should cost as little as
// a client can. Prints one JSON line: requests answered, varbinds in the answers, resends,
// and the CPU and wall time of the replay alone (start-up and reading the file excluded).
// Usage: node replay-child.mjs requests.json
import { createSocket } from 'node:dgram';
import { readFileSync } from 'node:fs';
import { decodeMessage } from '../../agent/src/snmp/ber.ts';

/** The recording as request-floor.ts writes it: per device, its endpoint and its datagrams. */
export interface RecordedDevice {
  readonly host: string;
  readonly port: number;
  /** Base64, in the order the agent sent them. */
  readonly requests: readonly string[];
}

/** Devices polled at once: the agent's default schedule.concurrency. */
const IN_FLIGHT = 16;
/** A request unanswered this long is sent again; snmpsim on loopback answers in milliseconds. */
const RESEND_MS = 5000;
/** Sends of one request before the replay gives up: the responder is gone. */
const MAX_SENDS = 3;

const file = process.argv[2];
if (file === undefined) {
  console.error('usage: node replay-child.mjs requests.json');
  process.exit(2);
}
const devices = (JSON.parse(readFileSync(file, 'utf8')) as RecordedDevice[]).map((d) => ({
  host: d.host,
  port: d.port,
  datagrams: d.requests.map((r) => Buffer.from(r, 'base64')),
}));
// Request-ids read before the clock starts, not once a request.
const ids = devices.map((d) => d.datagrams.map((datagram) => decodeMessage(datagram).requestId));

let served = 0;
let requests = 0;
let resent = 0;

function replayDevice(index: number, done: () => void): void {
  const device = devices[index];
  const asks = ids[index];
  if (device === undefined || asks === undefined) {
    done();
    return;
  }
  const socket = createSocket('udp4');
  let at = 0;
  let asked = 0;
  let sends = 0;
  const send = (): void => {
    const datagram = device.datagrams[at];
    if (datagram === undefined) {
      clearTimeout(timer);
      socket.close();
      done();
      return;
    }
    asked = asks[at] ?? 0;
    socket.send(datagram, device.port, device.host);
    timer.refresh();
  };
  const timer = setTimeout(() => {
    if (++sends >= MAX_SENDS) {
      console.error(
        `no answer from ${device.host}:${device.port} to request ${at + 1} after ${MAX_SENDS} sends`,
      );
      process.exit(1);
    }
    resent++;
    send();
  }, RESEND_MS);
  socket.on('message', (msg) => {
    const answer = decodeMessage(msg);
    if (answer.requestId !== asked) return;
    served += answer.count;
    requests++;
    at++;
    sends = 0;
    send();
  });
  socket.bind(0, '127.0.0.1', send);
}

const cpu0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
let next = 0;
let running = 0;
let finished = false;
const startNext = (): void => {
  if (next >= devices.length) {
    if (running === 0 && !finished) finish();
    return;
  }
  running++;
  replayDevice(next++, () => {
    running--;
    startNext();
  });
};
function finish(): void {
  finished = true;
  const cpu = process.cpuUsage(cpu0);
  console.log(
    JSON.stringify({
      requests,
      served,
      resent,
      cpuS: (cpu.user + cpu.system) / 1e6,
      wallS: Number(process.hrtime.bigint() - t0) / 1e9,
    }),
  );
}
for (let k = 0; k < IN_FLIGHT; k++) startNext();
