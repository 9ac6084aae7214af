import { describe, expect, it } from 'vitest';
import type { Derived } from './fresh-cache.ts';
import { FreshCache } from './fresh-cache.ts';

/** A reading that counts how often it ran and holds until `until`. */
function reading(until = Infinity) {
  let runs = 0;
  const read = (): Promise<Derived<number>> => Promise.resolve({ value: ++runs, until });
  return { read, runs: () => runs };
}

describe('FreshCache', () => {
  it('keeps a value while the change key is the same, and reads again when it moves', async () => {
    const cache = new FreshCache<number>(8);
    const r = reading();
    expect(await cache.get('a', 'k1', 0, r.read)).toBe(1);
    expect(await cache.get('a', 'k1', 5, r.read)).toBe(1);
    expect(await cache.get('a', 'k2', 5, r.read)).toBe(2);
    // An old key is never served again, even if a reader still holds it.
    expect(await cache.get('a', 'k1', 5, r.read)).toBe(3);
    expect(r.runs()).toBe(3);
  });

  it('reads again once the time reaches the end of the value’s span', async () => {
    const cache = new FreshCache<number>(8);
    const r = reading(100);
    expect(await cache.get('a', 'k', 10, r.read)).toBe(1);
    expect(await cache.get('a', 'k', 99, r.read)).toBe(1);
    expect(await cache.get('a', 'k', 100, r.read)).toBe(2);
  });

  it('reads again when the clock is set back before the value was read', async () => {
    const cache = new FreshCache<number>(8);
    const r = reading();
    expect(await cache.get('a', 'k', 1000, r.read)).toBe(1);
    expect(await cache.get('a', 'k', 999, r.read)).toBe(2);
  });

  it('keeps nothing without a change key', async () => {
    const cache = new FreshCache<number>(8);
    const r = reading();
    expect(await cache.get('a', undefined, 0, r.read)).toBe(1);
    expect(await cache.get('a', undefined, 0, r.read)).toBe(2);
    expect(cache.size).toBe(0);
  });

  it('lets callers that miss together share one reading, and keeps no failure', async () => {
    const cache = new FreshCache<number>(8);
    let runs = 0;
    let fail = true;
    const read = async (): Promise<Derived<number>> => {
      runs++;
      await Promise.resolve();
      if (fail) throw new Error('database gone');
      return { value: runs, until: Infinity };
    };
    const both = [cache.get('a', 'k', 0, read), cache.get('a', 'k', 0, read)];
    await expect(Promise.all(both)).rejects.toThrow('database gone');
    expect(runs).toBe(1);
    fail = false;
    expect(await cache.get('a', 'k', 0, read)).toBe(2);
  });

  it('keeps the most recently used entries', async () => {
    const cache = new FreshCache<number>(2);
    const r = reading();
    await cache.get('a', 'k', 0, r.read);
    await cache.get('b', 'k', 0, r.read);
    await cache.get('a', 'k', 0, r.read);
    await cache.get('c', 'k', 0, r.read);
    expect(cache.size).toBe(2);
    expect(r.runs()).toBe(3);
    await cache.get('a', 'k', 0, r.read);
    expect(r.runs()).toBe(3);
    await cache.get('b', 'k', 0, r.read);
    expect(r.runs()).toBe(4);
  });
});
