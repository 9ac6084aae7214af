import { describe, expect, it } from 'vitest';
import { atLocal, dayNumber, localDay, localMinute, weekday } from './local-time.ts';
import { peakSeconds, trafficShare } from './traffic.ts';

describe('local time of the demo county (UTC+8)', () => {
  it('turns instants into local days and minutes', () => {
    const t = Date.parse('2026-11-26T16:30:00Z');
    expect(localDay(t)).toBe('2026-11-27');
    expect(localMinute(t)).toBe(30);
    expect(atLocal('2026-11-27', '00:30')).toBe(t);
    expect(dayNumber(t) - dayNumber(t - 3_600_000)).toBe(1);
    expect(weekday(t)).toBe(5);
  });
});

describe('the school-day traffic curve', () => {
  const friday = '2026-11-27';
  const saturday = '2026-11-28';

  it('is busy in lessons, quiet at night, dips at lunch and sleeps at weekends', () => {
    expect(trafficShare(atLocal(friday, '10:15'))).toBe(0.9);
    expect(trafficShare(atLocal(friday, '03:00'))).toBe(0.02);
    expect(trafficShare(atLocal(friday, '12:30'))).toBeLessThan(
      trafficShare(atLocal(friday, '11:30')),
    );
    expect(trafficShare(atLocal(saturday, '10:15'))).toBeCloseTo(0.135, 6);
  });

  it('integrates to bytes: the difference over an hour is that hour’s share in seconds', () => {
    const a = atLocal(friday, '10:00');
    expect(peakSeconds(a + 3_600_000) - peakSeconds(a)).toBeCloseTo(0.9 * 3600, 3);
    const b = atLocal(friday, '11:30');
    expect(peakSeconds(b + 3_600_000) - peakSeconds(b)).toBeCloseTo(0.8 * 1800 + 0.45 * 1800, 3);
  });

  it('never goes backwards', () => {
    let last = peakSeconds(atLocal(friday, '00:00'));
    for (let m = 7; m < 60 * 24 * 8; m += 7) {
      const next = peakSeconds(atLocal(friday, '00:00') + m * 60_000);
      expect(next).toBeGreaterThanOrEqual(last);
      last = next;
    }
  });
});
