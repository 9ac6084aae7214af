import type { HostProbes } from '@xiaowang/shared';
import { describe, expect, it } from 'vitest';
import { ipv6Level } from './ipv6-level.ts';

const ALL: HostProbes = {
  measuredAt: '2026-03-01T00:00:00.000Z',
  globalIpv6Address: true,
  ipv6DefaultRoute: true,
  aaaaOverIpv6: true,
  httpsOverIpv6: { succeeded: 2, attempted: 3 },
  tried: [],
};

describe('ipv6Level', () => {
  it.each([
    ['everything works', {}, true, 1, 4, null, 'HTTPS over IPv6 succeeded 2 of 3 (needs 1)'],
    [
      'uplink without a global address',
      {},
      false,
      1,
      0,
      'uplink',
      'the uplink has no global IPv6 address',
    ],
    [
      'no host address, uplink ok',
      { globalIpv6Address: false },
      true,
      1,
      1,
      'address',
      'no global IPv6 address on this host',
    ],
    [
      'no host address, uplink unknown',
      { globalIpv6Address: false },
      null,
      1,
      0,
      'address',
      'no global IPv6 address on this host (uplink not checked here; the collector checks it)',
    ],
    [
      'address not measured',
      { globalIpv6Address: null },
      true,
      1,
      1,
      'address',
      'global IPv6 address on this host was not measured',
    ],
    ['no default route', { ipv6DefaultRoute: false }, true, 1, 1, 'route', 'no IPv6 default route'],
    [
      'no AAAA',
      { aaaaOverIpv6: false },
      true,
      1,
      2,
      'aaaa',
      'no AAAA answer from a resolver over IPv6',
    ],
    [
      'AAAA not measured (no IPv6 resolver)',
      { aaaaOverIpv6: null },
      true,
      1,
      2,
      'aaaa',
      'AAAA answer from a resolver over IPv6 was not measured',
    ],
    [
      'HTTPS not measured',
      { httpsOverIpv6: null },
      true,
      1,
      3,
      'https',
      'HTTPS over IPv6 was not measured',
    ],
    [
      'too few HTTPS successes',
      {},
      true,
      3,
      3,
      'https',
      'HTTPS over IPv6 succeeded 2 of 3, needs 3',
    ],
    [
      'nothing attempted',
      { httpsOverIpv6: { succeeded: 0, attempted: 0 } },
      true,
      1,
      3,
      'https',
      'HTTPS over IPv6 succeeded 0 of 0, needs 1',
    ],
  ] as const)('%s', (_name, change, uplink, required, level, gap, why) => {
    const result = ipv6Level({ ...ALL, ...change }, uplink, required);
    expect(result).toMatchObject({ level, gap, why });
    expect(result.uplinkAssumed).toBe(uplink === null);
  });

  it('marks level 4 reached with an unchecked uplink as an assumption', () => {
    expect(ipv6Level(ALL, null)).toMatchObject({ level: 4, uplinkAssumed: true });
  });
});
