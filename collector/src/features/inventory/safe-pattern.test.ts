import { describe, expect, it } from 'vitest';
import { checkPattern, hasBacktrackingHazard } from './safe-pattern.ts';

describe('hasBacktrackingHazard', () => {
  it.each([
    ['(a+)+$', true],
    ['^(\\w+\\s?)*$', true],
    ['(a|ab)*c', true],
    ['(?:x|y){2,}', true],
    ['((a*)b)+', true],
    ['(.)\\1', true],
    ['(?<r>a)\\k<r>', true],
    ['^(?<school>[^-]+)-\\d+F-(?<room>\\d+)$', false],
    ['^[(+*)]+-(\\d{3})+$', false],
    ['(\\d+)?-x', false],
    ['(ab){3}', false],
    ['\\(a+\\)+', false],
    ['城域|metro', false],
    ['^ck-core-\\d+$', false],
    ['(?<=a)b+', false],
  ])('%s → %s', (pattern, expected) => {
    expect(hasBacktrackingHazard(pattern)).toBe(expected);
  });
});

describe('checkPattern', () => {
  it('names what is wrong: syntax, hazard or a missing group', () => {
    expect(checkPattern('(unclosed')).toMatchObject({ kind: 'invalid' });
    expect(checkPattern('(a+)+')).toEqual({ kind: 'hazard' });
    expect(checkPattern('^(?<school>.+)-(\\d+)$', { requiredGroup: 'room' })).toEqual({
      kind: 'missing-group',
      group: 'room',
    });
    expect(checkPattern('^[^-]+-(?<room>\\d+)$', { requiredGroup: 'room' })).toBeNull();
    expect(checkPattern('metro', { flags: 'i' })).toBeNull();
  });
});
