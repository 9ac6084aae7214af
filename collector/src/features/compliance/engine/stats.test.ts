import { describe, expect, it } from 'vitest';
import { maximum, median, minimum, percentile } from './stats.ts';

describe('order statistics', () => {
  it.each<[number[], number | null, number | null, number | null, number | null]>([
    [[], null, null, null, null],
    [[5], 5, 5, 5, 5],
    [[3, 1, 2], 2, 3, 1, 3],
    [[4, 1, 3, 2], 2.5, 4, 1, 4],
  ])('%j: median %s, p95 %s, min %s, max %s', (values, med, p95, min, max) => {
    expect([median(values), percentile(values, 95), minimum(values), maximum(values)]).toEqual([
      med,
      p95,
      min,
      max,
    ]);
  });

  it('takes the nearest rank: the 95th of 1…100 is 95', () => {
    expect(
      percentile(
        Array.from({ length: 100 }, (_, i) => i + 1),
        95,
      ),
    ).toBe(95);
  });
});
