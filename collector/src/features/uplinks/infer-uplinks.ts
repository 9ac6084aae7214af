/**
 * Until a person designates a school's uplink, we infer it (targets.md §5) and say how:
 * an LLDP neighbour that is a metro device, an ifAlias that says uplink, or the port the
 * IPv6 default route leaves by. Pure, so ingest and the read API agree.
 */
export type UplinkInference = 'lldp-metro' | 'alias' | 'default-route';

export interface UplinkCandidate {
  readonly ifIndex: number;
  readonly how: UplinkInference;
  /** What matched, e.g. the neighbour's name or the alias text. */
  readonly evidence: string;
}

export interface InferUplinksInput {
  readonly interfaces: readonly {
    ifIndex: number;
    ifAlias: string | null;
    ifType: number | null;
  }[];
  readonly lldp: readonly { localIfIndex: number | null; remoteSysName: string | null }[];
  readonly ipv6DefaultRouteIfIndexes: readonly (number | null)[];
  /** The county's metro pattern; without one, names that say 城域 or metro count. */
  readonly metroPattern: RegExp | null;
}

export const DEFAULT_METRO_PATTERN = /城域|metro/i;
const UPLINK_ALIAS = /uplink|上联|城域网/i;
// Loopbacks and tunnels can carry a default route without being the physical uplink.
const NOT_A_PORT = new Set([24, 131, 1]);

const STRENGTH: Record<UplinkInference, number> = { 'lldp-metro': 0, alias: 1, 'default-route': 2 };

/** Parses a county's metro pattern; an invalid one is reported, never silently ignored. */
export function compileMetroPattern(pattern: string | null): RegExp | null {
  if (pattern === null || pattern === '') return null;
  return new RegExp(pattern, 'i');
}

export function inferUplinks(input: InferUplinksInput): UplinkCandidate[] {
  const metro = input.metroPattern ?? DEFAULT_METRO_PATTERN;
  const known = new Map(input.interfaces.map((i) => [i.ifIndex, i]));
  const found = new Map<number, UplinkCandidate>();
  const offer = (candidate: UplinkCandidate): void => {
    const current = found.get(candidate.ifIndex);
    if (current === undefined || STRENGTH[candidate.how] < STRENGTH[current.how]) {
      found.set(candidate.ifIndex, candidate);
    }
  };
  for (const n of input.lldp) {
    if (n.localIfIndex === null || n.remoteSysName === null) continue;
    if (metro.test(n.remoteSysName)) {
      offer({ ifIndex: n.localIfIndex, how: 'lldp-metro', evidence: n.remoteSysName });
    }
  }
  for (const i of input.interfaces) {
    if (i.ifAlias !== null && UPLINK_ALIAS.test(i.ifAlias)) {
      offer({ ifIndex: i.ifIndex, how: 'alias', evidence: i.ifAlias });
    }
  }
  for (const ifIndex of input.ipv6DefaultRouteIfIndexes) {
    if (ifIndex === null) continue;
    const port = known.get(ifIndex);
    if (port !== undefined && port.ifType !== null && NOT_A_PORT.has(port.ifType)) continue;
    offer({ ifIndex, how: 'default-route', evidence: `IPv6 default route via ifIndex ${ifIndex}` });
  }
  return [...found.values()].sort(
    (a, b) => STRENGTH[a.how] - STRENGTH[b.how] || a.ifIndex - b.ifIndex,
  );
}
