import type { RateDropReason } from '@xiaowang/shared';

/**
 * Utilisation from two counter readings, by the delta rules of docs/mibs.md §2: a broken
 * delta is dropped with its reason, never turned into a spike.
 */
export interface CounterReading {
  /** Wall-clock time of the reading, ms since epoch. */
  readonly at: number;
  /** sysUpTime in ticks (1/100 s), or null when the device does not give it. */
  readonly upTime: number | null;
  readonly inOctets: bigint | null;
  readonly outOctets: bigint | null;
  readonly is64bit: boolean;
  /** ifCounterDiscontinuityTime, when the device has it. */
  readonly discontinuity: number | null;
  /** Port speed in Mbit/s, to judge whether a wrap or a rate is possible. */
  readonly speedMbps: number | null;
}

export type DropReason = RateDropReason;

export type RateResult =
  | {
      readonly ok: true;
      readonly inBps: number;
      readonly outBps: number;
      readonly intervalS: number;
    }
  | { readonly ok: false; readonly reason: DropReason };

export interface DeltaOptions {
  /** A gap longer than this without sysUpTime cannot be checked for a restart. */
  readonly maxUnverifiedGapMs: number;
  /** Headroom over the port speed before a rate counts as impossible. */
  readonly speedTolerance: number;
}

export const DEFAULT_DELTA_OPTIONS: DeltaOptions = {
  maxUnverifiedGapMs: 15 * 60_000,
  speedTolerance: 1.1,
};

const WRAP32 = 2n ** 32n;
const TICKS_WRAP = 2 ** 32;

/** Elapsed uptime in ticks, allowing for sysUpTime's own wrap after 497 days. */
function upTimeDelta(prev: number, cur: number, wallTicks: number): number {
  if (cur >= prev) return cur - prev;
  const wrapped = cur + TICKS_WRAP - prev;
  // A wrap is only plausible when it accounts for the wall time that passed.
  return Math.abs(wrapped - wallTicks) <= Math.max(100, wallTicks * 0.2) ? wrapped : -1;
}

function octetDelta(prev: bigint, cur: bigint, is64: boolean): bigint | undefined {
  if (cur >= prev) return cur - prev;
  if (is64) return undefined;
  return cur + WRAP32 - prev;
}

export function computeRate(
  prev: CounterReading,
  cur: CounterReading,
  options: DeltaOptions = DEFAULT_DELTA_OPTIONS,
): RateResult {
  const wallMs = cur.at - prev.at;
  if (wallMs <= 0) return { ok: false, reason: 'clock-not-advancing' };
  if (
    prev.inOctets === null ||
    cur.inOctets === null ||
    prev.outOctets === null ||
    cur.outOctets === null
  ) {
    return { ok: false, reason: 'counters-missing' };
  }
  if (prev.discontinuity !== cur.discontinuity)
    return { ok: false, reason: 'counter-discontinuity' };

  let intervalS = wallMs / 1000;
  if (prev.upTime !== null && cur.upTime !== null) {
    const ticks = upTimeDelta(prev.upTime, cur.upTime, wallMs / 10);
    // Uptime that went backwards, or grew far less than the wall clock, means the agent restarted.
    if (ticks < 0 || ticks < (wallMs / 10) * 0.5) return { ok: false, reason: 'device-restarted' };
    intervalS = ticks / 100;
  } else if (wallMs > options.maxUnverifiedGapMs) {
    return { ok: false, reason: 'gap-unverifiable' };
  }
  if (intervalS <= 0) return { ok: false, reason: 'clock-not-advancing' };

  const speedBps = cur.speedMbps !== null && cur.speedMbps > 0 ? cur.speedMbps * 1e6 : null;
  if (!cur.is64bit && speedBps !== null) {
    // Past one wrap period a 32-bit counter may have wrapped more than once: unknowable.
    const wrapSeconds = (Number(WRAP32) * 8) / speedBps;
    if (intervalS > wrapSeconds) return { ok: false, reason: 'interval-too-long-for-32bit' };
  }
  const dIn = octetDelta(prev.inOctets, cur.inOctets, cur.is64bit);
  const dOut = octetDelta(prev.outOctets, cur.outOctets, cur.is64bit);
  if (dIn === undefined || dOut === undefined) return { ok: false, reason: 'counter-reset' };
  const inBps = (Number(dIn) * 8) / intervalS;
  const outBps = (Number(dOut) * 8) / intervalS;
  if (speedBps !== null && Math.max(inBps, outBps) > speedBps * options.speedTolerance) {
    return { ok: false, reason: 'rate-above-port-speed' };
  }
  return { ok: true, inBps, outBps, intervalS };
}
