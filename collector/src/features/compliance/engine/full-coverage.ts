import type { Measure } from './measure.ts';
import { atLeast } from './measure.ts';

/**
 * 无线全覆盖: the school's room coverage is 100 %. Counted in schools (1 or 0 of 1), so a
 * rollup gives the share of fully covered schools; unknown whenever coverage is.
 */
export function computeFullCoverage(roomCoverage: Measure, threshold: number | null): Measure {
  if (roomCoverage.unknownReason !== null) return roomCoverage;
  const full =
    roomCoverage.numerator !== null && roomCoverage.numerator === roomCoverage.denominator;
  const value = full ? 1 : 0;
  return {
    value,
    numerator: value,
    denominator: 1,
    unknownReason: null,
    met: threshold === null ? null : atLeast(value, threshold),
    details: {
      ...roomCoverage.details,
      coveredRooms: roomCoverage.numerator,
      teachingRooms: roomCoverage.denominator,
    },
  };
}
