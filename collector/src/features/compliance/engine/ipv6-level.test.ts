import type { HostProbes } from '@xiaowang/shared';
import { describe, expect, it } from 'vitest';
import { probesAt } from '../testing/fixtures.ts';
import type { Ipv6Input } from './ipv6-level.ts';
import { computeIpv6Level } from './ipv6-level.ts';

const AT = '2026-11-27T08:00:00.000Z';
const input = (o: Partial<Ipv6Input>): Ipv6Input => ({
  uplinks: 1,
  uplinkGlobalAddresses: 1,
  probes: probesAt(4, AT),
  httpsSuccessesRequired: 1,
  ...o,
});
const probes = (o: Partial<HostProbes>): HostProbes => ({ ...probesAt(4, AT), ...o });

describe('computeIpv6Level (cumulative levels, "supports IPv6" = 4)', () => {
  it.each<[string, Ipv6Input, number | null, Record<string, unknown>]>([
    [
      'no global address on the uplink: level 0, whatever the host says',
      input({ uplinkGlobalAddresses: 0 }),
      4,
      { value: 0, numerator: 0, met: false },
    ],
    [
      'uplink addressed, host has no global address',
      input({ probes: probesAt(1, AT) }),
      4,
      { value: 1, met: false },
    ],
    [
      'address but no default route',
      input({ probes: probes({ ipv6DefaultRoute: false }) }),
      4,
      { value: 1 },
    ],
    ['dual-stack LAN, AAAA fails', input({ probes: probesAt(2, AT) }), 4, { value: 2 }],
    [
      'AAAA over IPv6, HTTPS fails',
      input({ probes: probesAt(3, AT) }),
      4,
      { value: 3, met: false },
    ],
    ['end to end', input({}), 4, { value: 4, numerator: 1, denominator: 1, met: true }],
    [
      'HTTPS 1 of 2 with 2 required',
      input({
        httpsSuccessesRequired: 2,
        probes: probes({ httpsOverIpv6: { succeeded: 1, attempted: 2 } }),
      }),
      4,
      { value: 3, met: false },
    ],
    [
      'a lower target',
      input({ probes: probesAt(2, AT) }),
      2,
      { value: 2, numerator: 1, met: true },
    ],
    [
      'no target: judged at level 4, met null',
      input({ probes: probesAt(3, AT) }),
      null,
      { value: 3, numerator: 0, met: null },
    ],
    ['no uplink known', input({ uplinks: 0 }), 4, { value: null, unknownReason: 'no_uplink' }],
    [
      'uplink addressed but no probe data',
      input({ probes: null }),
      4,
      { value: null, unknownReason: 'no_probe_data', details: { levelAtLeast: 1 } },
    ],
    [
      'HTTPS not probed: unknown above level 3',
      input({ probes: probes({ httpsOverIpv6: null }) }),
      4,
      { unknownReason: 'no_probe_data', details: { levelAtLeast: 3 } },
    ],
    [
      'no probes but no global address either: level 0 is known',
      input({ uplinkGlobalAddresses: 0, probes: null }),
      4,
      { value: 0, unknownReason: null },
    ],
  ])('%s', (_name, given, threshold, expected) => {
    expect(computeIpv6Level(given, threshold)).toMatchObject(expected);
  });

  it('reaches level 5 only when the school site answers over IPv6 with an AAAA record', () => {
    const site = (aaaa: boolean, https: boolean) => {
      const base = input({});
      const probes =
        base.probes === null ? null : { ...base.probes, schoolSiteOverIpv6: { aaaa, https } };
      return { ...base, probes };
    };
    expect(computeIpv6Level(input({}), 4)).toMatchObject({
      value: 4,
      details: { level5: 'no school site set' },
    });
    expect(computeIpv6Level(site(true, true), 5)).toMatchObject({
      value: 5,
      met: true,
      details: { level5: 'reached' },
    });
    expect(computeIpv6Level(site(true, false), 5)).toMatchObject({ value: 4, met: false });
    expect(computeIpv6Level(site(false, true), 4)).toMatchObject({ value: 4, met: true });
  });
});
