import { describe, expect, it } from 'vitest';
import { compareOids, indexAfter, isUnder, normaliseOid } from './oid.ts';

describe('OID helpers', () => {
  it.each([
    ['1.3.6.1.2.1.2.2.1.9', '1.3.6.1.2.1.2.2.1.10', -1],
    ['1.3.6.1.2.1.2.2.1.10', '1.3.6.1.2.1.2.2.1.9', 1],
    ['1.3.6.1', '1.3.6.1.1', -1],
    ['1.3.6.1.1', '1.3.6.1', 1],
    ['1.3.6.1', '1.3.6.1', 0],
    ['1.3.6.2', '1.3.6.10', -1],
  ])('compareOids(%s, %s) = %i', (a, b, want) => {
    expect(Math.sign(compareOids(a, b))).toBe(want);
  });

  it('tells a child from a sibling that shares a string prefix', () => {
    expect(isUnder('1.3.6.1.2.1.2.2.1.1', '1.3.6.1.2.1.2')).toBe(true);
    expect(isUnder('1.3.6.1.2.1.25.1', '1.3.6.1.2.1.2')).toBe(false);
    expect(isUnder('1.3.6.1.2.1.2', '1.3.6.1.2.1.2')).toBe(false);
  });

  it('extracts index sub-identifiers and drops a leading dot', () => {
    expect(indexAfter('1.3.6.1.2.1.2.2.1.2.17', '1.3.6.1.2.1.2.2.1')).toEqual([2, 17]);
    expect(indexAfter('1.3.6.1.2.1.3', '1.3.6.1.2.1.2')).toBeUndefined();
    expect(normaliseOid('.1.3.6')).toBe('1.3.6');
  });
});
