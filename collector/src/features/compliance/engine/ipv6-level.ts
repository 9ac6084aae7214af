import type { HostProbes } from '@xiaowang/shared';
import { NOMINAL_THRESHOLD } from '../indicators.ts';
import type { Measure } from './measure.ts';
import { unknownMeasure } from './measure.ts';

export interface Ipv6Input {
  readonly uplinks: number;
  /** Global unicast IPv6 addresses on the school's effective uplink interfaces. */
  readonly uplinkGlobalAddresses: number;
  /** Host probes of the school's own agent, from its latest report of the day. */
  readonly probes: HostProbes | null;
  readonly httpsSuccessesRequired: number;
}

type Step = boolean | null;

/**
 * targets.md §6: levels 0–5, each including those below, so the level is the first step
 * that fails, minus one. A step we have no data for makes the level unknown, except level
 * 5: a school without a site of its own (none set on its agent) stays at 4.
 */
export function computeIpv6Level(input: Ipv6Input, threshold: number | null): Measure {
  const base = {
    uplinkGlobalAddresses: input.uplinkGlobalAddresses,
    httpsSuccessesRequired: input.httpsSuccessesRequired,
  };
  if (input.uplinks === 0) return unknownMeasure('no_uplink', base);
  const p = input.probes;
  const steps: Step[] = [
    input.uplinkGlobalAddresses > 0,
    p === null ? null : both(p.globalIpv6Address, p.ipv6DefaultRoute),
    p === null ? null : p.aaaaOverIpv6,
    p?.httpsOverIpv6 == null ? null : p.httpsOverIpv6.succeeded >= input.httpsSuccessesRequired,
  ];
  const details = {
    ...base,
    steps: { l1: steps[0], l2: steps[1], l3: steps[2], l4: steps[3] },
    probesMeasuredAt: p?.measuredAt ?? null,
    https: p?.httpsOverIpv6 ?? null,
  };
  let level = 0;
  for (const step of steps) {
    if (step === null) return unknownMeasure('no_probe_data', { ...details, levelAtLeast: level });
    if (!step) break;
    level += 1;
  }
  const site = p?.schoolSiteOverIpv6 ?? null;
  if (level === 4 && site !== null && site.aaaa && site.https) level = 5;
  const level5 =
    site === null
      ? 'no school site set'
      : site.aaaa && site.https
        ? 'reached'
        : 'site not reachable over IPv6';
  const judgedAt = threshold ?? NOMINAL_THRESHOLD.ipv6;
  const reaches = level >= judgedAt ? 1 : 0;
  return {
    value: level,
    numerator: reaches,
    denominator: 1,
    unknownReason: null,
    met: threshold === null ? null : level >= threshold,
    details: { ...details, level, level5, schoolSite: site, judgedAtLevel: judgedAt },
  };
}

/** L2 needs both an address and a default route; one known false settles it. */
function both(a: boolean | null, b: boolean | null): Step {
  if (a === false || b === false) return false;
  if (a === null || b === null) return null;
  return true;
}
