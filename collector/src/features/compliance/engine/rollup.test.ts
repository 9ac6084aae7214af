import { describe, expect, it } from 'vitest';
import type { RollupSource } from './rollup.ts';
import { rollUp } from './rollup.ts';

const r = (o: Partial<RollupSource>): RollupSource => ({
  townId: 1,
  teachingPoint: false,
  indicator: 'room_coverage',
  status: 'met',
  numerator: 10,
  denominator: 10,
  ...o,
});

describe('rollUp', () => {
  const rollups = rollUp(
    [
      r({ numerator: 10, denominator: 10 }),
      r({ status: 'not_met', numerator: 3, denominator: 6 }),
      r({ townId: 2, teachingPoint: true, status: 'not_met', numerator: 0, denominator: 1 }),
      r({ townId: 2, teachingPoint: true, status: 'unknown', numerator: null, denominator: null }),
      r({ townId: 2, status: 'no_target', numerator: 1, denominator: 3 }),
    ],
    { countyId: 7, townIds: [1, 2, 3] },
  );
  const find = (scope: string, id: number) =>
    rollups.find((x) => x.scope === scope && x.scopeId === id && x.indicator === 'room_coverage');

  it('weights by units (Σ numerators ÷ Σ denominators) over known schools only', () => {
    expect(find('county', 7)).toMatchObject({ numerator: 14, denominator: 20, value: 0.7 });
    expect(find('town', 1)).toMatchObject({ numerator: 13, denominator: 16, value: 13 / 16 });
  });

  it('counts teaching points among schools and again on their own', () => {
    expect(find('county', 7)).toMatchObject({
      schools: 5,
      schoolsMet: 1,
      schoolsNotMet: 2,
      schoolsUnknown: 1,
      teachingPoints: 2,
      teachingPointsMet: 0,
      teachingPointsNotMet: 1,
      teachingPointsUnknown: 1,
    });
  });

  it('has a row for every town and indicator, an empty town with no figure', () => {
    expect(rollups).toHaveLength(4 * 7);
    expect(find('town', 3)).toMatchObject({ schools: 0, value: null, numerator: null });
  });
});
