import { describe, expect, it } from 'vitest';
import { addDays, dayBounds, isDay, localClockTime, localInstant } from './local-time.ts';

describe('local time', () => {
  it.each([
    // A Shanghai day starts at 16:00Z the day before: 23:30Z on the 26th is the 27th locally.
    ['Asia/Shanghai', '2026-11-27', '2026-11-26T16:00:00.000Z', '2026-11-27T16:00:00.000Z'],
    ['UTC', '2026-11-27', '2026-11-27T00:00:00.000Z', '2026-11-28T00:00:00.000Z'],
    // Berlin springs forward on 2026-03-29: a 23-hour day.
    ['Europe/Berlin', '2026-03-29', '2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z'],
    ['Asia/Kathmandu', '2026-11-27', '2026-11-26T18:15:00.000Z', '2026-11-27T18:15:00.000Z'],
  ])('in %s, %s runs from %s to %s', (zone, day, start, end) => {
    const bounds = dayBounds(day, zone);
    expect([bounds.start.toISOString(), bounds.end.toISOString()]).toEqual([start, end]);
  });

  it.each([
    ['Asia/Shanghai', '2026-11-27', '08:00', '2026-11-27T00:00:00.000Z'],
    ['Asia/Shanghai', '2026-11-27', '17:00', '2026-11-27T09:00:00.000Z'],
    ['Europe/Berlin', '2026-07-01', '08:00', '2026-07-01T06:00:00.000Z'],
    ['Europe/Berlin', '2026-12-01', '08:00', '2026-12-01T07:00:00.000Z'],
  ])('in %s, %s %s local is %s', (zone, day, time, utc) => {
    expect(localInstant(day, time, zone).toISOString()).toBe(utc);
  });

  it.each([
    ['2026-11-27', -1, '2026-11-26'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-11-27', -6, '2026-11-21'],
  ])('%s plus %s days is %s', (day, n, expected) => {
    expect(addDays(day, n)).toBe(expected);
  });

  it.each([
    ['2026-11-27', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-1-1', false],
    ['yesterday', false],
  ])('%s is a day: %s', (value, expected) => {
    expect(isDay(value)).toBe(expected);
  });

  it('reads the local clock of an instant', () => {
    expect(localClockTime(new Date('2026-11-26T16:30:00Z'), 'Asia/Shanghai')).toBe('00:30');
    expect(localClockTime(new Date('2026-11-26T16:29:59Z'), 'Asia/Shanghai')).toBe('00:29');
  });
});
