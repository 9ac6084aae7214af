import type { Selectable } from 'kysely';
import type { Db, UsersTable } from '../../db/schema.ts';
import type { Role } from '../../http/principal.ts';

/* Users and the schools a technician looks after. */

export type UserRow = Selectable<UsersTable>;

export interface UserValues {
  countyId: number;
  username: string;
  usernameKey: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  now: string;
}

export function insertUser(db: Db, v: UserValues): Promise<UserRow> {
  return db
    .insertInto('users')
    .values({
      county_id: v.countyId,
      username: v.username,
      username_key: v.usernameKey,
      display_name: v.displayName,
      password_hash: v.passwordHash,
      role: v.role,
      created_at: v.now,
      updated_at: v.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function selectUsers(db: Db, f: { id?: number; countyId?: number }): Promise<UserRow[]> {
  let query = db.selectFrom('users').selectAll();
  if (f.id !== undefined) query = query.where('id', '=', f.id);
  if (f.countyId !== undefined) query = query.where('county_id', '=', f.countyId);
  return query.orderBy('username_key').execute();
}

export function findUserByKey(db: Db, usernameKey: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('username_key', '=', usernameKey)
    .executeTakeFirst();
}

export async function anyCountyAdminExists(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'county_admin')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Enabled county administrators of the county other than `exceptId`. */
export async function countOtherActiveAdmins(
  db: Db,
  countyId: number,
  exceptId: number,
): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('county_id', '=', countyId)
    .where('role', '=', 'county_admin')
    .where('disabled', '=', 0)
    .where('id', '!=', exceptId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function updateUserRow(
  db: Db,
  id: number,
  v: Partial<{
    role: Role;
    displayName: string;
    disabled: boolean;
    lang: 'zh-CN' | 'en' | null;
    passwordHash: string;
    lastLoginAt: string;
  }> & { now: string },
): Promise<void> {
  await db
    .updateTable('users')
    .set({
      role: v.role,
      display_name: v.displayName,
      disabled: v.disabled === undefined ? undefined : v.disabled ? 1 : 0,
      lang: v.lang,
      password_hash: v.passwordHash,
      last_login_at: v.lastLoginAt,
      updated_at: v.now,
    })
    .where('id', '=', id)
    .execute();
}

export async function selectUserSchools(
  db: Db,
  userIds: readonly number[],
): Promise<{ user_id: number; id: number; county_id: number; code: string; name: string }[]> {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('user_schools as u')
    .innerJoin('schools as s', 's.id', 'u.school_id')
    .select(['u.user_id', 's.id', 's.county_id', 's.code', 's.name'])
    .where('u.user_id', 'in', userIds)
    .orderBy('s.code')
    .execute();
}

export async function replaceUserSchools(
  db: Db,
  userId: number,
  schoolIds: readonly number[],
): Promise<void> {
  await db.deleteFrom('user_schools').where('user_id', '=', userId).execute();
  if (schoolIds.length === 0) return;
  await db
    .insertInto('user_schools')
    .values(schoolIds.map((school_id) => ({ user_id: userId, school_id })))
    .execute();
}

export function selectSchoolsByIds(
  db: Db,
  ids: readonly number[],
): Promise<{ id: number; county_id: number }[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('schools').select(['id', 'county_id']).where('id', 'in', ids).execute();
}
