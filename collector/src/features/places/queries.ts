import type { Db, CountyRow, RoomRow, SchoolRow, TownRow } from '../../db/schema.ts';
import { isTeachingPoint, isTeachingRoom } from './kinds.ts';
import type { County, Room, School, Town } from './schema.ts';

/* The places feature's SQL, as small typed functions over the database or a transaction. */

export const toCounty = (r: CountyRow): County => ({
  id: r.id,
  name: r.name,
  timezone: r.timezone,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const toTown = (r: TownRow): Town => ({
  id: r.id,
  countyId: r.county_id,
  name: r.name,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const toSchool = (r: SchoolRow): School => ({
  id: r.id,
  countyId: r.county_id,
  townId: r.town_id,
  name: r.name,
  code: r.code,
  kind: r.kind,
  isTeachingPoint: isTeachingPoint(r.kind),
  contractedEgressMbps: r.contracted_egress_mbps,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const toRoom = (r: RoomRow): Room => ({
  id: r.id,
  schoolId: r.school_id,
  name: r.name,
  kind: r.kind,
  isTeachingRoom: isTeachingRoom(r.kind),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

// Counties

export async function insertCounty(db: Db, v: { name: string; timezone: string; now: string }) {
  const row = await db
    .insertInto('counties')
    .values({ name: v.name, timezone: v.timezone, created_at: v.now, updated_at: v.now })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toCounty(row);
}

export async function updateCountyRow(
  db: Db,
  id: number,
  v: { name?: string; timezone?: string; now: string },
) {
  const row = await db
    .updateTable('counties')
    .set({ name: v.name, timezone: v.timezone, updated_at: v.now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toCounty(row);
}

export async function findCounty(db: Db, by: { id: number } | { name: string }) {
  let query = db.selectFrom('counties').selectAll();
  query = 'id' in by ? query.where('id', '=', by.id) : query.where('name', '=', by.name);
  const row = await query.executeTakeFirst();
  return row === undefined ? undefined : toCounty(row);
}

export async function selectCounties(db: Db) {
  const rows = await db.selectFrom('counties').selectAll().orderBy('name').execute();
  return rows.map(toCounty);
}

// Towns

export async function insertTown(db: Db, v: { countyId: number; name: string; now: string }) {
  const row = await db
    .insertInto('towns')
    .values({ county_id: v.countyId, name: v.name, created_at: v.now, updated_at: v.now })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toTown(row);
}

export async function updateTownRow(db: Db, id: number, v: { name?: string; now: string }) {
  const row = await db
    .updateTable('towns')
    .set({ name: v.name, updated_at: v.now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toTown(row);
}

export async function findTown(db: Db, by: { id: number } | { countyId: number; name: string }) {
  let query = db.selectFrom('towns').selectAll();
  query =
    'id' in by
      ? query.where('id', '=', by.id)
      : query.where('county_id', '=', by.countyId).where('name', '=', by.name);
  const row = await query.executeTakeFirst();
  return row === undefined ? undefined : toTown(row);
}

export async function selectTowns(db: Db, filter: { countyId?: number }) {
  let query = db.selectFrom('towns').selectAll();
  if (filter.countyId !== undefined) query = query.where('county_id', '=', filter.countyId);
  const rows = await query.orderBy('name').orderBy('id').execute();
  return rows.map(toTown);
}
