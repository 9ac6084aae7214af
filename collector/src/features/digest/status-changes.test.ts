import { describe, expect, it } from 'vitest';
import type { ResultStatus } from '../compliance/indicators.ts';
import type { SchoolLine } from './content.ts';
import { changeKind, lineKey, statusChanges } from './status-changes.ts';

describe('changeKind', () => {
  it.each<[ResultStatus | null, ResultStatus, string | null]>([
    ['met', 'not_met', 'newly_failing'],
    ['unknown', 'not_met', 'newly_failing'],
    ['no_target', 'not_met', 'newly_failing'], // a target came into force
    [null, 'not_met', 'newly_failing'], // a school new since yesterday
    ['not_met', 'not_met', null],
    ['met', 'unknown', 'became_unknown'],
    ['not_met', 'unknown', 'became_unknown'],
    ['unknown', 'unknown', null],
    ['not_met', 'met', 'fixed'],
    ['unknown', 'met', 'known_again'],
    ['met', 'met', null],
    [null, 'met', null],
    ['no_target', 'met', null],
  ])('%s → %s: %s', (before, now, kind) => {
    expect(changeKind(before, now)).toBe(kind);
  });
});

describe('statusChanges', () => {
  const line = (
    schoolId: number,
    town: string,
    code: string,
    status: ResultStatus,
  ): SchoolLine => ({
    schoolId,
    school: `学校${schoolId}`,
    code,
    town,
    indicator: 'room_coverage',
    status,
    value: null,
    numerator: null,
    denominator: null,
    threshold: 1,
    unknownReason: null,
    failingSince: null,
  });

  it('puts news first (newly failing, became unknown, fixed, known again), then by place', () => {
    const today = [
      line(1, '石门乡', 'C1', 'met'),
      line(2, '城关镇', 'A2', 'unknown'),
      line(3, '河口镇', 'B3', 'not_met'),
      line(4, '城关镇', 'A4', 'not_met'),
      line(5, '城关镇', 'A5', 'met'),
    ];
    const before = new Map<string, ResultStatus>([
      [lineKey(1, 'room_coverage'), 'not_met'],
      [lineKey(2, 'room_coverage'), 'met'],
      [lineKey(3, 'room_coverage'), 'met'],
      [lineKey(4, 'room_coverage'), 'met'],
      [lineKey(5, 'room_coverage'), 'unknown'],
    ]);
    expect(statusChanges(today, before).map((c) => [c.code, c.kind, c.before])).toEqual([
      ['A4', 'newly_failing', 'met'],
      ['B3', 'newly_failing', 'met'],
      ['A2', 'became_unknown', 'met'],
      ['C1', 'fixed', 'not_met'],
      ['A5', 'known_again', 'unknown'],
    ]);
  });
});
