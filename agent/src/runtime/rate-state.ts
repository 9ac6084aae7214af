import type { DeviceResult, InterfaceRate } from '@xiaowang/shared';
import { counterFromString } from '@xiaowang/shared';
import type { CounterReading } from '../rates/counter-delta.ts';
import { computeRate } from '../rates/counter-delta.ts';

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
        speedMbps: row.ifSpeedMbps,
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
      const rate = computeRate(previous, reading);
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
