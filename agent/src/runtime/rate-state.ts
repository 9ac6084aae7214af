import type { DeviceResult, InterfaceRate, InterfaceRow } from '@xiaowang/shared';
import { counterFromString } from '@xiaowang/shared';
import type { CounterReading } from '../rates/counter-delta.ts';
import { computeRate } from '../rates/counter-delta.ts';

const IF_SPEED_SATURATED = 4_294_967_295;

/**
 * The speed to judge a rate against: ifHighSpeed, unless the device sent it in bit/s, then
 * ifSpeed when it is a real figure; null (no speed check) when neither can be believed.
 */
function trustedSpeedMbps(row: InterfaceRow): number | null {
  if (row.speedSuspect === null) return row.ifSpeedMbps;
  const bits = row.ifSpeed;
  return bits !== null && bits > 0 && bits < IF_SPEED_SATURATED ? bits / 1e6 : null;
}

/**
 * Remembers each interface's last counter reading between cycles and attaches rates to
 * the next result of the same device. Memory only: after a restart the first delta is
 * 'first-sample', which is honest.
 */
export class RateState {
  readonly #last = new Map<string, CounterReading>();

  /** Returns the result with `rates` filled in, and remembers this reading. */
  apply(result: DeviceResult, readAt: number): DeviceResult {
    if (result.outcome !== 'ok') return result;
    const device = `${result.target.address}:${result.target.port}`;
    const rates: InterfaceRate[] = [];
    for (const row of result.snapshot.interfaces) {
      const reading: CounterReading = {
        at: readAt,
        upTime: result.snapshot.sysUpTime,
        inOctets: row.inOctets === null ? null : counterFromString(row.inOctets),
        outOctets: row.outOctets === null ? null : counterFromString(row.outOctets),
        is64bit: row.octetsAre64bit,
        discontinuity: row.ifCounterDiscontinuityTime,
        speedMbps: trustedSpeedMbps(row),
      };
      const key = `${device}#${row.ifIndex}`;
      const previous = this.#last.get(key);
      this.#last.set(key, reading);
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
    return { ...result, rates };
  }
}
