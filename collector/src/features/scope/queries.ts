import type { Db } from '../../db/schema.ts';

/* Where a thing sits (county, school), read before deciding who may touch it. */

export interface Scope {
  readonly countyId: number;
  /** Null for things of the county itself (a county AC, a town, a target). */
  readonly schoolId: number | null;
}

export async function selectSchoolScope(db: Db, id: number): Promise<Scope | undefined> {
  const row = await db
    .selectFrom('schools')
    .select(['id', 'county_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row && { countyId: row.county_id, schoolId: row.id };
}

export async function selectTownScope(db: Db, id: number): Promise<Scope | undefined> {
  const row = await db
    .selectFrom('towns')
    .select('county_id')
    .where('id', '=', id)
    .executeTakeFirst();
  return row && { countyId: row.county_id, schoolId: null };
}

export async function selectRoomScope(db: Db, id: number): Promise<Scope | undefined> {
  const row = await db
    .selectFrom('rooms as r')
    .innerJoin('schools as s', 's.id', 'r.school_id')
    .select(['s.id', 's.county_id'])
    .where('r.id', '=', id)
    .executeTakeFirst();
  return row && { countyId: row.county_id, schoolId: row.id };
}

export async function selectDeviceScope(db: Db, id: number): Promise<Scope | undefined> {
  const row = await db
    .selectFrom('devices')
    .select(['county_id', 'school_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row && { countyId: row.county_id, schoolId: row.school_id };
}

export async function selectAgentScope(db: Db, id: number): Promise<Scope | undefined> {
  const row = await db
    .selectFrom('agents')
    .select('county_id')
    .where('id', '=', id)
    .executeTakeFirst();
  return row && { countyId: row.county_id, schoolId: null };
}

export async function selectUserScope(db: Db, id: number): Promise<Scope | undefined> {
  const row = await db
    .selectFrom('users')
    .select('county_id')
    .where('id', '=', id)
    .executeTakeFirst();
  return row && { countyId: row.county_id, schoolId: null };
}

/** A target's county; a deleted target's comes from its audit history, which outlives it. */
export async function selectTargetScope(db: Db, id: number): Promise<Scope | undefined> {
  const live = await db
    .selectFrom('targets')
    .select('county_id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (live !== undefined) return { countyId: live.county_id, schoolId: null };
  const past = await db
    .selectFrom('audit_log')
    .select('detail')
    .where('entity', '=', 'target')
    .where('entity_id', '=', id)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const detail =
    past?.detail == null ? null : (JSON.parse(past.detail) as { countyId?: unknown } | null);
  const countyId = detail?.countyId;
  return typeof countyId === 'number' ? { countyId, schoolId: null } : undefined;
}
