import dgram from 'node:dgram';
import type { RemoteInfo } from 'node:dgram';
import net from 'node:net';
import type { Varbind } from '@xiaowang/shared/varbind';
import { decodeMessage, encodeMessageWith } from './ber.ts';
import { SimDevice } from './device.ts';
import { answerRequest } from './pdu-handler.ts';

export interface SnmpResponderOptions {
  /** Loopback only: 127.0.0.0/8 or ::1. Default 127.0.0.1. */
  readonly host?: string;
  /** 0 (the default) picks a free port; read it back from `responder.port`. */
  readonly port?: number;
  /** Devices to serve from the start, by community string. */
  readonly devices?: ReadonlyMap<string, Iterable<Varbind>> | Record<string, Iterable<Varbind>>;
  /** Larger responses are silently not sent, as snmpsim does. Default 65507. */
  readonly maxDatagramSize?: number;
  /** GETBULK responses carry at most this many varbinds. Default 64, as snmpsim. */
  readonly maxVarbinds?: number;
  /** Time source in ms for value providers. Default Date.now. */
  readonly clock?: () => number;
}

export interface ResponderStats {
  readonly packets: number;
  /** Datagrams that did not decode as SNMPv1/v2c. */
  readonly badPackets: number;
  /** Requests whose community names no device: not answered, like snmpsim. */
  readonly unknownCommunity: number;
  readonly responses: number;
  /** Failed sends and unexpected exceptions while answering; the responder stays up. */
  readonly errors: number;
}

export interface SnmpResponder {
  readonly host: string;
  readonly port: number;
  readonly stats: ResponderStats;
  device(name: string): SimDevice | undefined;
  addDevice(name: string, varbinds: Iterable<Varbind>): SimDevice;
  removeDevice(name: string): boolean;
  deviceNames(): string[];
  close(): Promise<void>;
}

/** Thrown when asked to listen anywhere but loopback. */
export class NonLoopbackAddressError extends Error {
  override readonly name = 'NonLoopbackAddressError';
}

const LOOPBACK = new net.BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** Throws unless `host` is a literal loopback address; the simulator must never face a network. */
export function assertLoopback(host: string): 4 | 6 {
  const family = net.isIP(host);
  if (family === 4 || family === 6) {
    if (LOOPBACK.check(host, family === 4 ? 'ipv4' : 'ipv6')) return family;
  }
  throw new NonLoopbackAddressError(
    `the SNMP simulator listens on loopback only (127.0.0.0/8 or ::1), not ${JSON.stringify(host)}`,
  );
}

// Starts like a SEQUENCE but claims 2 GB of content: not a message any manager can parse.
const GARBAGE = Buffer.from([0x30, 0x84, 0x7f, 0xff, 0xff, 0xff, 0x02, 0x01, 0x00, 0xde, 0xad]);

/** Community bytes as a map key; latin1 keeps arbitrary bytes distinct. */
function communityKey(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

function keyOfName(name: string): string {
  return communityKey(Buffer.from(name, 'utf8'));
}

function checkLimit(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(`${name} must be an integer >= ${min}, got ${value}`);
  }
  return value;
}

class Responder implements SnmpResponder {
  readonly host: string;
  readonly #socket: dgram.Socket;
  readonly #devices = new Map<string, SimDevice>();
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #clock: () => number;
  readonly #maxDatagram: number;
  readonly #maxVarbinds: number;
  #closed = false;
  #stats = { packets: 0, badPackets: 0, unknownCommunity: 0, responses: 0, errors: 0 };

  constructor(host: string, socket: dgram.Socket, options: SnmpResponderOptions) {
    this.host = host;
    this.#socket = socket;
    this.#clock = options.clock ?? Date.now;
    this.#maxDatagram = checkLimit('maxDatagramSize', options.maxDatagramSize ?? 65507, 1);
    this.#maxVarbinds = checkLimit('maxVarbinds', options.maxVarbinds ?? 64, 1);
    socket.on('message', (msg, rinfo) => {
      try {
        this.#onMessage(msg, rinfo);
      } catch {
        this.#stats.errors++;
      }
    });
  }

  get port(): number {
    return this.#socket.address().port;
  }

  get stats(): ResponderStats {
    return { ...this.#stats };
  }

  device(name: string): SimDevice | undefined {
    return this.#devices.get(keyOfName(name));
  }

  addDevice(name: string, varbinds: Iterable<Varbind>): SimDevice {
    const key = keyOfName(name);
    if (this.#devices.has(key)) throw new Error(`device ${JSON.stringify(name)} already exists`);
    const device = new SimDevice(name, varbinds, this.#clock);
    this.#devices.set(key, device);
    return device;
  }

  removeDevice(name: string): boolean {
    return this.#devices.delete(keyOfName(name));
  }

  deviceNames(): string[] {
    return [...this.#devices.values()].map((device) => device.name);
  }

  close(): Promise<void> {
    if (this.#closed) return Promise.resolve();
    this.#closed = true;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    return new Promise((resolve) => this.#socket.close(() => resolve()));
  }

  #onMessage(msg: Buffer, rinfo: RemoteInfo): void {
    this.#stats.packets++;
    const decoded = decodeMessage(msg);
    if (!decoded.ok) {
      this.#stats.badPackets++;
      return;
    }
    const { message } = decoded;
    const device = this.#devices.get(communityKey(message.community));
    if (device === undefined) {
      this.#stats.unknownCommunity++;
      return;
    }
    if (!device.admitRequest()) return;
    const faults = device.faults;
    const answer = answerRequest(device.store, message, {
      now: this.#clock(),
      maxVarbinds: this.#maxVarbinds,
      loopAt: device.loopSubs,
      backwardsAt: device.backwardsSubs,
      tooBigOverVarbinds: faults.tooBigOverVarbinds,
    });
    if (answer.kind === 'ignore') {
      device.noteDropped();
      return;
    }
    const requestId = faults.wrongRequestId === true ? (answer.head.requestId + 1) | 0 : undefined;
    const head = requestId === undefined ? answer.head : { ...answer.head, requestId };
    const bytes = faults.garbageReply === true ? GARBAGE : encodeMessageWith(head, answer.varbinds);
    const limit = Math.min(this.#maxDatagram, faults.maxResponseBytes ?? Infinity);
    if (bytes.length > limit) {
      device.noteDropped();
      return;
    }
    const send = (): void => {
      if (this.#closed) return;
      device.noteResponse();
      this.#stats.responses++;
      this.#socket.send(bytes, rinfo.port, rinfo.address, (error) => {
        if (error !== null) this.#stats.errors++;
      });
    };
    const delay = faults.delayMs ?? 0;
    if (delay <= 0) {
      send();
      return;
    }
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      send();
    }, delay);
    this.#timers.add(timer);
  }
}

function closeQuietly(socket: dgram.Socket): void {
  try {
    socket.close();
  } catch {
    // A socket whose bind failed may already be closed.
  }
}

type DeviceTable = NonNullable<SnmpResponderOptions['devices']>;

function isDeviceMap(devices: DeviceTable): devices is ReadonlyMap<string, Iterable<Varbind>> {
  return devices instanceof Map;
}

function addInitialDevices(responder: SnmpResponder, devices: DeviceTable | undefined): void {
  if (devices === undefined) return;
  const entries = isDeviceMap(devices) ? [...devices] : Object.entries(devices);
  for (const [name, varbinds] of entries) responder.addDevice(name, varbinds);
}

/**
 * Starts an SNMPv1/v2c agent simulator on loopback UDP. Devices are chosen by community string;
 * an unknown community is never answered. Resolves once the socket is bound.
 */
export async function startSnmpResponder(
  options: SnmpResponderOptions = {},
): Promise<SnmpResponder> {
  const host = options.host ?? '127.0.0.1';
  const family = assertLoopback(host);
  const port = checkLimit('port', options.port ?? 0, 0);
  if (port > 65535) throw new RangeError(`port must be at most 65535, got ${port}`);
  const socket = dgram.createSocket({ type: family === 6 ? 'udp6' : 'udp4' });
  try {
    const responder = new Responder(host, socket, options);
    addInitialDevices(responder, options.devices);
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(port, host, () => {
        socket.off('error', reject);
        resolve();
      });
    });
    // Later socket errors (ICMP unreachable and the like) must not crash the process.
    socket.on('error', () => undefined);
    return responder;
  } catch (error) {
    closeQuietly(socket);
    throw error;
  }
}
