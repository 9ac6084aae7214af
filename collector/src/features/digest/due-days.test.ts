import { describe, expect, it } from 'vitest';
import { localAt } from '../compliance/scenario/scenario-time.ts';
import { FIRST_RETRY_MS, MAX_RETRY_MS, nextAttemptAt, RETRY_FOR_MS } from './backoff.ts';
import { dueDays, nextSendAt } from './due-days.ts';

const shanghai = (day: string, hhmm: string) => new Date(localAt(day, hhmm));

describe('dueDays', () => {
  it('is yesterday once the send time has come, and the two days before it', () => {
    const at = (hhmm: string) =>
      dueDays({ now: shanghai('2026-11-28', hhmm), timeZone: 'Asia/Shanghai', sendTime: '07:00' });
    expect(at('07:00').map((d) => d.day)).toEqual(['2026-11-25', '2026-11-26', '2026-11-27']);
    expect(at('06:59').map((d) => d.day)).toEqual(['2026-11-24', '2026-11-25', '2026-11-26']);
    expect(at('07:00').at(-1)?.dueAt.toISOString()).toBe('2026-11-27T23:00:00.000Z');
  });

  it('follows the county’s timezone and send time', () => {
    const utc = dueDays({
      now: new Date('2026-11-28T06:30:00Z'),
      timeZone: 'UTC',
      sendTime: '06:15',
      catchUpDays: 1,
    });
    expect(utc).toEqual([{ day: '2026-11-27', dueAt: new Date('2026-11-28T06:15:00Z') }]);
  });

  it('gives the next regular send', () => {
    const next = (hhmm: string) =>
      nextSendAt(shanghai('2026-11-28', hhmm), 'Asia/Shanghai', '07:00').toISOString();
    expect(next('06:00')).toBe('2026-11-27T23:00:00.000Z');
    expect(next('07:00')).toBe('2026-11-28T23:00:00.000Z');
  });
});

describe('nextAttemptAt', () => {
  const due = '2026-11-27T23:00:00.000Z';
  const now = new Date('2026-11-28T00:00:00.000Z');
  const delay = (attempts: number) => {
    const next = nextAttemptAt(attempts, now, due);
    return next === null ? null : Date.parse(next) - now.getTime();
  };

  it('waits a minute, doubling to an hour', () => {
    expect([1, 2, 3, 4, 7, 8, 50].map(delay)).toEqual([
      FIRST_RETRY_MS,
      2 * FIRST_RETRY_MS,
      4 * FIRST_RETRY_MS,
      8 * FIRST_RETRY_MS,
      MAX_RETRY_MS,
      MAX_RETRY_MS,
      MAX_RETRY_MS,
    ]);
  });

  it('gives up a week after the mail was due', () => {
    const late = new Date(Date.parse(due) + RETRY_FOR_MS);
    expect(nextAttemptAt(3, late, due)).toBeNull();
    expect(nextAttemptAt(3, new Date(late.getTime() - 1), due)).not.toBeNull();
  });
});
