import { NOMINAL_THRESHOLD } from '../indicators.ts';
import type { Measure } from './measure.ts';
import type { UplinkSpeedInput } from './uplink-speed.ts';
import { computeUplinkSpeed } from './uplink-speed.ts';

/**
 * The national egress floor (学校联网攻坚行动): the uplink as for 上联千兆 at the target's
 * speed, and the contracted line, where the bureau entered one, at least that fast too.
 */
export function computeEgress100m(input: UplinkSpeedInput, thresholdMbps: number | null): Measure {
  const speed = thresholdMbps ?? NOMINAL_THRESHOLD.egress_100m;
  const measured = computeUplinkSpeed(input, speed, thresholdMbps !== null);
  const contract = input.contractedMbps;
  const contractMeetsThreshold = contract === null ? null : contract >= speed;
  const details = { ...measured.details, contractMeetsThreshold };
  if (measured.met === null) return { ...measured, details };
  return { ...measured, met: measured.met && contractMeetsThreshold !== false, details };
}
