import type { ApDevice } from './ap-devices.ts';
import { knownDevices } from './ap-devices.ts';
import type { Measure } from './measure.ts';
import { ratioMeasure, unknownMeasure } from './measure.ts';

export interface RoomCoverageInput {
  readonly teachingRoomIds: readonly number[];
  readonly aps: readonly ApDevice[];
  readonly windowDays: number;
}

/** The school's AP counts, shown even when no coverage figure can be given. */
export function apCounts(aps: readonly ApDevice[]) {
  const known = knownDevices(aps);
  return {
    apsKnown: known.length,
    apsOnlineToday: known.filter((d) => d.onlineToday).length,
    apsOnlineInWindow: known.filter((d) => d.onlineInWindow).length,
    apsWithoutRoom: known.filter((d) => d.roomIds.length === 0).length,
  };
}

/** The teaching rooms with at least one mapped AP online in the window. */
export function coveredRoomIds(input: RoomCoverageInput): Set<number> {
  const teaching = new Set(input.teachingRoomIds);
  const covered = new Set<number>();
  for (const ap of input.aps) {
    if (!ap.onlineInWindow) continue;
    for (const roomId of ap.roomIds) if (teaching.has(roomId)) covered.add(roomId);
  }
  return covered;
}

/**
 * targets.md §3 (primary): covered teaching rooms ÷ teaching rooms. Without a room list the
 * figure is unknown, never 0 % or 100 %, and the AP counts are still given.
 */
export function computeRoomCoverage(input: RoomCoverageInput, threshold: number | null): Measure {
  const counts = { ...apCounts(input.aps), windowDays: input.windowDays };
  const rooms = new Set(input.teachingRoomIds).size;
  if (rooms === 0) return unknownMeasure('room_list_missing', counts);
  const covered = coveredRoomIds(input).size;
  return ratioMeasure(covered, rooms, threshold, {
    ...counts,
    teachingRooms: rooms,
    coveredRooms: covered,
  });
}
