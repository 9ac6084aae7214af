import type { UplinkPoll } from './uplink-polls.ts';
import { trustedSpeed } from './uplink-polls.ts';
import { maximum, percentile } from './stats.ts';

export interface DirectionUse {
  readonly peakBps: number | null;
  readonly p95Bps: number | null;
  /** Share of the up ports' speed, at the peak and at the 95th percentile. */
  readonly peakOfPort: number | null;
  readonly p95OfPort: number | null;
  /** Share of the contracted bandwidth the bureau entered; null without one. */
  readonly peakOfContract: number | null;
  readonly p95OfContract: number | null;
}

export interface Utilisation {
  /** Polls with a rate on every up uplink. */
  readonly polls: number;
  /** Polls left out because a rate was dropped (reboot, counter wrap…), by the agent's reason. */
  readonly dropped: Readonly<Record<string, number>>;
  readonly in: DirectionUse;
  readonly out: DirectionUse;
}

/**
 * targets.md §5.4: peak and 95th percentile per direction, from the agent's rates. A poll
 * whose delta broke (sysUpTime went back, counters reset) has no rate and is left out,
 * never read as zero traffic. Several up uplinks add up.
 */
export function summariseUtilisation(
  polls: readonly UplinkPoll[],
  contractedMbps: number | null,
): Utilisation {
  const dropped: Record<string, number> = {};
  const inBps: number[] = [];
  const outBps: number[] = [];
  const inOfPort: number[] = [];
  const outOfPort: number[] = [];
  for (const poll of polls) {
    const use = pollUse(poll);
    if (use === null) continue;
    if ('dropped' in use) {
      dropped[use.dropped] = (dropped[use.dropped] ?? 0) + 1;
      continue;
    }
    inBps.push(use.inBps);
    outBps.push(use.outBps);
    if (use.capacityMbps !== null) {
      inOfPort.push(use.inBps / (use.capacityMbps * 1e6));
      outOfPort.push(use.outBps / (use.capacityMbps * 1e6));
    }
  }
  return {
    polls: inBps.length,
    dropped,
    in: directionUse(inBps, inOfPort, contractedMbps),
    out: directionUse(outBps, outOfPort, contractedMbps),
  };
}

function directionUse(
  bps: readonly number[],
  ofPort: readonly number[],
  contractedMbps: number | null,
): DirectionUse {
  const peakBps = maximum(bps);
  const p95Bps = percentile(bps, 95);
  const ofContract = (v: number | null) =>
    v === null || contractedMbps === null ? null : v / (contractedMbps * 1e6);
  return {
    peakBps,
    p95Bps,
    peakOfPort: maximum(ofPort),
    p95OfPort: percentile(ofPort, 95),
    peakOfContract: ofContract(peakBps),
    p95OfContract: ofContract(p95Bps),
  };
}

interface PollUse {
  readonly inBps: number;
  readonly outBps: number;
  /** The up ports' speeds added up; null when one of them cannot be trusted. */
  readonly capacityMbps: number | null;
}

/** One poll's traffic over the up uplinks; null when none was up. */
function pollUse(poll: UplinkPoll): PollUse | { dropped: string } | null {
  let inBps = 0;
  let outBps = 0;
  let capacityMbps: number | null = 0;
  let up = 0;
  for (const p of poll.ports) {
    if (p.operStatus !== 'up') continue;
    if (p.inBps === null || p.outBps === null) return { dropped: p.rateDropped ?? 'no-rate' };
    up += 1;
    inBps += p.inBps;
    outBps += p.outBps;
    const speed = trustedSpeed(p);
    capacityMbps = typeof speed === 'number' && capacityMbps !== null ? capacityMbps + speed : null;
  }
  return up === 0 ? null : { inBps, outBps, capacityMbps };
}
