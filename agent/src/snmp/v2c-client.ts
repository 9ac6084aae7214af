import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { OidRef, VarbindSpans } from './ber.ts';
import { cellAt, encodeRequest, isValue, PDU_TYPE, SNMP_V2C } from './ber.ts';
import type { BulkOutcome, BulkReadResult } from './bulk-read.ts';
import { bulkRead } from './bulk-read.ts';
import type { GetResult, SnmpClient, SnmpStats, WalkOptions, WalkResult } from './client.ts';
import { newStats } from './client.ts';
import type { SnmpTarget, SnmpTiming } from './credentials.ts';
import { DEFAULT_TIMING } from './credentials.ts';
import type { SnmpError } from './errors.ts';
import { snmpError, unreadableReplyError } from './errors.ts';
import { getPolicy, getWithRetries } from './get-with-retries.ts';
import { normaliseOid } from './oid.ts';
import type { InvalidDatagram, UdpEndpoint, UdpTransport } from './udp-transport.ts';
import { sharedTransport } from './udp-transport.ts';
import type { Varbind } from './varbind.ts';

const DEFAULT_MAX_ROWS = 200_000;
/** Values per GETBULK response; compliant agents trim a reply that would not fit. */
export const DEFAULT_MAX_VARBINDS = 64;
const SYS_UP_TIME = '1.3.6.1.2.1.1.3.0';
/** RFC 3416 error-status values we tell apart. */
const TOO_BIG = 1;
const NO_SUCH_NAME = 2;

export interface V2cTiming extends SnmpTiming {
  /** Values one GETBULK response may carry, over all its columns. */
  readonly maxVarbinds: number;
}

type Outcome = { ok: true; reply: VarbindSpans } | { ok: false; error: SnmpError };

/** Canonical text of an IP address, as the socket reports a sender. */
function canonical(address: string): string {
  return isIP(address) === 6 ? new URL(`http://[${address}]`).hostname.slice(1, -1) : address;
}

/**
 * SnmpClient for SNMPv2c over our own BER codec and the process-wide UDP socket. Besides
 * get and walk it reads a whole poll plan in shared GETBULK requests (`readPlan`).
 */
export class V2cClient implements SnmpClient {
  readonly stats: SnmpStats = newStats();
  /** Values per GETBULK that last worked for this device. */
  repetitions: number;
  /** The most a GETBULK may grow back to in this poll: below every size that failed. */
  #growTo: number;
  readonly #target: SnmpTarget;
  readonly #community: Uint8Array;
  readonly #timing: V2cTiming;
  readonly #transport: UdpTransport;
  #endpoint: Promise<UdpEndpoint> | undefined;
  #resolved: UdpEndpoint | undefined;
  #closed = false;

  constructor(
    target: SnmpTarget,
    community: string,
    timing: Partial<V2cTiming> = {},
    transport: UdpTransport = sharedTransport,
  ) {
    this.#target = target;
    this.#community = Buffer.from(community, 'utf8');
    // Named field by field: a spread copy gets a shape of its own per device, and the timing
    // is read on every request (docs/adr/0021).
    this.#timing = {
      timeoutMs: timing.timeoutMs ?? DEFAULT_TIMING.timeoutMs,
      retries: timing.retries ?? DEFAULT_TIMING.retries,
      maxRepetitions: timing.maxRepetitions ?? DEFAULT_MAX_VARBINDS,
      maxVarbinds: timing.maxVarbinds ?? DEFAULT_MAX_VARBINDS,
      deadline: timing.deadline,
    };
    this.repetitions = Math.max(1, Math.min(this.#timing.maxVarbinds, this.#timing.maxRepetitions));
    this.#growTo = this.repetitions;
    this.#transport = transport;
  }

  #resolve(): Promise<UdpEndpoint> {
    const { host, port } = this.#target;
    const family = isIP(host);
    if (family !== 0)
      return Promise.resolve({ address: canonical(host), port, family: family === 6 ? 6 : 4 });
    return lookup(host).then((found) => ({
      address: canonical(found.address),
      port,
      family: found.family === 6 ? 6 : 4,
    }));
  }

  #deadlinePassed(): boolean {
    return this.#timing.deadline !== undefined && Date.now() >= this.#timing.deadline;
  }

  /** One request, one try. */
  async #request(pduType: number, oids: readonly OidRef[], a = 0, b = 0): Promise<Outcome> {
    if (this.#closed) return { ok: false, error: snmpError('PROTOCOL', 'client closed') };
    let endpoint = this.#resolved;
    if (endpoint === undefined) {
      try {
        this.#endpoint ??= this.#resolve();
        endpoint = this.#resolved = await this.#endpoint;
      } catch (error) {
        return { ok: false, error: snmpError('UNREACHABLE', (error as Error).message) };
      }
    }
    let datagram: Buffer;
    const requestId = this.#transport.nextRequestId();
    try {
      datagram = encodeRequest(this.#community, pduType, requestId, oids, a, b);
    } catch (error) {
      return { ok: false, error: snmpError('PROTOCOL', (error as Error).message) };
    }
    this.stats.requests++;
    const exchange = await this.#transport.exchange(
      endpoint,
      requestId,
      datagram,
      this.#timing.timeoutMs,
    );
    if (exchange.kind === 'timeout') {
      this.stats.timeouts++;
      const timedOut = `request timed out after ${this.#timing.timeoutMs} ms`;
      return {
        ok: false,
        error: timeoutError(timedOut, exchange.lastInvalid),
      };
    }
    if (exchange.kind === 'error') {
      const code = exchange.error.code;
      const unreachable =
        code === 'ENETUNREACH' || code === 'EHOSTUNREACH' || code === 'EADDRNOTAVAIL';
      return {
        ok: false,
        error: snmpError(unreachable ? 'UNREACHABLE' : 'PROTOCOL', exchange.error.message),
      };
    }
    const m = exchange.message;
    if (
      m.version !== SNMP_V2C ||
      m.pduType !== PDU_TYPE.response ||
      !sameBytes(m.community, this.#community)
    ) {
      return {
        ok: false,
        error: snmpError('PROTOCOL', 'reply is not an SNMPv2c response for this community'),
      };
    }
    if (m.errorStatus === TOO_BIG)
      return { ok: false, error: snmpError('TOO_BIG', 'the reply would be too big (tooBig)') };
    if (m.errorStatus === NO_SUCH_NAME) {
      return {
        ok: false,
        error: snmpError('NO_SUCH_OBJECT', `noSuchName at varbind ${m.errorIndex}`),
      };
    }
    if (m.errorStatus !== 0) {
      return {
        ok: false,
        error: snmpError('PROTOCOL', `error-status ${m.errorStatus} at varbind ${m.errorIndex}`),
      };
    }
    return { ok: true, reply: m };
  }

  get(oids: readonly string[]): Promise<GetResult> {
    return getWithRetries(
      oids,
      async (asked) => {
        const outcome = await this.#request(PDU_TYPE.get, asked.map(normaliseOid));
        if (!outcome.ok) return outcome;
        const { reply } = outcome;
        const varbinds: (Varbind | undefined)[] = [];
        for (let i = 0; i < asked.length; i++) {
          const cell = i < reply.count ? cellAt(reply, i) : undefined;
          varbinds.push(cell !== undefined && isValue(cell) ? cell : undefined);
        }
        return { ok: true, varbinds };
      },
      getPolicy(this.#timing, this.stats),
    );
  }

  /**
   * Reads `.0` scalars and subtrees together (see bulk-read.ts). Other scalars, which a
   * GETNEXT cannot stand in for, are fetched with GET.
   */
  async readPlan(
    scalars: readonly string[],
    subtrees: readonly string[],
    options: WalkOptions = {},
  ): Promise<BulkReadResult> {
    const instances = scalars.map(normaliseOid);
    const zeros = instances.filter((oid) => oid.endsWith('.0'));
    const others = instances.filter((oid) => !oid.endsWith('.0'));
    // The request's own promise, not one wrapped around it: an async wrapper costs each of a
    // county cycle's 14,000 requests a promise, a generator and three more microtask turns.
    const send = (
      oids: readonly OidRef[],
      nonRepeaters: number,
      reps: number,
    ): Promise<BulkOutcome> => this.#request(PDU_TYPE.getBulk, oids, nonRepeaters, reps);
    const result = await bulkRead(send, zeros, subtrees, {
      maxVarbinds: this.repetitions,
      growTo: this.#growTo,
      maxRepetitions: this.#timing.maxRepetitions,
      retries: this.#timing.retries,
      maxRows: options.maxRows ?? DEFAULT_MAX_ROWS,
      deadlinePassed: () => this.#deadlinePassed(),
      isAlive: async () => (await this.get([SYS_UP_TIME])).error === undefined,
      onRetry: () => this.stats.retries++,
    });
    this.repetitions = result.maxVarbinds;
    this.#growTo = result.growTo;
    this.stats.varbinds += result.values;
    if (others.length === 0) return result;
    const got = await this.get(others);
    const scalarValues = new Map(result.scalars);
    const scalarErrors = new Map(result.scalarErrors);
    others.forEach((oid, i) => {
      scalarValues.set(oid, got.varbinds[i]);
      if (got.error !== undefined) scalarErrors.set(oid, got.error);
    });
    return { ...result, scalars: scalarValues, scalarErrors };
  }

  async walk(subtree: string, options: WalkOptions = {}): Promise<WalkResult> {
    const root = normaliseOid(subtree);
    const result = await this.readPlan([], [root], options);
    const walk = result.walks.get(root);
    // A plain result: a walk's caller may copy or compare it as data.
    if (walk === undefined) return { varbinds: [] };
    return walk.error === undefined
      ? { varbinds: walk.varbinds }
      : { varbinds: walk.varbinds, error: walk.error };
  }

  close(): void {
    this.#closed = true;
  }
}

/** A timeout, and what the device sent instead of an answer when it sent something. */
function timeoutError(timedOut: string, invalid: InvalidDatagram | undefined): SnmpError {
  return invalid === undefined
    ? snmpError('TIMEOUT', timedOut)
    : unreadableReplyError(timedOut, invalid.message, invalid.notSnmp);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
