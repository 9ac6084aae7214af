import type { Ipv6DefaultRoute } from '@xiaowang/shared';
import { parseOid } from '../snmp/oid.ts';
import { asNumber } from '../snmp/varbind.ts';
import { WalkSet } from '../snmp/walk-set.ts';
import { toHex } from '../text/decode.ts';
import type { Check } from './check.ts';
import { formatIpv6 } from './ipv6-address.ts';

const IPV6_IP_FORWARDING = '1.3.6.1.2.1.4.25.0';
const INET_CIDR_ROUTE_NUMBER = '1.3.6.1.2.1.4.24.6.0';
const INET_CIDR_ROUTE_ENTRY = '1.3.6.1.2.1.4.24.7.1';

const ROUTE_COL = { ifIndex: 7, type: 8, proto: 9 } as const;
const INET_IPV6 = 2;
/** Index start of an IPv6 ::/0 route: destType ipv6, length 16, 16 zero octets, pfxLen 0. */
const IPV6_DEFAULT_PREFIX = [INET_IPV6, 16, ...new Array<number>(17).fill(0)].join('.');

const ROUTE_TYPES = ['other', 'reject', 'local', 'remote', 'blackhole'] as const;

/** J10: forwarding(1) true, notForwarding(2) false, anything else or absent null. */
export function decodeForwarding(value: number | undefined): boolean | null {
  if (value === 1) return true;
  if (value === 2) return false;
  return null;
}

export function nameRouteType(value: number | undefined): Ipv6DefaultRoute['routeType'] {
  if (value === undefined) return null;
  return ROUTE_TYPES[value - 1] ?? value;
}

/** The parts of an inetCidrRouteTable index (J11); undefined when the lengths do not add up. */
export interface CidrRouteIndex {
  readonly destType: number;
  readonly dest: readonly number[];
  readonly pfxLen: number;
  readonly policy: readonly number[];
  readonly nextHopType: number;
  readonly nextHop: readonly number[];
}

export function decodeCidrRouteIndex(subIds: readonly number[]): CidrRouteIndex | undefined {
  let at = 0;
  const take = (n: number): number[] | undefined => {
    if (n < 0 || at + n > subIds.length) return undefined;
    const out = subIds.slice(at, at + n);
    at += n;
    return out;
  };
  const one = (): number | undefined => take(1)?.[0];
  const destType = one();
  const dest = take(one() ?? -1);
  const pfxLen = one();
  const policy = take(one() ?? -1);
  const nextHopType = one();
  const nextHop = take(one() ?? -1);
  if (destType === undefined || dest === undefined || pfxLen === undefined) return undefined;
  if (policy === undefined || nextHopType === undefined || nextHop === undefined) return undefined;
  if (at !== subIds.length) return undefined;
  if (![...dest, ...nextHop].every((n) => Number.isInteger(n) && n >= 0 && n <= 255)) {
    return undefined;
  }
  return { destType, dest, pfxLen, policy, nextHopType, nextHop };
}

/** IPv6 text for an IPv6 next hop, hex for any other kind, null when empty. */
export function formatNextHop(index: CidrRouteIndex): string | null {
  if (index.nextHop.length === 0) return null;
  if (index.nextHopType === INET_IPV6 && index.nextHop.length === 16) {
    return formatIpv6(index.nextHop);
  }
  return toHex(Uint8Array.from(index.nextHop));
}

function isIpv6Default(index: CidrRouteIndex): boolean {
  return (
    index.destType === INET_IPV6 &&
    index.dest.length === 16 &&
    index.dest.every((n) => n === 0) &&
    index.pfxLen === 0
  );
}

/** J11: null when the table is absent, [] when present without an IPv6 default route. */
export function extractDefaultRoutes(ws: WalkSet): Ipv6DefaultRoute[] | null {
  const table = ws.table(INET_CIDR_ROUTE_ENTRY);
  const indexes = WalkSet.rowIndexes(table);
  const counted = asNumber(ws.scalar(INET_CIDR_ROUTE_NUMBER)) !== undefined;
  if (indexes.length === 0 && !counted) return null;
  const cell = (col: number, index: string) => asNumber(table.get(col)?.get(index));
  const routes: Ipv6DefaultRoute[] = [];
  for (const index of indexes) {
    const decoded = decodeCidrRouteIndex(parseOid(index));
    if (decoded === undefined || !isIpv6Default(decoded)) continue;
    routes.push({
      nextHop: formatNextHop(decoded),
      ifIndex: cell(ROUTE_COL.ifIndex, index) ?? null,
      routeType: nameRouteType(cell(ROUTE_COL.type, index)),
      protocol: cell(ROUTE_COL.proto, index) ?? null,
    });
  }
  return routes;
}

/**
 * Full route tables are huge on routers. We walk only the ifIndex column of IPv6 routes (to
 * learn that the table exists) and the type and protocol columns of ::/0 routes.
 */
function planSubtrees(): string[] {
  return [
    `${INET_CIDR_ROUTE_ENTRY}.${ROUTE_COL.ifIndex}.${INET_IPV6}`,
    `${INET_CIDR_ROUTE_ENTRY}.${ROUTE_COL.type}.${IPV6_DEFAULT_PREFIX}`,
    `${INET_CIDR_ROUTE_ENTRY}.${ROUTE_COL.proto}.${IPV6_DEFAULT_PREFIX}`,
  ];
}

export const routesCheck: Check<'ipv6Forwarding' | 'ipv6DefaultRoutes'> = {
  part: 'routes',
  plan: () => ({ scalars: [IPV6_IP_FORWARDING, INET_CIDR_ROUTE_NUMBER], subtrees: planSubtrees() }),
  extract: (ws) => ({
    ipv6Forwarding: decodeForwarding(asNumber(ws.scalar(IPV6_IP_FORWARDING))),
    ipv6DefaultRoutes: extractDefaultRoutes(ws),
  }),
};
