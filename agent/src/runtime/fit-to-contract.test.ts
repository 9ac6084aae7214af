import type { DeviceResult, InterfaceRow } from '@xiaowang/shared';
import { deviceResultSchema } from '@xiaowang/shared';
import { describe, expect, it } from 'vitest';
import { fitHostProbes, fitToContract } from './fit-to-contract.ts';

const row = (ifIndex: number, extra: Partial<InterfaceRow> = {}): InterfaceRow => ({
  ifIndex,
  ifName: `ge${ifIndex}`,
  ifDescr: null,
  ifAlias: null,
  ifType: 6,
  ifTypeName: 'ethernetCsmacd',
  ifSpeedMbps: 1000,
  ifSpeed: 1e9,
  ifHighSpeed: 1000,
  speedSuspect: null,
  ifAdminStatus: 'up',
  ifOperStatus: 'up',
  ifPhysAddress: null,
  inOctets: '1',
  outOctets: '2',
  octetsAre64bit: true,
  ifLastChange: null,
  ifCounterDiscontinuityTime: null,
  ...extra,
});

function result(sysDescr: string, interfaces: InterfaceRow[]): DeviceResult {
  return {
    outcome: 'ok',
    target: { name: 'core', address: '127.0.0.1', port: 161 },
    meta: {
      startedAt: '2026-11-27T01:00:00.000Z',
      durationMs: 5,
      requests: 3,
      retries: 0,
      timeouts: 0,
      varbinds: 40,
    },
    snapshot: {
      sysObjectID: '1.3.6.1.4.1.2011.2.23.291',
      sysDescr,
      sysName: 'core',
      sysContact: null,
      sysLocation: null,
      sysUpTime: 100,
      vendor: 'Huawei',
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
    partErrors: [],
  };
}

describe('fitToContract', () => {
  it('leaves a result the contract accepts untouched', () => {
    const ok = result('S5720', [row(1)]);
    expect(fitToContract(ok)).toBe(ok);
  });

  it('cuts device text over the caps and says so per part, instead of failing the report', () => {
    const fitted = fitToContract(
      result('A'.repeat(10_000), [
        row(1, { ifAlias: 'B'.repeat(5000) }),
        row(2, { ifPhysAddress: 'ab:'.repeat(300) }),
      ]),
    );
    expect(deviceResultSchema.safeParse(fitted).success).toBe(true);
    expect(fitted.outcome).toBe('ok');
    if (fitted.outcome !== 'ok') return;
    expect(fitted.snapshot.sysDescr).toHaveLength(4096);
    expect(fitted.snapshot.interfaces[0]?.ifAlias).toHaveLength(4096);
    expect(fitted.snapshot.interfaces[1]?.ifPhysAddress).toHaveLength(512);
    expect(fitted.partErrors.map((e) => [e.part, e.code])).toEqual([
      ['system', 'PROTOCOL'],
      ['interfaces', 'PROTOCOL'],
    ]);
    expect(fitted.partErrors[1]?.message).toContain('snapshot.interfaces.0.ifAlias (5000 → 4096)');
  });

  it('turns a device whose values cannot be cut into an error result naming the field', () => {
    const bad = result('S5720', [row(1, { ifIndex: -1 })]);
    const fitted = fitToContract(bad);
    expect(fitted.outcome).toBe('error');
    if (fitted.outcome !== 'error') return;
    expect(fitted.error).toMatchObject({ code: 'PROTOCOL', retryable: false });
    expect(fitted.error.message).toContain('snapshot.interfaces.0.ifIndex');
  });

  it('cuts host probe lines over the cap (a gateway with many Docker bridges)', () => {
    const bridges = Array.from({ length: 20 }, (_, i) => `veth${i} has fe80::1:2:3:${i}`);
    const host = {
      measuredAt: '2026-11-27T01:00:00.000Z',
      globalIpv6Address: false,
      ipv6DefaultRoute: false,
      aaaaOverIpv6: null,
      httpsOverIpv6: null,
      tried: [`no global IPv6 address on this host: ${bridges.join('; ')} only`],
    };
    const fitted = fitHostProbes(host);
    expect(fitted?.tried[0]).toHaveLength(512);
    expect(fitted?.globalIpv6Address).toBe(false);
    expect(fitHostProbes(null)).toBeNull();
  });
});
