import type { Db } from '../../db/schema.ts';
import type { RoomKind, SchoolKind } from './kinds.ts';
import { toRoom, toSchool } from './queries.ts';

/* Schools and rooms: the rest of the places feature's SQL (split to keep files small). */

export interface SchoolValues {
  countyId: number;
  townId: number;
  name: string;
  code: string;
  kind: SchoolKind;
  contractedEgressMbps: number | null;
}

export async function insertSchool(db: Db, v: SchoolValues & { now: string }) {
  const row = await db
    .insertInto('schools')
    .values({
      county_id: v.countyId,
      town_id: v.townId,
      name: v.name,
      code: v.code,
      kind: v.kind,
      contracted_egress_mbps: v.contractedEgressMbps,
      created_at: v.now,
      updated_at: v.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toSchool(row);
}

export async function updateSchoolRow(
  db: Db,
  id: number,
  v: Partial<SchoolValues> & { now: string },
) {
  const row = await db
    .updateTable('schools')
    .set({
      county_id: v.countyId,
      town_id: v.townId,
      name: v.name,
      code: v.code,
      kind: v.kind,
      contracted_egress_mbps: v.contractedEgressMbps,
      updated_at: v.now,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toSchool(row);
}

export async function findSchool(
  db: Db,
  by: { id: number } | { townId: number; name: string } | { countyId: number; code: string },
) {
  let query = db.selectFrom('schools').selectAll();
  if ('id' in by) query = query.where('id', '=', by.id);
  else if ('code' in by)
    query = query.where('county_id', '=', by.countyId).where('code', '=', by.code);
  else query = query.where('town_id', '=', by.townId).where('name', '=', by.name);
  const row = await query.executeTakeFirst();
  return row === undefined ? undefined : toSchool(row);
}

export async function selectSchools(
  db: Db,
  f: { countyId?: number; townId?: number; kind?: SchoolKind },
) {
  let query = db.selectFrom('schools').selectAll();
  if (f.countyId !== undefined) query = query.where('county_id', '=', f.countyId);
  if (f.townId !== undefined) query = query.where('town_id', '=', f.townId);
  if (f.kind !== undefined) query = query.where('kind', '=', f.kind);
  const rows = await query.orderBy('code').execute();
  return rows.map(toSchool);
}

export async function insertRoom(
  db: Db,
  v: { schoolId: number; name: string; kind: RoomKind; now: string },
) {
  const row = await db
    .insertInto('rooms')
    .values({
      school_id: v.schoolId,
      name: v.name,
      kind: v.kind,
      created_at: v.now,
      updated_at: v.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRoom(row);
}

export async function updateRoomRow(
  db: Db,
  id: number,
  v: { name?: string; kind?: RoomKind; now: string },
) {
  const row = await db
    .updateTable('rooms')
    .set({ name: v.name, kind: v.kind, updated_at: v.now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRoom(row);
}

export async function findRoom(db: Db, by: { id: number } | { schoolId: number; name: string }) {
  let query = db.selectFrom('rooms').selectAll();
  query =
    'id' in by
      ? query.where('id', '=', by.id)
      : query.where('school_id', '=', by.schoolId).where('name', '=', by.name);
  const row = await query.executeTakeFirst();
  return row === undefined ? undefined : toRoom(row);
}

export async function selectRooms(db: Db, f: { schoolId?: number; countyId?: number }) {
  let query = db.selectFrom('rooms').selectAll('rooms');
  if (f.schoolId !== undefined) query = query.where('rooms.school_id', '=', f.schoolId);
  if (f.countyId !== undefined) {
    query = query
      .innerJoin('schools', 'schools.id', 'rooms.school_id')
      .where('schools.county_id', '=', f.countyId);
  }
  const rows = await query.orderBy('rooms.school_id').orderBy('rooms.name').execute();
  return rows.map(toRoom);
}
