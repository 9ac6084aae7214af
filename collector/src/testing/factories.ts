import type { Clock } from '../context.ts';
import type { Db } from '../db/schema.ts';
import { createCounty } from '../features/places/create-county.ts';
import { createRoom } from '../features/places/create-room.ts';
import { createSchool } from '../features/places/create-school.ts';
import { createTown } from '../features/places/create-town.ts';
import type { RoomKind, SchoolKind } from '../features/places/kinds.ts';
import type { County, Room, School, Town } from '../features/places/schema.ts';

let counter = 0;
/** A name no other test uses, so tests never depend on each other's rows. */
export const uniqueName = (prefix: string): string => `${prefix}${++counter}`;

/** Places made through the same verbs the API uses, with unique names by default. */
export function placeFactory(db: Db, clock: Clock = () => new Date()) {
  return {
    county: (o: Partial<{ name: string; timezone: string }> = {}): Promise<County> =>
      createCounty({
        db,
        clock,
        input: { name: uniqueName('测试县'), timezone: 'Asia/Shanghai', ...o },
      }),
    town: (countyId: number, o: Partial<{ name: string }> = {}): Promise<Town> =>
      createTown({ db, clock, input: { countyId, name: uniqueName('测试镇'), ...o } }),
    school: (
      townId: number,
      o: Partial<{
        name: string;
        code: string;
        kind: SchoolKind;
        contractedEgressMbps: number | null;
      }> = {},
    ): Promise<School> =>
      createSchool({
        db,
        clock,
        input: {
          townId,
          name: uniqueName('测试小学'),
          code: uniqueName('T'),
          kind: 'complete_primary',
          contractedEgressMbps: null,
          ...o,
        },
      }),
    room: (schoolId: number, o: Partial<{ name: string; kind: RoomKind }> = {}): Promise<Room> =>
      createRoom({
        db,
        clock,
        input: { schoolId, name: uniqueName('教室'), kind: 'ordinary_classroom', ...o },
      }),
  };
}
