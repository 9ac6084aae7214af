import { describe, expect, it } from 'vitest';
import { RenderCache } from './page-cache.ts';

describe('RenderCache', () => {
  it('keeps the most recently used entries and drops the oldest', () => {
    const cache = new RenderCache<string>(2);
    cache.set('a', '1');
    cache.set('b', '2');
    expect(cache.get('a')).toBe('1');
    cache.set('c', '3');
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe('1');
    expect(cache.get('c')).toBe('3');
    expect(cache.size).toBe(2);
  });

  it('drops an entry only while it is still the one given', () => {
    const cache = new RenderCache<string>(2);
    cache.set('a', '1');
    cache.delete('a', '2');
    expect(cache.get('a')).toBe('1');
    cache.delete('a', '1');
    expect(cache.get('a')).toBeUndefined();
    cache.set('b', '1');
    cache.delete('b');
    expect(cache.size).toBe(0);
  });
});
