import { describe, expect, it } from 'vitest';
import { computeFullCoverage } from './full-coverage.ts';
import type { Measure } from './measure.ts';
import { ratioMeasure, unknownMeasure } from './measure.ts';

describe('computeFullCoverage', () => {
  it.each<[string, Measure, number | null, Partial<Measure>]>([
    [
      'every room covered',
      ratioMeasure(4, 4, null, {}),
      1,
      { value: 1, numerator: 1, denominator: 1, met: true },
    ],
    [
      'one room short',
      ratioMeasure(3, 4, null, {}),
      1,
      { value: 0, numerator: 0, denominator: 1, met: false },
    ],
    ['no target', ratioMeasure(3, 4, null, {}), null, { value: 0, met: null }],
    [
      'unknown coverage stays unknown',
      unknownMeasure('room_list_missing', { apsKnown: 3 }),
      1,
      { value: null, unknownReason: 'room_list_missing', met: null },
    ],
  ])('%s', (_name, coverage, threshold, expected) => {
    expect(computeFullCoverage(coverage, threshold)).toMatchObject(expected);
  });
});
