import { describe, expect, it } from 'vitest';
import { fixedClock } from '../testing/fixed-clock.ts';
import { TokenBuckets } from './rate-limit.ts';

describe('TokenBuckets', () => {
  it('allows a burst, then one request per refill interval, per key', () => {
    const clock = fixedClock();
    const buckets = new TokenBuckets({ ratePerMinute: 6, burst: 2, clock });
    expect([buckets.take('a'), buckets.take('a')]).toEqual([{ ok: true }, { ok: true }]);
    expect(buckets.take('a')).toEqual({ ok: false, retryAfterS: 10 });
    expect(buckets.take('b')).toEqual({ ok: true });
    clock.advance(5_000);
    expect(buckets.take('a')).toEqual({ ok: false, retryAfterS: 5 });
    clock.advance(5_000);
    expect(buckets.take('a')).toEqual({ ok: true });
    clock.advance(3_600_000);
    expect([buckets.take('a'), buckets.take('a'), buckets.take('a').ok]).toEqual([
      { ok: true },
      { ok: true },
      false,
    ]);
  });

  it('forgets keys beyond its bound, full buckets first', () => {
    const clock = fixedClock();
    const buckets = new TokenBuckets({ ratePerMinute: 60, burst: 1, clock, maxKeys: 2 });
    buckets.take('busy');
    clock.advance(60_000); // 'busy' is full again and may be forgotten
    buckets.take('x');
    buckets.take('y');
    expect(buckets.take('x').ok).toBe(false);
    expect(buckets.take('busy').ok).toBe(true);
  });
});
