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

  it('gives the same order when told how much text both OIDs begin with', () => {
    const root = '1.3.6.1.2.1.31.1.1.1';
    const oids = [
      root,
      `${root}.1.9`,
      `${root}.1.10`,
      `${root}.1.10.1`,
      `${root}.2.1`,
      `${root}.10.1`,
    ];
    for (const a of oids) {
      for (const b of oids) {
        expect(Math.sign(compareOids(a, b, root.length))).toBe(Math.sign(compareOids(a, b)));
      }
    }
    // The shared text may end inside an arc: the comparison backs up to the arc's start.
    expect(compareOids('1.3.6.1.2.1.19', '1.3.6.1.2.1.12', 13)).toBe(1);
    expect(compareOids('1.3.6.1.2.1.19', '1.3.6.1.2.1.100', 13)).toBe(-1);
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
