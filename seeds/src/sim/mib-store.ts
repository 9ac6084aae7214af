import type { Varbind } from '@xiaowang/shared/varbind';
import { encodeVarbind, oidSubs } from './ber.ts';
import type { VarbindValue } from './ber.ts';
import { oidContent } from './ber-core.ts';
import { compareSubs, isBelow } from './oid-text.ts';

/**
 * Computes a value at request time (a counter that grows, sysUpTime from a clock).
 * `now` is the responder clock in ms. Returning undefined hides the OID for that request.
 */
export type ValueProvider = (now: number, oid: string) => VarbindValue | undefined;

export interface StoreEntry {
  readonly oid: string;
  readonly subs: Uint32Array;
  /** The static value; undefined for an entry served by a provider. */
  readonly value: VarbindValue | undefined;
  readonly provider: ValueProvider | undefined;
  /** The encoded varbind of a static entry, built once when it is stored. */
  readonly encoded: Buffer | undefined;
}

/** A value resolved for one request, ready to send. */
export interface ResolvedEntry {
  readonly entry: StoreEntry;
  readonly value: VarbindValue;
  readonly encoded: Buffer;
}

function makeEntry(oid: string, source: VarbindValue | ValueProvider): StoreEntry {
  const subs = oidSubs(oid);
  const text = oid.startsWith('.') ? oid.slice(1) : oid;
  if (typeof source === 'function') {
    oidContent(subs); // Fails now, not at request time, on an OID BER cannot carry.
    return { oid: text, subs, value: undefined, provider: source, encoded: undefined };
  }
  const encoded = encodeVarbind(subs, source);
  return { oid: text, subs, value: source, provider: undefined, encoded };
}

/**
 * The OIDs one simulated device serves, kept sorted by sub-ids so GET and GETNEXT are binary
 * searches. Static values are encoded once on insert; providers run per request.
 */
export class MibStore {
  #entries: StoreEntry[] = [];

  constructor(varbinds: Iterable<Varbind> = []) {
    this.replaceAll(varbinds);
  }

  get size(): number {
    return this.#entries.length;
  }

  /** Replaces the whole content; a later duplicate OID wins. Throws on an unencodable value. */
  replaceAll(varbinds: Iterable<Varbind>): void {
    const entries: StoreEntry[] = [];
    for (const vb of varbinds) entries.push(makeEntry(vb.oid, vb));
    entries.sort((a, b) => compareSubs(a.subs, b.subs));
    const unique: StoreEntry[] = [];
    for (const entry of entries) {
      const last = unique[unique.length - 1];
      if (last !== undefined && compareSubs(last.subs, entry.subs) === 0) {
        unique[unique.length - 1] = entry;
      } else unique.push(entry);
    }
    this.#entries = unique;
  }

  /** Adds or replaces one OID with a static value or a provider. */
  set(oid: string, source: VarbindValue | ValueProvider): void {
    const entry = makeEntry(oid, source);
    const i = this.lowerBound(entry.subs);
    const found = this.#entries[i];
    if (found !== undefined && compareSubs(found.subs, entry.subs) === 0) this.#entries[i] = entry;
    else this.#entries.splice(i, 0, entry);
  }

  delete(oid: string): boolean {
    const i = this.indexOf(oidSubs(oid));
    if (i < 0) return false;
    this.#entries.splice(i, 1);
    return true;
  }

  /** The value served right now for `oid`, or undefined when absent. */
  get(oid: string, now: number): Varbind | undefined {
    const entry = this.#entries[this.indexOf(oidSubs(oid))];
    const resolved = entry === undefined ? undefined : this.resolve(entry, now);
    return resolved === undefined ? undefined : { ...resolved.value, oid: resolved.entry.oid };
  }

  /** All OIDs in serving order. */
  oids(): string[] {
    return this.#entries.map((entry) => entry.oid);
  }

  at(index: number): StoreEntry | undefined {
    return this.#entries[index];
  }

  /** Index of the first entry >= the first `length` sub-ids of `subs`. */
  lowerBound(subs: Uint32Array, length = subs.length): number {
    let lo = 0;
    let hi = this.#entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const entry = this.#entries[mid];
      if (entry !== undefined && compareSubs(entry.subs, subs, length) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the last entry <= `subs`, -1 when there is none: where a GETNEXT starts from. */
  lastAtOrBefore(subs: Uint32Array): number {
    const i = this.lowerBound(subs);
    const entry = this.#entries[i];
    return entry !== undefined && compareSubs(entry.subs, subs) === 0 ? i : i - 1;
  }

  indexOf(subs: Uint32Array): number {
    const i = this.lowerBound(subs);
    const entry = this.#entries[i];
    return entry !== undefined && compareSubs(entry.subs, subs) === 0 ? i : -1;
  }

  /** True when some entry lies strictly below the first `length` sub-ids of `subs`. */
  hasBelow(subs: Uint32Array, length: number): boolean {
    const i = this.lowerBound(subs, length);
    let entry = this.#entries[i];
    if (entry !== undefined && entry.subs.length === length) entry = this.#entries[i + 1];
    return entry !== undefined && isBelow(entry.subs, subs, length);
  }

  /** The value and encoding of an entry for this request; a provider may throw. */
  resolve(entry: StoreEntry, now: number): ResolvedEntry | undefined {
    if (entry.value !== undefined && entry.encoded !== undefined) {
      return { entry, value: entry.value, encoded: entry.encoded };
    }
    const value = entry.provider?.(now, entry.oid);
    if (value === undefined) return undefined;
    return { entry, value, encoded: encodeVarbind(entry.subs, value) };
  }
}
