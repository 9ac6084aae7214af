import { describe, expect, it } from 'vitest';
import { compileMetroPattern, inferUplinks } from './infer-uplinks.ts';

const port = (ifIndex: number, ifAlias: string | null = null, ifType: number | null = 6) => ({
  ifIndex,
  ifAlias,
  ifType,
});

describe('inferUplinks', () => {
  it('prefers an LLDP metro neighbour, then an uplink alias, then the default route', () => {
    const got = inferUplinks({
      interfaces: [port(1, '上联-县教育城域网'), port(2), port(3, 'to-office'), port(9, null, 24)],
      lldp: [{ localIfIndex: 2, remoteSysName: 'county-metro-core' }],
      ipv6DefaultRouteIfIndexes: [3, 9],
      metroPattern: null,
    });
    expect(got).toEqual([
      { ifIndex: 2, how: 'lldp-metro', evidence: 'county-metro-core' },
      { ifIndex: 1, how: 'alias', evidence: '上联-县教育城域网' },
      { ifIndex: 3, how: 'default-route', evidence: 'IPv6 default route via ifIndex 3' },
    ]);
  });

  it('keeps the strongest reason when several point at one port', () => {
    const got = inferUplinks({
      interfaces: [port(5, 'Uplink to metro')],
      lldp: [{ localIfIndex: 5, remoteSysName: 'CK-Metro-S12700' }],
      ipv6DefaultRouteIfIndexes: [5],
      metroPattern: null,
    });
    expect(got).toEqual([{ ifIndex: 5, how: 'lldp-metro', evidence: 'CK-Metro-S12700' }]);
  });

  it("uses the county's own metro pattern and finds nothing when nothing matches", () => {
    const pattern = compileMetroPattern('^ck-core-');
    expect(
      inferUplinks({
        interfaces: [port(1)],
        lldp: [
          { localIfIndex: 1, remoteSysName: 'ck-core-01' },
          { localIfIndex: 2, remoteSysName: 'metro-x' },
        ],
        ipv6DefaultRouteIfIndexes: [],
        metroPattern: pattern,
      }).map((c) => c.ifIndex),
    ).toEqual([1]);
    expect(
      inferUplinks({
        interfaces: [port(1, 'classroom')],
        lldp: [],
        ipv6DefaultRouteIfIndexes: [null],
        metroPattern: null,
      }),
    ).toEqual([]);
  });
});
