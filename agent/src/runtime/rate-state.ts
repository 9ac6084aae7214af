import type { DeviceResult, InterfaceRate, InterfaceRow } from '@xiaowang/shared';
import { counterFromString } from '@xiaowang/shared';
import type { CounterReading } from '../rates/counter-delta.ts';
import { computeRate } from '../rates/counter-delta.ts';
import type { SnmpTarget } from '../snmp/credentials.ts';

const IF_SPEED_SATURATED = 4_294_967_295;

// Bits of an interface's FLAGS byte: the nulls and the width, which its numbers cannot carry.
const IN_NULL = 1;
const OUT_NULL = 2;
const IS_64BIT = 4;
const NO_DISCONTINUITY = 8;
const NO_SPEED = 16;

// Where each field of one interface's record sits in a DevicePoll's buffer.
const IN_OCTETS = 0;
const OUT_OCTETS = 8;
/** Float64, not Int32: the ifIndex is whatever Number() made of the row's OID index. */
const IF_INDEX = 16;
const DISCONTINUITY = 24;
const SPEED_MBPS = 32;
const FLAGS = 40;
const RECORD = 41;

/**
 * The speed to judge a rate against: ifHighSpeed, unless the device sent it in bit/s, then
 * ifSpeed when it is a real figure; null (no speed check) when neither can be believed.
 */
function trustedSpeedMbps(row: InterfaceRow): number | null {
  if (row.speedSuspect === null) return row.ifSpeedMbps;
  const bits = row.ifSpeed;
  return bits !== null && bits > 0 && bits < IF_SPEED_SATURATED ? bits / 1e6 : null;
}

function counter(text: string): bigint {
  const value = counterFromString(text);
  // The buffer would silently keep it modulo 2^64 and pair it with a wrong delta.
  if (BigInt.asUintN(64, value) !== value) {
    throw new RangeError(`counter out of range: expected 0..2^64-1, got ${text}`);
  }
  return value;
}

/**
 * One device's counters from one poll, row i of the poll in record i of one buffer.
 * A county cycle reads ~17,000 interfaces; as an object per interface, with two BigInts
 * and a string key each, they held 4 MB of live heap between cycles, which set V8's heap
 * limit and so the agent's RSS. Here they cost 41 bytes each, outside the heap, and a
 * device a few heap objects.
 */
class DevicePoll {
  readonly at: number;
  readonly upTime: number | null;
  readonly size: number;
  readonly #records: DataView;
  /** As extractInterfaces sorts them: then no ifIndex repeats, and a binary search finds one. */
  readonly ascending: boolean;
  /** No ifIndex appears in two rows, so the position a row had last time is its only one. */
  readonly unique: boolean;
  /**
   * The last readings of interfaces an earlier poll had and this one has not, so that one
   * coming back (a module reseated, a walk cut short) pairs with its reading from before it
   * went, over an interval computeRate can still judge. Usually there are none.
   */
  gone: Map<number, CounterReading> | null = null;
  /** ifIndex to its last row, built only for a poll out of order that is looked into. */
  #positions: Map<number, number> | undefined;

  constructor(at: number, upTime: number | null, rows: readonly InterfaceRow[]) {
    this.at = at;
    this.upTime = upTime;
    this.size = rows.length;
    const records = new DataView(new ArrayBuffer(rows.length * RECORD));
    let ascending = true;
    let before = -Infinity;
    for (const [i, row] of rows.entries()) {
      const record = i * RECORD;
      records.setFloat64(record + IF_INDEX, row.ifIndex);
      if (!(row.ifIndex > before)) ascending = false;
      before = row.ifIndex;
      let flags = row.octetsAre64bit ? IS_64BIT : 0;
      if (row.inOctets === null) flags |= IN_NULL;
      else records.setBigUint64(record + IN_OCTETS, counter(row.inOctets));
      if (row.outOctets === null) flags |= OUT_NULL;
      else records.setBigUint64(record + OUT_OCTETS, counter(row.outOctets));
      if (row.ifCounterDiscontinuityTime === null) flags |= NO_DISCONTINUITY;
      else records.setFloat64(record + DISCONTINUITY, row.ifCounterDiscontinuityTime);
      const speed = trustedSpeedMbps(row);
      if (speed === null) flags |= NO_SPEED;
      else records.setFloat64(record + SPEED_MBPS, speed);
      records.setUint8(record + FLAGS, flags);
    }
    this.#records = records;
    this.ascending = ascending;
    this.unique = ascending || new Set(rows.map((row) => row.ifIndex)).size === rows.length;
  }

  ifIndexAt(i: number): number {
    return this.#records.getFloat64(i * RECORD + IF_INDEX);
  }

  readingAt(i: number): CounterReading {
    const records = this.#records;
    const record = i * RECORD;
    const flags = records.getUint8(record + FLAGS);
    return {
      at: this.at,
      upTime: this.upTime,
      inOctets: flags & IN_NULL ? null : records.getBigUint64(record + IN_OCTETS),
      outOctets: flags & OUT_NULL ? null : records.getBigUint64(record + OUT_OCTETS),
      is64bit: (flags & IS_64BIT) !== 0,
      discontinuity: flags & NO_DISCONTINUITY ? null : records.getFloat64(record + DISCONTINUITY),
      speedMbps: flags & NO_SPEED ? null : records.getFloat64(record + SPEED_MBPS),
    };
  }

  /**
   * The row of `ifIndex`, the last when it repeats (that is its newest reading), or -1. A
   * device lists its interfaces in the same order each poll, so `hint`, the position of the
   * row asked for in the newer poll, is nearly always right.
   */
  positionOf(ifIndex: number, hint: number): number {
    if (this.unique && hint < this.size && this.ifIndexAt(hint) === ifIndex) return hint;
    if (this.ascending) return this.#search(ifIndex);
    if (this.#positions === undefined) {
      this.#positions = new Map();
      for (let i = 0; i < this.size; i++) this.#positions.set(this.ifIndexAt(i), i);
    }
    return this.#positions.get(ifIndex) ?? -1;
  }

  #search(ifIndex: number): number {
    let low = 0;
    let high = this.size - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const found = this.ifIndexAt(middle);
      if (found < ifIndex) low = middle + 1;
      else if (found > ifIndex) high = middle - 1;
      else return found === ifIndex ? middle : -1;
    }
    return -1;
  }

  /** The last reading of `ifIndex` from this poll or one before it. */
  readingOf(ifIndex: number, hint: number): CounterReading | undefined {
    const i = this.positionOf(ifIndex, hint);
    return i >= 0 ? this.readingAt(i) : this.gone?.get(ifIndex);
  }

  /** Takes over `last`'s readings of the interfaces this poll did not see. */
  inherit(last: DevicePoll): void {
    // `last` is dropped after this, so its map can be reused rather than copied.
    let gone = last.gone;
    for (let i = 0; i < last.size; i++) {
      const ifIndex = last.ifIndexAt(i);
      if (this.positionOf(ifIndex, i) >= 0) continue;
      gone ??= new Map();
      gone.set(ifIndex, last.readingAt(i));
    }
    if (gone !== null) {
      for (let i = 0; i < this.size; i++) gone.delete(this.ifIndexAt(i));
      if (gone.size === 0) gone = null;
    }
    this.gone = gone;
  }
}

/**
 * Remembers each interface's last counter reading between cycles and attaches rates to
 * the next result of the same device. Memory only: after a restart the first delta is
 * 'first-sample', which is honest.
 */
export class RateState {
  readonly #polls = new Map<string, DevicePoll>();

  /**
   * Forgets every device but `targets`, the ones the cycle polled: a device taken out of the
   * config or no longer discovered would otherwise keep its last readings, some 41 bytes an
   * interface, for as long as the agent runs. One polled but failing is kept, so its next
   * good poll pairs with its last good reading.
   */
  keepOnly(targets: readonly SnmpTarget[]): void {
    const keep = new Set<string>();
    for (const target of targets) keep.add(deviceKey(target.host, target.port));
    for (const key of this.#polls.keys()) if (!keep.has(key)) this.#polls.delete(key);
  }

  /** Returns the result with `rates` filled in, and remembers this reading. */
  apply(result: DeviceResult, readAt: number): DeviceResult {
    if (result.outcome !== 'ok') return result;
    const rows = result.snapshot.interfaces;
    // No rows (the interfaces part failed) leaves every interface's last reading as it was.
    if (rows.length === 0) return withRates(result, []);
    const device = deviceKey(result.target.address, result.target.port);
    const last = this.#polls.get(device);
    // Built whole before anything is remembered: a counter that cannot be read throws and
    // leaves the device's last poll as it was, not half replaced.
    const poll = new DevicePoll(readAt, result.snapshot.sysUpTime, rows);
    // A device that lists an ifIndex twice: the second row pairs with the first, read at the
    // same instant, so it is dropped ('clock-not-advancing') rather than compared with the
    // previous cycle again, which would count the port's traffic twice. The next cycle
    // pairs with the last row.
    const earlier = poll.unique ? undefined : new Map<number, number>();
    const rates: InterfaceRate[] = [];
    for (const [i, row] of rows.entries()) {
      const reading = poll.readingAt(i);
      const twin = earlier?.get(row.ifIndex);
      earlier?.set(row.ifIndex, i);
      const previous = twin === undefined ? last?.readingOf(row.ifIndex, i) : poll.readingAt(twin);
      if (reading.inOctets === null && reading.outOctets === null) continue;
      if (previous === undefined) {
        rates.push({
          ifIndex: row.ifIndex,
          inBps: null,
          outBps: null,
          intervalS: null,
          dropped: 'first-sample',
        });
        continue;
      }
      // A walk of ifXTable cut short leaves only ifTable's 32-bit counters for this port; a
      // delta between the two widths is meaningless (negative, or a spike).
      const rate =
        previous.is64bit === reading.is64bit
          ? computeRate(previous, reading)
          : ({ ok: false, reason: 'counter-discontinuity' } as const);
      rates.push(
        rate.ok
          ? {
              ifIndex: row.ifIndex,
              inBps: rate.inBps,
              outBps: rate.outBps,
              intervalS: rate.intervalS,
              dropped: null,
            }
          : {
              ifIndex: row.ifIndex,
              inBps: null,
              outBps: null,
              intervalS: null,
              dropped: rate.reason,
            },
      );
    }
    if (last !== undefined) poll.inherit(last);
    this.#polls.set(device, poll);
    return withRates(result, rates);
  }
}

/** A device as a result names it: the address and port it was polled at. */
function deviceKey(address: string, port: number): string {
  return `${address}:${port}`;
}

type OkResult = Extract<DeviceResult, { outcome: 'ok' }>;

/**
 * The result with its rates, named field by field: a spread copy would give every device's
 * result a shape of its own, which V8 cannot share between devices (docs/adr/0021).
 */
function withRates(result: OkResult, rates: InterfaceRate[]): OkResult {
  const out: OkResult = {
    outcome: 'ok',
    target: result.target,
    meta: result.meta,
    snapshot: result.snapshot,
    partErrors: result.partErrors,
  };
  if (result.skipped !== undefined) out.skipped = result.skipped;
  out.rates = rates;
  return out;
}
