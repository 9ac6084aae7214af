import { describe, expect, it } from 'vitest';
import type { ApRoomMapping, MapApRoomInput, RoomFacts } from './map-ap-room.ts';
import { compileRoomConvention, mapApRoom } from './map-ap-room.ts';

const rooms: RoomFacts[] = [
  { id: 1, schoolId: 7, name: '301' },
  { id: 2, schoolId: 8, name: '301' },
];
const base: MapApRoomInput = {
  apName: 'CK1X-3F-301',
  schoolId: 7,
  explicitRoom: undefined,
  convention: compileRoomConvention('^(?<school>[^-]+)-\\d+F-(?<room>\\d+)$'),
  findRoom: (schoolId, name) => rooms.find((r) => r.schoolId === schoolId && r.name === name),
};

const cases: [string, Partial<MapApRoomInput>, ApRoomMapping][] = [
  [
    'finds the captured room in the AP’s own school',
    {},
    { roomId: 1, how: 'name-convention', matched: '301', miss: null },
  ],
  [
    'the explicit room beats the convention',
    { explicitRoom: { id: 9, schoolId: 7, name: '机房' } },
    { roomId: 9, how: 'explicit', matched: null, miss: null },
  ],
  [
    'an explicit room of another school is reported, not used',
    { explicitRoom: rooms[1] },
    { roomId: null, how: null, matched: null, miss: 'explicit-room-other-school' },
  ],
  [
    'no school, no room',
    { schoolId: null },
    { roomId: null, how: null, matched: null, miss: 'no-school' },
  ],
  [
    'no convention',
    { convention: null },
    { roomId: null, how: null, matched: null, miss: 'no-convention' },
  ],
  [
    'a name the convention does not fit',
    { apName: 'lobby-ap' },
    { roomId: null, how: null, matched: null, miss: 'name-no-match' },
  ],
  [
    'an overlong name is not matched at all',
    { apName: `CK1X-3F-${'1'.repeat(300)}` },
    { roomId: null, how: null, matched: null, miss: 'name-no-match' },
  ],
  [
    'a captured room the school does not have',
    { apName: 'CK1X-4F-401' },
    { roomId: null, how: null, matched: '401', miss: 'room-not-found' },
  ],
];

describe('mapApRoom', () => {
  it.each(cases)('%s', (_name, given, expected) => {
    expect(mapApRoom({ ...base, ...given })).toEqual(expected);
  });
});
