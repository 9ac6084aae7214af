import type { Cell } from './ber.ts';
import { bytesViewAt, counterTextAt, numberAt, oidText, valueCell } from './ber.ts';
import type { WalkResult } from './client.ts';
import type { SnmpError } from './errors.ts';
import { compareOctets, isUnderOctets } from './oid-octets.ts';
import type { Varbind } from './varbind.ts';

/** Offsets kept per value: datagram, OID start, OID end (the value's tag), value start, end. */
const STRIDE = 5;
const NONE = new Int32Array(0);
const NO_OCTETS = new Uint8Array(0);

/**
 * A walk's values as the datagrams they came in and where each value lies in them. A county
 * cycle receives some 800,000 values and its checks read a third of them; made into
 * objects as they arrived, every one cost an OID string, a value and a varbind object that
 * V8 copied out of the young generation and marked again in the old (BENCHMARKS.md, poller
 * round 14). Here a value is five integers until a check reads it (`at`), and the
 * datagrams live outside V8's heap.
 */
export class PackedVarbinds {
  readonly #datagrams: Uint8Array[] = [];
  #offsets: Int32Array = NONE;
  #length = 0;
  #all: readonly Varbind[] | undefined;

  get length(): number {
    return this.#length;
  }

  /** Adds the value at these offsets of `datagram`; decodeMessage checked it is one. */
  push(
    datagram: Uint8Array,
    oidStart: number,
    oidEnd: number,
    valueStart: number,
    valueEnd: number,
  ): void {
    const datagrams = this.#datagrams;
    let d = datagrams.length - 1;
    if (d < 0 || datagrams[d] !== datagram) {
      datagrams.push(datagram);
      d++;
    }
    let offsets = this.#offsets;
    const at = STRIDE * this.#length;
    if (at + STRIDE > offsets.length) {
      const grown = new Int32Array(Math.max(STRIDE * 16, 2 * offsets.length));
      grown.set(offsets);
      this.#offsets = offsets = grown;
    }
    offsets[at] = d;
    offsets[at + 1] = oidStart;
    offsets[at + 2] = oidEnd;
    offsets[at + 3] = valueStart;
    offsets[at + 4] = valueEnd;
    this.#length++;
    if (this.#all !== undefined) this.#all = undefined;
  }

  /** The datagram holding value `i`. */
  datagram(i: number): Uint8Array {
    return this.#datagrams[this.#offsets[STRIDE * i] ?? 0] ?? NO_OCTETS;
  }

  oidStart(i: number): number {
    return this.#offsets[STRIDE * i + 1] ?? 0;
  }

  oidEnd(i: number): number {
    return this.#offsets[STRIDE * i + 2] ?? 0;
  }

  /** Value `i` as a Varbind, made now: each call makes a new one. */
  at(i: number): Varbind {
    return this.atWithOid(i, oidText(this.datagram(i), this.oidStart(i), this.oidEnd(i)));
  }

  /** Value `i` as a Varbind whose OID text the caller knows to be `oid`. */
  atWithOid(i: number, oid: string): Varbind {
    const o = this.#offsets;
    const k = STRIDE * i;
    const cell: Cell = valueCell(
      oid,
      this.#datagrams[o[k] ?? 0] ?? NO_OCTETS,
      o[k + 2] ?? 0,
      o[k + 3] ?? 0,
      o[k + 4] ?? 0,
    );
    return cell as Varbind;
  }

  /** `asNumber` of value `i`, without making it a Varbind. */
  numberAt(i: number): number | undefined {
    return this.#read(i, numberAt);
  }

  /** `asCounterText` of value `i`, without making it a Varbind. */
  counterTextAt(i: number): string | undefined {
    return this.#read(i, counterTextAt);
  }

  /** `asBytes` of value `i` as a view of its datagram: read it at once, copy to keep it. */
  bytesViewAt(i: number): Uint8Array | undefined {
    return this.#read(i, bytesViewAt);
  }

  #read<T>(
    i: number,
    reader: (buf: Uint8Array, oidEnd: number, valueStart: number, valueEnd: number) => T,
  ): T {
    const o = this.#offsets;
    const k = STRIDE * i;
    return reader(
      this.#datagrams[o[k] ?? 0] ?? NO_OCTETS,
      o[k + 2] ?? 0,
      o[k + 3] ?? 0,
      o[k + 4] ?? 0,
    );
  }

  /** Values `from`…`to` as Varbinds. */
  slice(from = 0, to = this.#length): Varbind[] {
    const out: Varbind[] = [];
    for (let i = from; i < to; i++) out.push(this.at(i));
    return out;
  }

  /** Every value as Varbinds, made once. */
  all(): readonly Varbind[] {
    this.#all ??= this.slice();
    return this.#all;
  }

  /** Where the values below `prefix` (OID octets) begin and end: they are in OID order. */
  rangeUnder(prefix: Uint8Array): { from: number; to: number } {
    const from = this.#firstNotBefore(prefix);
    let to = from;
    while (
      to < this.#length &&
      isUnderOctets(this.datagram(to), this.oidStart(to), this.oidEnd(to), prefix)
    )
      to++;
    return { from, to };
  }

  /** The position of the value at exactly `oid` (octets), or -1. */
  indexOf(oid: Uint8Array): number {
    const i = this.#firstNotBefore(oid);
    if (i >= this.#length) return -1;
    return compareOctets(this.datagram(i), this.oidStart(i), this.oidEnd(i), oid, 0, oid.length) ===
      0
      ? i
      : -1;
  }

  /** The first position whose OID is at or after `oid`: values are in increasing OID order. */
  #firstNotBefore(oid: Uint8Array): number {
    let lo = 0;
    let hi = this.#length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = compareOctets(
        this.datagram(mid),
        this.oidStart(mid),
        this.oidEnd(mid),
        oid,
        0,
        oid.length,
      );
      if (c < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** A walk read by bulkRead: its values stay packed for WalkSet; `varbinds` makes them all. */
export class PackedWalk implements WalkResult {
  readonly packed: PackedVarbinds;
  readonly error: SnmpError | undefined;

  constructor(packed: PackedVarbinds, error: SnmpError | undefined) {
    this.packed = packed;
    this.error = error;
  }

  get varbinds(): readonly Varbind[] {
    return this.packed.all();
  }
}
