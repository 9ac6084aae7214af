import type { Db } from '../../../db/schema.ts';
import { isTeachingRoom, ROOM_KINDS } from '../../places/kinds.ts';
import type { Indicator } from '../indicators.ts';

/* The names and facts evidence shows beside the ids a figure was computed from. */

export const selectDevicesById = async (db: Db, ids: readonly number[]) =>
  ids.length === 0
    ? []
    : db
        .selectFrom('devices')
        .select(['id', 'sys_name', 'target_name', 'vendor', 'model', 'address', 'last_report_id'])
        .where('id', 'in', ids)
        .orderBy('id')
        .execute();

export const selectInterfacesOf = async (db: Db, deviceIds: readonly number[]) =>
  deviceIds.length === 0
    ? []
    : db
        .selectFrom('interfaces')
        .select(['device_id', 'if_index', 'if_name', 'if_alias'])
        .where('device_id', 'in', deviceIds)
        .execute();

export const selectTeachingRoomsOf = (db: Db, schoolId: number) =>
  db
    .selectFrom('rooms')
    .select(['id', 'name', 'kind'])
    .where('school_id', '=', schoolId)
    .where('kind', 'in', ROOM_KINDS.filter(isTeachingRoom))
    .orderBy('name')
    .execute();

export const selectStoredResult = (db: Db, schoolId: number, day: string, indicator: Indicator) =>
  db
    .selectFrom('school_daily_results')
    .select([
      'status',
      'value',
      'numerator',
      'denominator',
      'unknown_reason',
      'failing_since',
      'computed_at',
    ])
    .where('school_id', '=', schoolId)
    .where('day', '=', day)
    .where('indicator', '=', indicator)
    .executeTakeFirst();
