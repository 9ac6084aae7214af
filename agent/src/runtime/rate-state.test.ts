import type { DeviceResult, InterfaceRate, InterfaceRow } from '@xiaowang/shared';
import { describe, expect, it } from 'vitest';
import { testMeta } from '../testing/device-meta.ts';
import { RateState } from './rate-state.ts';

interface RowOptions {
  readonly is64?: boolean;
  readonly ifSpeed?: number | null;
  readonly ifHighSpeed?: number | null;
  readonly speedSuspect?: string | null;
}

const meta = testMeta;

function row(
  ifIndex: number,
  inOctets: string | null,
  outOctets: string | null,
  o: RowOptions = {},
): InterfaceRow {
  const ifHighSpeed = o.ifHighSpeed === undefined ? 1000 : o.ifHighSpeed;
  return {
    ifIndex,
    ifName: `XGE0/0/${ifIndex}`,
    ifDescr: null,
    ifAlias: null,
    ifType: 6,
    ifTypeName: 'ethernetCsmacd',
    ifSpeedMbps: ifHighSpeed,
    ifSpeed: o.ifSpeed ?? null,
    ifHighSpeed,
    speedSuspect: o.speedSuspect ?? null,
    ifAdminStatus: 'up',
    ifOperStatus: 'up',
    ifPhysAddress: null,
    inOctets,
    outOctets,
    octetsAre64bit: o.is64 ?? true,
    ifLastChange: null,
    ifCounterDiscontinuityTime: null,
  };
}

function device(upTime: number, interfaces: InterfaceRow[], port = 161): DeviceResult {
  return {
    outcome: 'ok',
    target: { name: 'core', address: '10.0.0.1', port },
    meta,
    partErrors: [],
    snapshot: {
      sysObjectID: null,
      sysDescr: null,
      sysName: null,
      sysContact: null,
      sysLocation: null,
      sysUpTime: upTime,
      vendor: null,
      role: 'switch',
      interfaces,
      ipv6: [],
      ipv6Forwarding: null,
      ipv6DefaultRoutes: null,
      apCount: null,
      apsOnline: null,
      apSource: null,
      aps: null,
      lldpNeighbors: [],
      entity: null,
    },
  };
}

function result(
  upTime: number,
  inOctets: string,
  outOctets: string,
  o: RowOptions = {},
): DeviceResult {
  return device(upTime, [row(7, inOctets, outOctets, o)]);
}

function ratesOf(r: DeviceResult): readonly InterfaceRate[] | undefined {
  return r.outcome === 'ok' ? r.rates : undefined;
}

/** ifIndex and what became of its rate: the bit/s in, or why it was dropped. */
function summary(r: DeviceResult): [number, number | string | null][] {
  return (ratesOf(r) ?? []).map((rate) => [rate.ifIndex, rate.dropped ?? rate.inBps]);
}

/** Octets that make `mbps` Mbit/s over a five-minute cycle. */
const fiveMinutesAt = (mbps: number) => BigInt(mbps * 1e6 * 300) / 8n;

/** Cycle k of a steady device, on which port n carries n Mbit/s each way. */
const cycle = (k: number) => ({
  at: Date.UTC(2026, 10, 27, 2) + k * 300_000,
  upTime: 100_000 + k * 30_000,
});
function port(ifIndex: number, k: number): InterfaceRow {
  const octets = String(BigInt(ifIndex) * 10n ** 9n + BigInt(k) * fiveMinutesAt(ifIndex));
  return row(ifIndex, octets, octets);
}
function pollAt(state: RateState, k: number, ifIndexes: number[]): DeviceResult {
  const { at, upTime } = cycle(k);
  return state.apply(
    device(
      upTime,
      ifIndexes.map((ifIndex) => port(ifIndex, k)),
    ),
    at,
  );
}

describe('RateState', () => {
  it('says first-sample, then a rate, then drops a reboot instead of reporting a spike', () => {
    const state = new RateState();
    const t0 = Date.UTC(2026, 10, 27, 2);
    const first = state.apply(result(100_000, '1000', '1000'), t0);
    expect(first.outcome === 'ok' && first.rates).toEqual([
      { ifIndex: 7, inBps: null, outBps: null, intervalS: null, dropped: 'first-sample' },
    ]);
    const second = state.apply(result(130_000, '37501000', '3751000'), t0 + 300_000);
    expect(second.outcome === 'ok' && second.rates?.[0]).toEqual({
      ifIndex: 7,
      inBps: 1_000_000,
      outBps: 100_000,
      intervalS: 300,
      dropped: null,
    });
    const rebooted = state.apply(result(500, '99999999999', '5'), t0 + 600_000);
    expect(rebooted.outcome === 'ok' && rebooted.rates?.[0]?.dropped).toBe('device-restarted');
  });

  it('drops the delta when the counters changed width (an ifXTable walk cut short)', () => {
    const state = new RateState();
    const t0 = Date.UTC(2026, 10, 27, 2);
    const port = { ifHighSpeed: 100 };
    const big = String(2n ** 40n);
    state.apply(result(100_000, big, big, port), t0);
    // This time only ifTable came back: the same port's 32-bit counters.
    const narrow = String((2n ** 40n % 2n ** 32n) + 1000n);
    const cut = state.apply(
      result(130_000, narrow, narrow, { ...port, is64: false }),
      t0 + 300_000,
    );
    expect(cut.outcome === 'ok' && cut.rates?.[0]?.dropped).toBe('counter-discontinuity');
    const wide = state.apply(result(160_000, big, big, port), t0 + 600_000);
    expect(wide.outcome === 'ok' && wide.rates?.[0]?.dropped).toBe('counter-discontinuity');
  });

  it('judges rates against ifSpeed when ifHighSpeed was sent in bit/s', () => {
    const state = new RateState();
    const t0 = Date.UTC(2026, 10, 27, 2);
    // A 100M port whose ifHighSpeed says 100000000: "Mbit/s" that cannot be true.
    const lying = {
      ifSpeed: 100_000_000,
      ifHighSpeed: 100_000_000,
      speedSuspect: 'ifHighSpeed equals ifSpeed (100000000); sent in bit/s',
    };
    state.apply(result(100_000, '5000', '5000', lying), t0);
    // 10 GB in five minutes is 267 Mbit/s: impossible on this port, whatever ifHighSpeed says.
    const glitch = state.apply(result(130_000, '10000005000', '5000', lying), t0 + 300_000);
    expect(glitch.outcome === 'ok' && glitch.rates?.[0]?.dropped).toBe('rate-above-port-speed');
  });

  it('pairs readings by ifIndex when the device lists its interfaces in another order', () => {
    const state = new RateState();
    pollAt(state, 0, [1, 2, 3]);
    expect(summary(pollAt(state, 1, [3, 1, 2]))).toEqual([
      [3, 3e6],
      [1, 1e6],
      [2, 2e6],
    ]);
    expect(summary(pollAt(state, 2, [2, 3, 1]))).toEqual([
      [2, 2e6],
      [3, 3e6],
      [1, 1e6],
    ]);
  });

  it('pairs an interface that went and came back with its reading from before it went', () => {
    const state = new RateState();
    pollAt(state, 0, [1, 2, 3]);
    expect(summary(pollAt(state, 1, [1, 3, 4]))).toEqual([
      [1, 1e6],
      [3, 3e6],
      [4, 'first-sample'],
    ]);
    const back = pollAt(state, 2, [1, 2, 3, 4]);
    expect(summary(back)).toEqual([
      [1, 1e6],
      [2, 2e6],
      [3, 3e6],
      [4, 4e6],
    ]);
    expect(ratesOf(back)?.map((r) => r.intervalS)).toEqual([300, 600, 300, 300]);
  });

  it('pairs a repeated ifIndex with the row before it, and the next cycle with the last', () => {
    const state = new RateState();
    pollAt(state, 0, [7]);
    const { at, upTime } = cycle(1);
    const higher = String(7n * 10n ** 9n + fiveMinutesAt(7) + fiveMinutesAt(1));
    const twice = state.apply(device(upTime, [port(7, 1), row(7, higher, higher)]), at);
    // The second row was read at the same instant as the first: no rate, and no second
    // rate against the previous cycle either.
    expect(summary(twice)).toEqual([
      [7, 7e6],
      [7, 'clock-not-advancing'],
    ]);
    // From the second row's counters, not the first's (which would make it 7 Mbit/s).
    expect(summary(pollAt(state, 2, [7]))).toEqual([[7, 6e6]]);
  });

  it('keeps 64-bit counters exact above 2^53', () => {
    const state = new RateState();
    const step = fiveMinutesAt(1);
    // As numbers, 2^60 + 1 and 2^60 + 1 + step round to 256 apart from it: 0.999997 Mbit/s.
    const low = 2n ** 60n + 1n;
    const high = 2n ** 64n - 1n - step;
    const at = (k: number, a: bigint, b: bigint) =>
      state.apply(
        device(cycle(k).upTime, [row(1, String(a), String(a)), row(2, String(b), String(b))]),
        cycle(k).at,
      );
    at(0, low, high);
    expect(summary(at(1, low + step, high + step))).toEqual([
      [1, 1e6],
      [2, 1e6],
    ]);
    // 2^64 - 1 was kept as it is: one more octet past it is a reset, not a delta.
    expect(summary(at(2, low + 2n * step, 0n))).toEqual([
      [1, 1e6],
      [2, 'counter-reset'],
    ]);
  });

  it('remembers a port without counters, so its next delta is dropped, not first-sample', () => {
    const state = new RateState();
    const { at, upTime } = cycle(0);
    const unread = state.apply(device(upTime, [row(1, null, null), row(2, null, '1000')]), at);
    expect(summary(unread)).toEqual([[2, 'first-sample']]);
    expect(summary(pollAt(state, 1, [1, 2]))).toEqual([
      [1, 'counters-missing'],
      [2, 'counters-missing'],
    ]);
    expect(summary(pollAt(state, 2, [1, 2]))).toEqual([
      [1, 1e6],
      [2, 2e6],
    ]);
  });

  it('pairs a device polled again after an error with its last good reading', () => {
    const state = new RateState();
    pollAt(state, 0, [7]);
    const failed: DeviceResult = {
      outcome: 'error',
      target: { name: 'core', address: '10.0.0.1', port: 161 },
      meta,
      error: { code: 'TIMEOUT', message: 'no answer', retryable: true },
    };
    expect(state.apply(failed, cycle(1).at)).toBe(failed);
    const again = pollAt(state, 2, [7]);
    expect(summary(again)).toEqual([[7, 7e6]]);
    expect(ratesOf(again)?.[0]?.intervalS).toBe(600);
  });

  it('keeps the last readings when a poll brings no interfaces', () => {
    const state = new RateState();
    pollAt(state, 0, [1, 2]);
    expect(ratesOf(pollAt(state, 1, []))).toEqual([]);
    const again = pollAt(state, 2, [1, 2]);
    expect(summary(again)).toEqual([
      [1, 1e6],
      [2, 2e6],
    ]);
    expect(ratesOf(again)?.map((r) => r.intervalS)).toEqual([600, 600]);
  });

  it('keeps devices apart by address and port', () => {
    const state = new RateState();
    const { at, upTime } = cycle(0);
    state.apply(device(upTime, [port(7, 0)], 161), at);
    state.apply(device(upTime, [port(7, 0)], 1161), at);
    const next = cycle(1);
    const other = state.apply(device(next.upTime, [port(7, 1)], 1161), next.at);
    expect(summary(other)).toEqual([[7, 7e6]]);
    const first = state.apply(device(next.upTime, [port(7, 2)], 161), next.at);
    expect(summary(first)).toEqual([[7, 14e6]]);
  });

  it('forgets a device no longer polled, and keeps the ones polled', () => {
    const state = new RateState();
    const { at, upTime } = cycle(0);
    state.apply(device(upTime, [port(7, 0)], 161), at);
    state.apply(device(upTime, [port(7, 0)], 1161), at);
    state.keepOnly([{ host: '10.0.0.1', port: 1161 }]);
    const next = cycle(1);
    const kept = state.apply(device(next.upTime, [port(7, 1)], 1161), next.at);
    expect(summary(kept)).toEqual([[7, 7e6]]);
    const forgotten = state.apply(device(next.upTime, [port(7, 1)], 161), next.at);
    expect(summary(forgotten)).toEqual([[7, 'first-sample']]);
  });

  it('refuses a counter past 2^64 - 1 and remembers nothing of that poll', () => {
    const state = new RateState();
    pollAt(state, 0, [1, 2]);
    const { at, upTime } = cycle(1);
    const past = String(2n ** 64n);
    expect(() => state.apply(device(upTime, [port(1, 1), row(2, past, past)]), at)).toThrow(
      RangeError,
    );
    expect(ratesOf(pollAt(state, 2, [1, 2]))?.map((r) => r.intervalS)).toEqual([600, 600]);
  });
});
