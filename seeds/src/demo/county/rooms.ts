import type { Random } from './random.ts';
import type { DemoRoom, RoomKind, SchoolKind } from './types.ts';

type Range = readonly [number, number];

/** Rooms by school kind: ordinary classrooms, special classrooms (labs, music, computers), offices. */
const ROOMS: Readonly<Record<SchoolKind, { ordinary: Range; special: Range; office: Range }>> = {
  middle: { ordinary: [24, 36], special: [8, 12], office: [6, 10] },
  nine_year: { ordinary: [16, 24], special: [5, 8], office: [3, 5] },
  other: { ordinary: [18, 24], special: [10, 14], office: [4, 6] },
  central: { ordinary: [10, 16], special: [3, 6], office: [2, 4] },
  complete_primary: { ordinary: [6, 12], special: [2, 4], office: [1, 3] },
  village_primary: { ordinary: [3, 6], special: [0, 1], office: [1, 1] },
  teaching_point: { ordinary: [1, 3], special: [0, 0], office: [0, 0] },
  kindergarten: { ordinary: [6, 10], special: [1, 2], office: [1, 2] },
};

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * A school's rooms numbered by floor as schools label doors (101, 102, … 201): classrooms
 * first, then special classrooms, offices on the top floor.
 */
export function generateRooms(kind: SchoolKind, rnd: Random): DemoRoom[] {
  const size = ROOMS[kind];
  const kinds: RoomKind[] = [
    ...Array<RoomKind>(rnd.int(...size.ordinary)).fill('ordinary_classroom'),
    ...Array<RoomKind>(rnd.int(...size.special)).fill('special_classroom'),
    ...Array<RoomKind>(rnd.int(...size.office)).fill('office'),
  ];
  const perFloor = kinds.length > 24 ? 8 : 6;
  return kinds.map((roomKind, n) => ({
    name: `${Math.floor(n / perFloor) + 1}${pad2((n % perFloor) + 1)}`,
    kind: roomKind,
  }));
}
