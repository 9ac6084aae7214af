import { MAX_MATCHED_LENGTH } from '../safe-pattern.ts';

/*
 * Which room an AP serves: an explicit assignment, else the county's naming convention
 * (a regex with a named group `room`, looked up by room name in the AP's school). When
 * neither gives a room, `miss` says why, so a person knows what to fix.
 */

export type RoomHow = 'explicit' | 'name-convention';
export type RoomMiss =
  'no-school' | 'explicit-room-other-school' | 'no-convention' | 'name-no-match' | 'room-not-found';

export interface RoomFacts {
  readonly id: number;
  readonly schoolId: number;
  readonly name: string;
}

export interface ApRoomMapping {
  readonly roomId: number | null;
  readonly how: RoomHow | null;
  /** The room text the convention captured from the AP name. */
  readonly matched: string | null;
  readonly miss: RoomMiss | null;
}

export interface MapApRoomInput {
  readonly apName: string | null;
  readonly schoolId: number | null;
  readonly explicitRoom: RoomFacts | undefined;
  readonly convention: RegExp | null;
  readonly findRoom: (schoolId: number, name: string) => RoomFacts | undefined;
}

export function mapApRoom(input: MapApRoomInput): ApRoomMapping {
  const miss = (why: RoomMiss, matched: string | null = null): ApRoomMapping => ({
    roomId: null,
    how: null,
    matched,
    miss: why,
  });
  const { schoolId, explicitRoom, convention, apName } = input;
  if (schoolId === null) return miss('no-school');
  if (explicitRoom !== undefined) {
    // The school may have changed since (a new rule): say so rather than guess.
    if (explicitRoom.schoolId !== schoolId) return miss('explicit-room-other-school');
    return { roomId: explicitRoom.id, how: 'explicit', matched: null, miss: null };
  }
  if (convention === null) return miss('no-convention');
  if (apName === null || apName.length > MAX_MATCHED_LENGTH) return miss('name-no-match');
  const captured = convention.exec(apName)?.groups?.['room']?.trim();
  if (captured === undefined || captured === '') return miss('name-no-match');
  const room = input.findRoom(schoolId, captured);
  if (room === undefined) return miss('room-not-found', captured);
  return { roomId: room.id, how: 'name-convention', matched: captured, miss: null };
}

/** A stored convention as a RegExp; one that no longer compiles maps no room. */
export function compileRoomConvention(pattern: string | null): RegExp | null {
  if (pattern === null) return null;
  try {
    return new RegExp(pattern);
  } catch {
    return null;
  }
}
