import { describe, expect, it } from 'vitest';
import { daysDue } from './days-due.ts';

describe('daysDue (Asia/Shanghai)', () => {
  it.each<[string, string, string | undefined, string[]]>([
    ['00:15 local: only the new today', '2026-11-26T16:15:00Z', undefined, ['2026-11-27']],
    [
      '00:30 local: yesterday is final',
      '2026-11-26T16:30:00Z',
      undefined,
      ['2026-11-26', '2026-11-27'],
    ],
    ['later, once finalised: today only', '2026-11-27T02:00:00Z', '2026-11-26', ['2026-11-27']],
    [
      'started mid-day, yesterday not finalised yet',
      '2026-11-27T02:00:00Z',
      '2026-11-25',
      ['2026-11-26', '2026-11-27'],
    ],
    ['23:45 local is still the same day', '2026-11-27T15:45:00Z', '2026-11-26', ['2026-11-27']],
  ])('%s', (_name, now, finalised, days) => {
    expect(daysDue('Asia/Shanghai', new Date(now), finalised).map((d) => d.day)).toEqual(days);
  });
});
