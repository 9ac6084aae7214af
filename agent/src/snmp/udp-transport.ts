import { createSocket } from 'node:dgram';
import type { RemoteInfo, Socket } from 'node:dgram';
import { lookup } from 'node:dns';
import type { LookupOneOptions } from 'node:dns';
import { isIP } from 'node:net';
import type { DecodedResponse } from './ber.ts';
import { decodeMessage, NotSnmpError } from './ber.ts';

/** Where a request goes: an IP address (never a name) and a port. */
export interface UdpEndpoint {
  readonly address: string;
  readonly port: number;
  readonly family: 4 | 6;
}

export type Exchange =
  | { readonly kind: 'reply'; readonly message: DecodedResponse }
  | { readonly kind: 'timeout'; readonly lastInvalid?: InvalidDatagram }
  | { readonly kind: 'error'; readonly error: NodeJS.ErrnoException };

interface Pending {
  readonly endpoint: UdpEndpoint;
  readonly resolve: (exchange: Exchange) => void;
  readonly timer: NodeJS.Timeout;
}

const keyOf = (address: string, port: number): string => `${address}|${port}`;

/** The last datagram from an endpoint that could not be decoded, for a timeout to name. */
export interface InvalidDatagram {
  readonly message: string;
  /** It did not begin as an SNMP message at all (NotSnmpError): another service answers. */
  readonly notSnmp: boolean;
}

/**
 * dgram passes the address of every send through `lookup`, dns.lookup by default, which
 * answers even an IP address on the next tick. Requests here always go to an IP address
 * (clients resolve a name once, before their first request), so it is answered at once: a
 * tick and a closure fewer for each of a county cycle's 14,000 requests.
 */
function addressLookup(
  hostname: string,
  options: LookupOneOptions,
  callback: (error: NodeJS.ErrnoException | null, address: string, family: number) => void,
): void {
  const family = isIP(hostname);
  if (family === 0) lookup(hostname, options, callback);
  else callback(null, hostname, family);
}

/**
 * One UDP socket per address family for every device the process polls, instead of one per
 * device: replies are matched to requests by request-id and checked against the address
 * and port they were sent to. The socket keeps the process alive only while requests wait.
 */
export class UdpTransport {
  readonly #sockets = new Map<4 | 6, Socket>();
  readonly #pending = new Map<number, Pending>();
  /** What the last undecodable datagram from an endpoint was, for the timeout message. */
  readonly #invalid = new Map<string, InvalidDatagram>();
  #nextId = Math.floor(Math.random() * 0x3fffffff) + 1;

  #socket(family: 4 | 6): Socket {
    let socket = this.#sockets.get(family);
    if (socket !== undefined) return socket;
    socket = createSocket({ type: family === 6 ? 'udp6' : 'udp4', lookup: addressLookup });
    socket.on('message', (buf: Buffer, rinfo: RemoteInfo) => this.#onMessage(buf, rinfo));
    // A send error arrives through the send callback; errors here concern the socket itself.
    socket.on('error', () => this.#drop(family));
    socket.unref();
    this.#sockets.set(family, socket);
    return socket;
  }

  #drop(family: 4 | 6): void {
    const socket = this.#sockets.get(family);
    this.#sockets.delete(family);
    try {
      socket?.close();
    } catch {
      // already closed
    }
  }

  #onMessage(buf: Buffer, rinfo: RemoteInfo): void {
    let message: DecodedResponse;
    try {
      message = decodeMessage(buf);
    } catch (error) {
      this.#invalid.set(keyOf(rinfo.address, rinfo.port), {
        message: (error as Error).message,
        notSnmp: error instanceof NotSnmpError,
      });
      return;
    }
    const pending = this.#pending.get(message.requestId);
    // A reply from anywhere but the device we asked is not an answer.
    if (pending === undefined) return;
    if (pending.endpoint.address !== rinfo.address || pending.endpoint.port !== rinfo.port) return;
    this.#settle(message.requestId, { kind: 'reply', message });
  }

  #settle(id: number, exchange: Exchange): void {
    const pending = this.#pending.get(id);
    if (pending === undefined) return;
    this.#pending.delete(id);
    clearTimeout(pending.timer);
    if (this.#pending.size === 0) for (const socket of this.#sockets.values()) socket.unref();
    // Checked first: the key is a string made for the lookup, and replies are the common case.
    if (exchange.kind === 'reply' && this.#invalid.size > 0)
      this.#invalid.delete(keyOf(pending.endpoint.address, pending.endpoint.port));
    pending.resolve(exchange);
  }

  /** A fresh request-id, never one still waiting for its reply. */
  nextRequestId(): number {
    do {
      this.#nextId = this.#nextId >= 0x7fffffff ? 1 : this.#nextId + 1;
    } while (this.#pending.has(this.#nextId));
    return this.#nextId;
  }

  /** Sends one datagram and waits for the reply carrying `requestId`, or the timeout. */
  exchange(
    endpoint: UdpEndpoint,
    requestId: number,
    datagram: Buffer,
    timeoutMs: number,
  ): Promise<Exchange> {
    return new Promise((resolve) => {
      const socket = this.#socket(endpoint.family);
      const timer = setTimeout(() => {
        const lastInvalid = this.#invalid.get(keyOf(endpoint.address, endpoint.port));
        this.#settle(
          requestId,
          lastInvalid === undefined ? { kind: 'timeout' } : { kind: 'timeout', lastInvalid },
        );
      }, timeoutMs);
      this.#pending.set(requestId, { endpoint, resolve, timer });
      socket.ref();
      socket.send(datagram, endpoint.port, endpoint.address, (error) => {
        if (error !== null) this.#settle(requestId, { kind: 'error', error });
      });
    });
  }
}

/** The process-wide transport: every client shares its sockets. */
export const sharedTransport = new UdpTransport();
