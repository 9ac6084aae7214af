import { describe, expect, it } from 'vitest';
import type { PolledDevice } from './effective-uplinks.ts';
import { effectiveUplinks } from './effective-uplinks.ts';

const access: PolledDevice = {
  id: 2,
  interfaces: [{ ifIndex: 24, ifAlias: 'uplink to core', ifType: 6 }],
  lldp: [],
  ipv6DefaultRouteIfIndexes: [],
};
const core: PolledDevice = {
  id: 1,
  interfaces: [{ ifIndex: 49, ifAlias: null, ifType: 6 }],
  lldp: [{ localIfIndex: 49, remoteSysName: 'CK-Metro-S12700' }],
  ipv6DefaultRouteIfIndexes: [],
};

describe('effectiveUplinks', () => {
  it('uses the designated ports when there are any, ignoring inference', () => {
    const designated = {
      deviceId: 2,
      ifIndex: 24,
      designatedBy: 'admin-token',
      designatedAt: '2026-03-01T00:00:00.000Z',
      note: '电信专线',
    };
    expect(effectiveUplinks([designated], [core, access], null)).toEqual({
      source: 'designated',
      uplinks: [{ ...designated, how: 'designated', evidence: null }],
    });
  });

  it('otherwise infers across the school’s devices, strongest reason first', () => {
    const got = effectiveUplinks([], [access, core], null);
    expect(got.source).toBe('inferred');
    expect(got.uplinks.map((u) => [u.deviceId, u.ifIndex, u.how, u.evidence])).toEqual([
      [1, 49, 'lldp-metro', 'CK-Metro-S12700'],
      [2, 24, 'alias', 'uplink to core'],
    ]);
  });

  it('says none when nothing points at an uplink', () => {
    expect(effectiveUplinks([], [], null)).toEqual({ source: 'none', uplinks: [] });
  });
});
