import type { ApDevice } from './ap-devices.ts';
import type { Measure } from './measure.ts';
import { atLeast } from './measure.ts';
import { apCounts } from './room-coverage.ts';

/**
 * 有无线: at least one attributed AP was online within the coverage window, as for room
 * coverage, so APs switched off over a weekend or a holiday do not take a school's wireless
 * away. Counted in schools (1 or 0 of 1); a fresh school with no AP at all has no wireless.
 */
export function computeHasWireless(aps: readonly ApDevice[], threshold: number | null): Measure {
  const counts = apCounts(aps);
  const value = counts.apsOnlineInWindow > 0 ? 1 : 0;
  return {
    value,
    numerator: value,
    denominator: 1,
    unknownReason: null,
    met: threshold === null ? null : atLeast(value, threshold),
    details: counts,
  };
}
