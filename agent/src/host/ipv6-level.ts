import type { HostProbes } from '@xiaowang/shared';

/** What is missing for the next level; null at level 4. */
export type Ipv6Gap = 'uplink' | 'address' | 'route' | 'aaaa' | 'https' | null;

export interface Ipv6LevelResult {
  readonly level: 0 | 1 | 2 | 3 | 4;
  readonly why: string;
  readonly gap: Ipv6Gap;
  /** True when the uplink was not checked here and levels 2+ assume it (the collector checks it). */
  readonly uplinkAssumed: boolean;
}

function known(value: boolean | null, what: string): string {
  return value === null ? `${what} was not measured` : `no ${what}`;
}

/**
 * The targets.md §6 level as far as this host can tell, with the reason it stops there.
 * The collector computes the official level from the devices' reports; this one explains.
 */
export function ipv6Level(
  probes: HostProbes,
  uplinkHasGlobal: boolean | null,
  requiredSuccesses = 1,
): Ipv6LevelResult {
  const uplinkAssumed = uplinkHasGlobal === null;
  const base = uplinkHasGlobal === true ? 1 : 0;
  const note = uplinkAssumed ? ' (uplink not checked here; the collector checks it)' : '';
  const stop = (level: 0 | 1 | 2 | 3 | 4, why: string, gap: Ipv6Gap): Ipv6LevelResult => ({
    level,
    why: `${why}${note}`,
    gap,
    uplinkAssumed,
  });
  if (uplinkHasGlobal === false) {
    return stop(0, 'the uplink has no global IPv6 address', 'uplink');
  }
  if (probes.globalIpv6Address !== true) {
    return stop(
      base,
      known(probes.globalIpv6Address, 'global IPv6 address on this host'),
      'address',
    );
  }
  if (probes.ipv6DefaultRoute !== true) {
    return stop(base, known(probes.ipv6DefaultRoute, 'IPv6 default route'), 'route');
  }
  if (probes.aaaaOverIpv6 !== true) {
    return stop(2, known(probes.aaaaOverIpv6, 'AAAA answer from a resolver over IPv6'), 'aaaa');
  }
  const https = probes.httpsOverIpv6;
  if (https === null) return stop(3, 'HTTPS over IPv6 was not measured', 'https');
  if (https.attempted === 0 || https.succeeded < requiredSuccesses) {
    return stop(
      3,
      `HTTPS over IPv6 succeeded ${https.succeeded} of ${https.attempted}, needs ${requiredSuccesses}`,
      'https',
    );
  }
  return stop(
    4,
    `HTTPS over IPv6 succeeded ${https.succeeded} of ${https.attempted} (needs ${requiredSuccesses})`,
    null,
  );
}
