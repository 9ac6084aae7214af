import { NOMINAL_THRESHOLD } from '../indicators.ts';
import type { Measure } from './measure.ts';
import type { UplinkSpeedInput } from './uplink-speed.ts';
import { computeUplinkSpeed } from './uplink-speed.ts';

/** 上联千兆: the uplink up at ≥ the target's speed for ≥ the required share of polls. */
export function computeUplink1000m(input: UplinkSpeedInput, thresholdMbps: number | null): Measure {
  const speed = thresholdMbps ?? NOMINAL_THRESHOLD.uplink_1000m;
  return computeUplinkSpeed(input, speed, thresholdMbps !== null);
}
