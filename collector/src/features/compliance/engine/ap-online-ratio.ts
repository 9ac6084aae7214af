import type { ApDevice } from './ap-devices.ts';
import type { Measure } from './measure.ts';
import { ratioMeasure, unknownMeasure } from './measure.ts';
import { apCounts } from './room-coverage.ts';

/** AP在线率: APs online that day ÷ APs known (attributed, seen in the window), as devices. */
export function computeApOnlineRatio(aps: readonly ApDevice[], threshold: number | null): Measure {
  const counts = apCounts(aps);
  if (counts.apsKnown === 0) return unknownMeasure('no_ap_data', counts);
  return ratioMeasure(counts.apsOnlineToday, counts.apsKnown, threshold, counts);
}
