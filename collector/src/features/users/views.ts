import type { Db } from '../../db/schema.ts';
import { notFound } from '../../errors.ts';
import type { UserRow } from './queries.ts';
import { selectUserSchools, selectUsers } from './queries.ts';
import type { UserView } from './schema.ts';

/* Rows to API objects, with every user's schools loaded in one query; never the hash. */

export async function userViews(db: Db, rows: readonly UserRow[]): Promise<UserView[]> {
  const schools = new Map<number, UserView['schools']>();
  for (const s of await selectUserSchools(
    db,
    rows.map((r) => r.id),
  )) {
    const list = schools.get(s.user_id) ?? [];
    list.push({ id: s.id, code: s.code, name: s.name });
    schools.set(s.user_id, list);
  }
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    countyId: r.county_id,
    schools: schools.get(r.id) ?? [],
    disabled: r.disabled === 1,
    lang: r.lang,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    lastLoginAt: r.last_login_at,
  }));
}

export async function userRowOrNotFound(db: Db, id: number): Promise<UserRow> {
  const [row] = await selectUsers(db, { id });
  if (row === undefined) throw notFound('users.notFound.user', id);
  return row;
}

export async function userViewOf(db: Db, id: number): Promise<UserView> {
  const [view] = await userViews(db, [await userRowOrNotFound(db, id)]);
  if (view === undefined) throw new Error('user vanished while being read');
  return view;
}
