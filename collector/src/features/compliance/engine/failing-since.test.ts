import { describe, expect, it } from 'vitest';
import type { ResultStatus } from '../indicators.ts';
import { failingSince } from './failing-since.ts';

const DAY = '2026-11-27';
type Yesterday = { status: ResultStatus; failingSince: string | null } | undefined;

describe('failingSince', () => {
  it.each<[string, ResultStatus, Yesterday, string | null]>([
    ['first failing day', 'not_met', undefined, DAY],
    [
      'carried from yesterday',
      'not_met',
      { status: 'not_met', failingSince: '2026-11-20' },
      '2026-11-20',
    ],
    [
      'yesterday failing without a start (older rows)',
      'not_met',
      { status: 'not_met', failingSince: null },
      '2026-11-26',
    ],
    ['yesterday met: starts today', 'not_met', { status: 'met', failingSince: null }, DAY],
    ['yesterday unknown ends the run', 'not_met', { status: 'unknown', failingSince: null }, DAY],
    ['met today', 'met', { status: 'not_met', failingSince: '2026-11-20' }, null],
    ['unknown today', 'unknown', { status: 'not_met', failingSince: '2026-11-20' }, null],
    ['no target today', 'no_target', undefined, null],
  ])('%s', (_name, status, yesterday, expected) => {
    expect(failingSince(status, DAY, yesterday)).toBe(expected);
  });
});
