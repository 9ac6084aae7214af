import { describe, expect, it } from 'vitest';
import { ipv6DefaultRouteSchema } from '@xiaowang/shared';
import { parseSnmprec } from '@xiaowang/seeds';
import { walkSetFromVarbinds } from '../testing/walk-set-from-varbinds.ts';
import type { PollContext } from './check.ts';
import { decodeCidrRouteIndex, decodeForwarding, nameRouteType, routesCheck } from './routes.ts';

const CTX: PollContext = { sysObjectID: null, enterprise: null, sysDescr: null };
const ROUTE = '1.3.6.1.2.1.4.24.7.1';
const FWD = '1.3.6.1.2.1.4.25.0';
const ZEROS16 = new Array<number>(16).fill(0).join('.');
const NULL_POLICY = '2.0.0';

// Route indexes: destType.len.dest.pfxLen.policyLen.policy.nextHopType.len.nextHop.
const V6_DEFAULT_VIA_LL = `2.16.${ZEROS16}.0.${NULL_POLICY}.2.16.254.128.${'0.'.repeat(13)}1`;
const V6_DEFAULT_NO_HOP = `2.16.${ZEROS16}.0.${NULL_POLICY}.0.0`;
const V6_DEFAULT_V4_HOP = `2.16.${ZEROS16}.0.${NULL_POLICY}.1.4.192.168.1.1`;
const V6_LINK_LOCAL = `2.16.254.128.${'0.'.repeat(13)}0.64.3.0.0.5.2.16.${ZEROS16}`;
const V4_DEFAULT = `1.4.0.0.0.0.0.${NULL_POLICY}.1.4.10.0.0.1`;

function extract(...lines: string[]) {
  const { varbinds } = parseSnmprec(lines.join('\n'));
  return routesCheck.extract(walkSetFromVarbinds(varbinds, routesCheck.plan(CTX)), CTX);
}

describe('routes: ipv6IpForwarding (J10)', () => {
  it('maps 1 to true, 2 to false, absent or unknown to null', () => {
    expect(extract(`${FWD}|2|1`).ipv6Forwarding).toBe(true);
    expect(extract(`${FWD}|2|2`).ipv6Forwarding).toBe(false);
    expect(extract().ipv6Forwarding).toBeNull();
    expect(decodeForwarding(3)).toBeNull();
  });
});

describe('routes: IPv6 default routes (J11)', () => {
  it('is null when the route table is absent', () => {
    expect(extract(`${FWD}|2|2`).ipv6DefaultRoutes).toBeNull();
  });

  it('is [] when the table is present without an IPv6 default route', () => {
    const out = extract(
      `${ROUTE}.7.${V6_LINK_LOCAL}|2|6`,
      `${ROUTE}.8.${V6_LINK_LOCAL}|2|3`,
      `${ROUTE}.7.${V4_DEFAULT}|2|2`,
    );
    expect(out.ipv6DefaultRoutes).toEqual([]);
  });

  it('is [] when only inetCidrRouteNumber shows the table', () => {
    expect(extract('1.3.6.1.2.1.4.24.6.0|66|0').ipv6DefaultRoutes).toEqual([]);
  });

  it('reads a default route with its next hop, interface, type and protocol', () => {
    const out = extract(
      `${ROUTE}.7.${V6_DEFAULT_VIA_LL}|2|5`,
      `${ROUTE}.8.${V6_DEFAULT_VIA_LL}|2|4`,
      `${ROUTE}.9.${V6_DEFAULT_VIA_LL}|2|2`,
      `${ROUTE}.7.${V6_LINK_LOCAL}|2|6`,
    );
    expect(out.ipv6DefaultRoutes).toEqual([
      { nextHop: 'fe80::1', ifIndex: 5, routeType: 'remote', protocol: 2 },
    ]);
    for (const r of out.ipv6DefaultRoutes ?? []) {
      expect(() => ipv6DefaultRouteSchema.parse(r)).not.toThrow();
    }
  });

  it('writes an empty next hop as null and another kind as hex', () => {
    const out = extract(
      `${ROUTE}.7.${V6_DEFAULT_NO_HOP}|2|1`,
      `${ROUTE}.8.${V6_DEFAULT_NO_HOP}|2|5`,
      `${ROUTE}.7.${V6_DEFAULT_V4_HOP}|2|2`,
      `${ROUTE}.8.${V6_DEFAULT_V4_HOP}|2|9`,
    );
    expect(out.ipv6DefaultRoutes).toEqual([
      { nextHop: null, ifIndex: 1, routeType: 'blackhole', protocol: null },
      { nextHop: 'c0a80101', ifIndex: 2, routeType: 9, protocol: null },
    ]);
  });

  it('ignores the IPv4 default route', () => {
    const out = extract(`${ROUTE}.7.${V4_DEFAULT}|2|2`, `${ROUTE}.7.${V6_LINK_LOCAL}|2|6`);
    expect(out.ipv6DefaultRoutes).toEqual([]);
  });

  it('names route types and keeps unknown numbers', () => {
    expect([1, 2, 3, 4, 5].map(nameRouteType)).toEqual([
      'other',
      'reject',
      'local',
      'remote',
      'blackhole',
    ]);
    expect(nameRouteType(6)).toBe(6);
    expect(nameRouteType(undefined)).toBeNull();
  });
});

describe('routes: index decoding and plan', () => {
  it('splits the length-prefixed parts, policy OID included', () => {
    const parsed = decodeCidrRouteIndex(V6_LINK_LOCAL.split('.').map(Number));
    expect(parsed).toMatchObject({ destType: 2, pfxLen: 64, policy: [0, 0, 5], nextHopType: 2 });
    expect(parsed?.dest).toHaveLength(16);
  });

  it('refuses indexes whose lengths do not add up', () => {
    expect(decodeCidrRouteIndex([2, 16, 0, 0])).toBeUndefined();
    expect(decodeCidrRouteIndex([...V6_DEFAULT_NO_HOP.split('.').map(Number), 7])).toBeUndefined();
    expect(decodeCidrRouteIndex([1, 4, 300, 0, 0, 0, 0, 2, 0, 0, 0, 0])).toBeUndefined();
  });

  it('never walks the whole table nor its IPv4 rows', () => {
    const { subtrees, scalars } = routesCheck.plan(CTX);
    expect(scalars).toContain(FWD);
    expect(subtrees).not.toContain(ROUTE);
    const ipv4Row = `${ROUTE}.7.${V4_DEFAULT}`;
    expect(subtrees.some((s) => ipv4Row.startsWith(`${s}.`))).toBe(false);
  });
});
