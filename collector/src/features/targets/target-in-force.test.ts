import { describe, expect, it } from 'vitest';
import { targetInForce } from './target-in-force.ts';

// Chengkou: room coverage 60 % from 2022, 100 % from 2025 (steps given out of order on purpose).
const steps = [
  { id: 2, effectiveFrom: '2025-01-01', threshold: 1 },
  { id: 1, effectiveFrom: '2022-01-01', threshold: 0.6 },
];

describe('targetInForce', () => {
  it.each([
    ['2021-12-31', undefined],
    ['2022-01-01', 1],
    ['2024-12-31', 1],
    ['2025-01-01', 2],
    ['2026-11-27', 2],
  ])('on %s the step in force is %s', (day, id) => {
    expect(targetInForce(steps, day)?.id).toBe(id);
  });

  it('has none without steps', () => {
    expect(targetInForce([], '2026-01-01')).toBeUndefined();
  });
});
