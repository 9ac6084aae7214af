import { describe, expect, it } from 'vitest';
import type { Freshness } from '../indicators.ts';
import { freshnessBlocks, judgeFreshness } from './freshness.ts';

const evaluatedAt = new Date('2026-11-27T16:00:00.000Z');
const minutesBefore = (m: number) => new Date(evaluatedAt.getTime() - m * 60_000).toISOString();

describe('judgeFreshness (late 10 min, stale 24 h)', () => {
  it.each<[string, string | null, Freshness, boolean]>([
    ['just now', minutesBefore(0), 'fresh', false],
    ['two polls ago', minutesBefore(10), 'fresh', false],
    ['just past the late window', minutesBefore(11), 'late', false],
    ['a day ago exactly', minutesBefore(24 * 60), 'late', false],
    ['a day and a minute ago', minutesBefore(24 * 60 + 1), 'stale', true],
    ['never', null, 'never', true],
  ])('%s is %s', (_name, lastReportAt, state, blocks) => {
    const got = judgeFreshness({
      lastReportAt,
      evaluatedAt,
      lateWindowMs: 10 * 60_000,
      staleWindowMs: 24 * 3_600_000,
    });
    expect(got.state).toBe(state);
    expect(got.lastReportAt).toBe(lastReportAt);
    expect(freshnessBlocks(got.state)).toBe(blocks);
  });
});
