import type { DeviceResult } from '@xiaowang/shared';
import { describe, expect, it } from 'vitest';
import { RateState } from './rate-state.ts';

function result(upTime: number, inOctets: string, outOctets: string): DeviceResult {
  const row = {
    ifIndex: 7,
    ifName: 'XGE0/0/1',
    ifDescr: null,
    ifAlias: null,
    ifType: 6,
    ifTypeName: 'ethernetCsmacd',
    ifSpeedMbps: 1000,
    ifSpeed: null,
    ifHighSpeed: 1000,
    speedSuspect: null,
    ifAdminStatus: 'up' as const,
    ifOperStatus: 'up' as const,
    ifPhysAddress: null,
    inOctets,
    outOctets,
    octetsAre64bit: true,
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
});
