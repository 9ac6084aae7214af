import { describe, expect, it } from 'vitest';
import { computeRate } from './counter-delta.ts';
import type { CounterReading } from './counter-delta.ts';

const T0 = Date.UTC(2026, 10, 27, 2, 0, 0);
const base: CounterReading = {
  at: T0,
  upTime: 1_000_000,
  inOctets: 1_000_000n,
  outOctets: 2_000_000n,
  is64bit: true,
  discontinuity: 0,
  speedMbps: 1000,
};

/** A reading `seconds` later whose counters moved by the given octets. */
function after(
  seconds: number,
  dIn: bigint,
  dOut: bigint,
  patch: Partial<CounterReading> = {},
): CounterReading {
  return {
    ...base,
    at: base.at + seconds * 1000,
    upTime: (base.upTime ?? 0) + seconds * 100,
    inOctets: (base.inOctets ?? 0n) + dIn,
    outOctets: (base.outOctets ?? 0n) + dOut,
    ...patch,
  };
}

describe('computeRate', () => {
  it('turns octet deltas into bit/s over the uptime interval', () => {
    const r = computeRate(base, after(300, 3_750_000_000n, 375_000_000n));
    expect(r).toEqual({ ok: true, inBps: 100_000_000, outBps: 10_000_000, intervalS: 300 });
  });

  it('accepts a 32-bit wrap when the implied rate is possible', () => {
    const prev = { ...base, is64bit: false, inOctets: 4_294_000_000n, outOctets: 10n };
    const cur = { ...after(10, 0n, 1000n), is64bit: false, inOctets: 1_000_000n, outOctets: 1010n };
    const r = computeRate(prev, cur);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.inBps).toBeCloseTo(((4_294_967_296 - 4_294_000_000 + 1_000_000) * 8) / 10);
  });

  it.each([
    [
      'a 64-bit counter going backwards is a reset',
      after(300, 0n, 0n, { inOctets: 5n }),
      'counter-reset',
    ],
    [
      'uptime going backwards is a reboot',
      after(300, 10n, 10n, { upTime: 500 }),
      'device-restarted',
    ],
    [
      'uptime far behind the wall clock is an agent restart',
      after(300, 10n, 10n, { upTime: 1_000_100 }),
      'device-restarted',
    ],
    [
      'a changed discontinuity time breaks the delta',
      after(300, 10n, 10n, { discontinuity: 77 }),
      'counter-discontinuity',
    ],
    [
      'a rate above the port speed is never reported',
      after(10, 10_000_000_000n, 0n),
      'rate-above-port-speed',
    ],
    ['missing counters', after(300, 0n, 0n, { inOctets: null }), 'counters-missing'],
    ['a clock that did not advance', { ...base }, 'clock-not-advancing'],
  ])('%s', (_name, cur, reason) => {
    expect(computeRate(base, cur)).toEqual({ ok: false, reason });
  });

  it('drops a 32-bit delta over an interval longer than one wrap period', () => {
    // At 1 Gbit/s a Counter32 of octets wraps every 34.4 s.
    const prev = { ...base, is64bit: false };
    const cur = { ...after(60, 100n, 100n), is64bit: false };
    expect(computeRate(prev, cur)).toEqual({ ok: false, reason: 'interval-too-long-for-32bit' });
  });

  it('treats sysUpTime passing 2^32 ticks as a wrap, not a reboot', () => {
    const prev = { ...base, upTime: 2 ** 32 - 1000 };
    const cur = { ...after(300, 375_000n, 375_000n), upTime: 30_000 - 1000 };
    const r = computeRate(prev, cur);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.intervalS).toBe(300);
  });

  it('without sysUpTime, trusts short gaps and refuses long ones', () => {
    const prev = { ...base, upTime: null };
    expect(computeRate(prev, { ...after(300, 8n, 8n), upTime: null }).ok).toBe(true);
    expect(computeRate(prev, { ...after(3600, 8n, 8n), upTime: null })).toEqual({
      ok: false,
      reason: 'gap-unverifiable',
    });
  });

  it('keeps exact values near 2^64', () => {
    const prev = { ...base, inOctets: 2n ** 64n - 1_000_000n, outOctets: 0n };
    const cur = { ...after(1, 0n, 0n), inOctets: 2n ** 64n - 1n, outOctets: 0n };
    const r = computeRate(prev, cur);
    expect(r.ok && r.inBps).toBe(999_999 * 8);
  });
});
