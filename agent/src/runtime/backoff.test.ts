import { describe, expect, it } from 'vitest';
import { createBackoff } from './backoff.ts';

describe('createBackoff', () => {
  it('grows exponentially up to the ceiling, with jitter, and resets', () => {
    const top = createBackoff(1000, 8000, () => 1);
    expect([top.next(), top.next(), top.next(), top.next(), top.next()]).toEqual([
      1000, 2000, 4000, 8000, 8000,
    ]);
    top.reset();
    expect(top.next()).toBe(1000);
    const bottom = createBackoff(1000, 8000, () => 0);
    expect(bottom.next()).toBe(500);
  });
});
