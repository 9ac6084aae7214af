import type { MessageKey } from '@xiaowang/shared';

/** School kinds, stored as ASCII keys; labels live in the message catalogue. */
export const SCHOOL_KINDS = [
  'middle',
  'nine_year',
  'central',
  'complete_primary',
  'village_primary',
  'teaching_point',
  'kindergarten',
  'other',
] as const;
export type SchoolKind = (typeof SCHOOL_KINDS)[number];

export const ROOM_KINDS = ['ordinary_classroom', 'special_classroom', 'office', 'other'] as const;
export type RoomKind = (typeof ROOM_KINDS)[number];

/** Only classrooms count for wireless coverage (targets.md §3: teaching rooms). */
export function isTeachingRoom(kind: RoomKind): boolean {
  return kind === 'ordinary_classroom' || kind === 'special_classroom';
}

/** Teaching points are schools in every statistic, shown apart where a bureau wants (§2). */
export function isTeachingPoint(kind: SchoolKind): boolean {
  return kind === 'teaching_point';
}

export function schoolKindLabel(kind: SchoolKind): MessageKey {
  return `collector.schoolKind.${kind}`;
}

export function roomKindLabel(kind: RoomKind): MessageKey {
  return `collector.roomKind.${kind}`;
}
