import type { DeviceResult } from '@xiaowang/shared';
import { describe, expect, it } from 'vitest';
import { RateState } from './rate-state.ts';

interface RowOptions {
  readonly is64?: boolean;
  readonly ifSpeed?: number | null;
  readonly ifHighSpeed?: number | null;
  readonly speedSuspect?: string | null;
}

function result(
  upTime: number,
  inOctets: string,
  outOctets: string,
  o: RowOptions = {},
): DeviceResult {
  const ifHighSpeed = o.ifHighSpeed === undefined ? 1000 : o.ifHighSpeed;
  const row = {
    ifIndex: 7,
    ifName: 'XGE0/0/1',
    ifDescr: null,
    ifAlias: null,
    ifType: 6,
    ifTypeName: 'ethernetCsmacd',
    ifSpeedMbps: ifHighSpeed,
    ifSpeed: o.ifSpeed ?? null,
    ifHighSpeed,
    speedSuspect: o.speedSuspect ?? null,
    ifAdminStatus: 'up' as const,
    ifOperStatus: 'up' as const,
    ifPhysAddress: null,
    inOctets,
    outOctets,
    octetsAre64bit: o.is64 ?? true,
    ifLastChange: null,
    ifCounterDiscontinuityTime: null,
  };
  return {
    outcome: 'ok',
    target: { name: 'core', address: '10.0.0.1', port: 161 },
    meta: {
      startedAt: new Date(0).toISOString(),
      durationMs: 1,
      requests: 1,
      retries: 0,
      timeouts: 0,
      varbinds: 1,
    },
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
      interfaces: [row],
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
});
