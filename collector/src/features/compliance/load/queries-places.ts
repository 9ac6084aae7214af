import type { Db } from '../../../db/schema.ts';
import { isTeachingRoom, ROOM_KINDS } from '../../places/kinds.ts';
import type { LoadScope } from './scope.ts';

/* The county's places as the compliance job reads them: one query per table, never per school. */

const TEACHING_KINDS = ROOM_KINDS.filter(isTeachingRoom);

export const selectCountyRow = (db: Db, countyId: number) =>
  db
    .selectFrom('counties')
    .select(['id', 'name', 'timezone', 'metro_name_pattern'])
    .where('id', '=', countyId)
    .executeTakeFirst();

export async function selectTownIds(db: Db, countyId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('towns')
    .select('id')
    .where('county_id', '=', countyId)
    .execute();
  return rows.map((r) => r.id);
}

/** The county's school ids in order, to cut the job into batches. */
export async function selectSchoolIds(db: Db, countyId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('schools')
    .select('id')
    .where('county_id', '=', countyId)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

export function selectSchools(db: Db, scope: LoadScope) {
  let q = db
    .selectFrom('schools')
    .select(['id', 'town_id', 'kind', 'contracted_egress_mbps'])
    .where('county_id', '=', scope.countyId);
  if (scope.schools !== undefined) {
    q = q.where('id', '>=', scope.schools.from).where('id', '<=', scope.schools.to);
  }
  return q.orderBy('id').execute();
}

export function selectTeachingRooms(db: Db, scope: LoadScope) {
  let q = db
    .selectFrom('rooms')
    .innerJoin('schools', 'schools.id', 'rooms.school_id')
    .select(['rooms.id', 'rooms.school_id'])
    .where('schools.county_id', '=', scope.countyId)
    .where('rooms.kind', 'in', TEACHING_KINDS);
  if (scope.schools !== undefined) {
    q = q.where('schools.id', '>=', scope.schools.from).where('schools.id', '<=', scope.schools.to);
  }
  return q.execute();
}

/** Every county with its timezone, for the scheduled job. */
export const selectCountyZones = (db: Db) =>
  db.selectFrom('counties').select(['id', 'name', 'timezone']).orderBy('id').execute();
