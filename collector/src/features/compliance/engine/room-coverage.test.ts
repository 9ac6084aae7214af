import { describe, expect, it } from 'vitest';
import type { ApDevice } from './ap-devices.ts';
import { computeRoomCoverage } from './room-coverage.ts';
import { apDevice } from './testing-aps.ts';

const offline = { onlineInWindow: false, onlineToday: false };

describe('computeRoomCoverage', () => {
  it.each<[string, number[], ApDevice[], number | null, Record<string, unknown>]>([
    [
      'an AP online in the window covers its room; one offline all week does not',
      [1, 2],
      [apDevice({ roomIds: [1] }), apDevice({ roomIds: [2], ...offline })],
      0.6,
      { value: 0.5, numerator: 1, denominator: 2, met: false },
    ],
    [
      'online some day of the window (not today) still covers',
      [1],
      [apDevice({ roomIds: [1], onlineToday: false })],
      1,
      { value: 1, numerator: 1, denominator: 1, met: true },
    ],
    [
      'two APs in one room count the room once',
      [1, 2],
      [apDevice({ roomIds: [1] }), apDevice({ roomIds: [1] })],
      0.5,
      { value: 0.5, numerator: 1, denominator: 2, met: true },
    ],
    [
      'an AP in an office (not a teaching room) covers nothing',
      [1],
      [apDevice({ roomIds: [99] })],
      0.6,
      { value: 0, numerator: 0, denominator: 1, met: false },
    ],
    [
      'no target: the value is kept, met is null',
      [1, 2, 3, 4],
      [apDevice({ roomIds: [1, 2, 3] })],
      null,
      { value: 0.75, numerator: 3, denominator: 4, met: null, unknownReason: null },
    ],
  ])('%s', (_name, rooms, aps, threshold, expected) => {
    const got = computeRoomCoverage({ teachingRoomIds: rooms, aps, windowDays: 7 }, threshold);
    expect(got).toMatchObject(expected);
  });

  it('is unknown without a room list, never 0 % or 100 %, and still gives the AP counts', () => {
    const aps = [
      apDevice(),
      apDevice({ onlineToday: false }),
      apDevice({ seenInWindow: false, ...offline }),
    ];
    const got = computeRoomCoverage({ teachingRoomIds: [], aps, windowDays: 7 }, 1);
    expect(got).toMatchObject({
      value: null,
      numerator: null,
      denominator: null,
      unknownReason: 'room_list_missing',
      met: null,
      details: { apsKnown: 2, apsOnlineToday: 1, apsOnlineInWindow: 2, apsWithoutRoom: 2 },
    });
  });
});
