import { describe, expect, it } from 'vitest';
import { localDay } from './local-day.ts';

describe('localDay', () => {
  it.each([
    ['2026-11-27T15:59:59.999Z', 'Asia/Shanghai', '2026-11-27'],
    ['2026-11-27T16:00:00.000Z', 'Asia/Shanghai', '2026-11-28'],
    ['2026-11-27T16:30:00.000Z', 'Asia/Shanghai', '2026-11-28'],
    ['2026-11-27T15:59:00.000Z', 'Asia/Shanghai', '2026-11-27'],
    ['2026-03-08T04:59:00.000Z', 'America/New_York', '2026-03-07'],
    ['2026-03-08T05:00:00.000Z', 'America/New_York', '2026-03-08'],
    ['2026-01-01T18:14:00.000Z', 'Asia/Kathmandu', '2026-01-01'],
    ['2026-01-01T18:15:00.000Z', 'Asia/Kathmandu', '2026-01-02'],
  ])('%s in %s is %s', (at, zone, day) => {
    expect(localDay(new Date(at), zone)).toBe(day);
  });
});
