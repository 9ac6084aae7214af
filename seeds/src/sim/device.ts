import type { Varbind } from '@xiaowang/shared/varbind';
import type { VarbindValue } from './ber.ts';
import { MibStore } from './mib-store.ts';
import type { ValueProvider } from './mib-store.ts';
import { parseOidText } from './oid-text.ts';

/** Misbehaviour one simulated device shows; every field is optional and can change at run time. */
export interface DeviceFaults {
  /** Answers this many requests (counted from when the faults were set), then goes silent. */
  readonly silentAfterRequests?: number;
  /** Waits this long before each answer. */
  readonly delayMs?: number;
  /** Ignores every nth request (counted from when the faults were set). */
  readonly dropEveryNth?: number;
  /** From this OID on, GETNEXT/GETBULK keep returning the first OID at or after it. */
  readonly loopAt?: string;
  /** From this OID on, GETNEXT/GETBULK answer with an OID before the one asked for. */
  readonly backwardsAt?: string;
  /** Answers tooBig instead of a response carrying more than this many varbinds. */
  readonly tooBigOverVarbinds?: number;
  /** Silently drops a response longer than this many bytes. */
  readonly maxResponseBytes?: number;
  /** Answers with bytes that are not BER. */
  readonly garbageReply?: boolean;
  /** Answers with request-id + 1, which a manager must discard. */
  readonly wrongRequestId?: boolean;
}

export interface DeviceStats {
  /** Requests that reached this device (community matched). */
  readonly requests: number;
  /** Datagrams sent back, garbage included. */
  readonly responses: number;
  /** Requests left unanswered: faults, oversize, unsupported PDUs. */
  readonly dropped: number;
}

const COUNT_FIELDS = [
  'silentAfterRequests',
  'delayMs',
  'dropEveryNth',
  'tooBigOverVarbinds',
  'maxResponseBytes',
] as const;

function checkFaults(faults: DeviceFaults): void {
  for (const field of COUNT_FIELDS) {
    const value = faults[field];
    const min = field === 'dropEveryNth' ? 1 : 0;
    if (value !== undefined && (!Number.isInteger(value) || value < min)) {
      throw new RangeError(`fault ${field} must be an integer >= ${min}, got ${value}`);
    }
  }
}

function faultOid(
  field: 'loopAt' | 'backwardsAt',
  text: string | undefined,
): Uint32Array | undefined {
  if (text === undefined) return undefined;
  const subs = parseOidText(text);
  if (subs === undefined) throw new RangeError(`fault ${field} is not an OID: ${text}`);
  return subs;
}

/** One simulated agent: its OIDs, its faults and its counters. */
export class SimDevice {
  readonly name: string;
  readonly store: MibStore;
  readonly #clock: () => number;
  #faults: DeviceFaults = {};
  #loopSubs: Uint32Array | undefined;
  #backwardsSubs: Uint32Array | undefined;
  #faultBase = 0;
  #requests = 0;
  #responses = 0;
  #dropped = 0;

  constructor(name: string, varbinds: Iterable<Varbind>, clock: () => number = Date.now) {
    this.name = name;
    this.store = new MibStore(varbinds);
    this.#clock = clock;
  }

  set(oid: string, source: VarbindValue | ValueProvider): void {
    this.store.set(oid, source);
  }

  delete(oid: string): boolean {
    return this.store.delete(oid);
  }

  replaceAll(varbinds: Iterable<Varbind>): void {
    this.store.replaceAll(varbinds);
  }

  /** The value a GET would be served now, or undefined. */
  get(oid: string): Varbind | undefined {
    return this.store.get(oid, this.#clock());
  }

  get faults(): DeviceFaults {
    return { ...this.#faults };
  }

  get loopSubs(): Uint32Array | undefined {
    return this.#loopSubs;
  }

  get backwardsSubs(): Uint32Array | undefined {
    return this.#backwardsSubs;
  }

  /** Replaces all faults (pass `{}` to clear); request counting for them restarts now. */
  setFaults(faults: DeviceFaults): void {
    checkFaults(faults);
    this.#loopSubs = faultOid('loopAt', faults.loopAt);
    this.#backwardsSubs = faultOid('backwardsAt', faults.backwardsAt);
    this.#faults = { ...faults };
    this.#faultBase = this.#requests;
  }

  get stats(): DeviceStats {
    return { requests: this.#requests, responses: this.#responses, dropped: this.#dropped };
  }

  resetStats(): void {
    this.#requests = 0;
    this.#responses = 0;
    this.#dropped = 0;
    this.#faultBase = 0;
  }

  /** Counts a request and says whether the faults let it through. */
  admitRequest(): boolean {
    this.#requests++;
    const seen = this.#requests - this.#faultBase;
    const { silentAfterRequests, dropEveryNth } = this.#faults;
    const silent = silentAfterRequests !== undefined && seen > silentAfterRequests;
    const dropped = dropEveryNth !== undefined && seen % dropEveryNth === 0;
    if (silent || dropped) this.#dropped++;
    return !silent && !dropped;
  }

  noteResponse(): void {
    this.#responses++;
  }

  noteDropped(): void {
    this.#dropped++;
  }
}
