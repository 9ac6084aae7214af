import type { Db } from '../../../db/schema.ts';
import type { RoomFacts } from './map-ap-room.ts';

/* The APs' SQL: AP rows with their assignment, and the facts attribution needs. */

export async function selectCountyAps(db: Db, countyId: number, apId?: number) {
  let query = db
    .selectFrom('aps')
    .leftJoin('ap_assignments as a', 'a.ap_id', 'aps.id')
    .selectAll('aps')
    .select([
      'a.school_id as assigned_school_id',
      'a.room_id as assigned_room_id',
      'a.assigned_by',
      'a.assigned_at',
    ])
    .where('aps.county_id', '=', countyId);
  if (apId !== undefined) query = query.where('aps.id', '=', apId);
  return query.orderBy('aps.name').orderBy('aps.id').execute();
}

export type CountyApRow = Awaited<ReturnType<typeof selectCountyAps>>[number];

/** Each agent of the county with the schools it may speak for. */
export async function selectAgentSchools(db: Db, countyId: number) {
  const rows = await db
    .selectFrom('agent_schools')
    .innerJoin('agents', 'agents.id', 'agent_schools.agent_id')
    .select(['agent_schools.agent_id', 'agent_schools.school_id'])
    .where('agents.county_id', '=', countyId)
    .execute();
  const byAgent = new Map<number, number[]>();
  for (const r of rows) byAgent.set(r.agent_id, [...(byAgent.get(r.agent_id) ?? []), r.school_id]);
  return byAgent;
}

export async function selectCountyRooms(db: Db, countyId: number): Promise<RoomFacts[]> {
  return db
    .selectFrom('rooms')
    .innerJoin('schools', 'schools.id', 'rooms.school_id')
    .select(['rooms.id', 'rooms.school_id as schoolId', 'rooms.name'])
    .where('schools.county_id', '=', countyId)
    .execute();
}

export async function selectSchoolNames(db: Db, countyId: number) {
  const rows = await db
    .selectFrom('schools')
    .select(['id', 'name'])
    .where('county_id', '=', countyId)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export const findAssignment = (db: Db, apId: number) =>
  db.selectFrom('ap_assignments').selectAll().where('ap_id', '=', apId).executeTakeFirst();

export async function upsertAssignment(
  db: Db,
  v: { apId: number; schoolId: number | null; roomId: number | null; by: string; at: string },
) {
  const values = { school_id: v.schoolId, room_id: v.roomId, assigned_by: v.by, assigned_at: v.at };
  await db
    .insertInto('ap_assignments')
    .values({ ap_id: v.apId, ...values })
    .onConflict((oc) => oc.column('ap_id').doUpdateSet(values))
    .execute();
}

export async function deleteAssignment(db: Db, apId: number) {
  await db.deleteFrom('ap_assignments').where('ap_id', '=', apId).execute();
}
