import { describe, expect, it } from 'vitest';
import { mergePlans } from './plan.ts';

describe('mergePlans', () => {
  it('walks a subtree once when another plan asks for a part of it', () => {
    const plan = mergePlans([
      { scalars: [], subtrees: ['1.3.6.1.2.1.2.2.1', '1.3.6.1.2.1.31.1.1.1'] },
      { scalars: [], subtrees: ['1.3.6.1.2.1.31.1.1.1.1', '1.3.6.1.2.1.2.2.1.2'] },
    ]);
    expect(plan.subtrees).toEqual(['1.3.6.1.2.1.2.2.1', '1.3.6.1.2.1.31.1.1.1']);
  });

  it('does not mistake a sibling with a common string prefix for a parent', () => {
    const plan = mergePlans([{ scalars: [], subtrees: ['1.3.6.1.2.1.2', '1.3.6.1.2.1.25'] }]);
    expect(plan.subtrees).toEqual(['1.3.6.1.2.1.2', '1.3.6.1.2.1.25']);
  });

  it('reads scalars inside a walked subtree from the walk and orders OIDs numerically', () => {
    const plan = mergePlans([
      {
        scalars: ['1.3.6.1.2.1.4.25.0', '1.3.6.1.2.1.2.2.1.1.1', '.1.3.6.1.2.1.4.3.0'],
        subtrees: ['1.3.6.1.2.1.2.2.1'],
      },
    ]);
    expect(plan.scalars).toEqual(['1.3.6.1.2.1.4.3.0', '1.3.6.1.2.1.4.25.0']);
  });
});
