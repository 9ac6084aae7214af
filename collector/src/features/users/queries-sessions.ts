import type { CompiledQuery, InferResult } from 'kysely';
import { createQueryId } from 'kysely';
import type { Db } from '../../db/schema.ts';

/* Sessions and the failed sign-ins that lock a username out. */

export async function insertSession(
  db: Db,
  v: { id: string; userId: number; csrfToken: string; now: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: v.id,
      user_id: v.userId,
      csrf_token: v.csrfToken,
      created_at: v.now,
      last_seen_at: v.now,
      expires_at: v.expiresAt,
    })
    .execute();
}

function sessionWithUser(db: Db, id: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('user_schools as us', 'us.user_id', 'u.id')
    .select([
      's.csrf_token',
      's.last_seen_at',
      's.expires_at',
      's.revoked_at',
      'u.id as user_id',
      'u.username',
      'u.display_name',
      'u.role',
      'u.county_id',
      'u.disabled',
      'u.lang',
      'us.school_id',
    ])
    .where('s.id', '=', id);
}

type SessionWithUser = InferResult<ReturnType<typeof sessionWithUser>>;

/*
 * Every request with a session cookie runs this query, and building and compiling it with
 * Kysely cost ten times what SQLite takes to answer it. So it is compiled once per database
 * handle (SQLite and PostgreSQL write it differently) and run with the id as its only
 * parameter. Nothing about the session itself is kept: every request still reads it.
 */
const compiledSessionQueries = new WeakMap<Db, CompiledQuery<SessionWithUser[number]>>();

/** The session with its user, one row per school of the user (one row without schools). */
export async function findSessionWithUser(db: Db, id: string): Promise<SessionWithUser> {
  let compiled = compiledSessionQueries.get(db);
  if (compiled === undefined) {
    compiled = sessionWithUser(db, '').compile();
    if (compiled.parameters.length !== 1) throw new Error('session query: one parameter expected');
    compiledSessionQueries.set(db, compiled);
  }
  const run: CompiledQuery<SessionWithUser[number]> = {
    ...compiled,
    parameters: [id],
    queryId: createQueryId(),
  };
  const result = await db.executeQuery(run);
  return result.rows;
}

export async function touchSession(db: Db, id: string, now: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
}

export async function revokeSession(db: Db, id: string, now: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Ends every live session of the user, except the one given (the caller's own). */
export async function revokeUserSessions(
  db: Db,
  userId: number,
  now: string,
  exceptId?: string,
): Promise<void> {
  let query = db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  await query.execute();
}

export function findLoginFailures(db: Db, usernameKey: string) {
  return db
    .selectFrom('login_failures')
    .selectAll()
    .where('username_key', '=', usernameKey)
    .executeTakeFirst();
}

/** Counts one more failure (starting over after `forgetBefore`) and returns the new count. */
export async function addLoginFailure(
  db: Db,
  v: { usernameKey: string; now: string; forgetBefore: string },
): Promise<number> {
  const row = await db
    .insertInto('login_failures')
    .values({ username_key: v.usernameKey, failures: 1, last_failure_at: v.now })
    .onConflict((oc) =>
      oc.column('username_key').doUpdateSet((eb) => ({
        failures: eb
          .case()
          .when('login_failures.last_failure_at', '<', v.forgetBefore)
          .then(1)
          .else(eb('login_failures.failures', '+', 1))
          .end(),
        last_failure_at: v.now,
      })),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  return row.failures;
}

export async function setLockedUntil(
  db: Db,
  usernameKey: string,
  lockedUntil: string | null,
): Promise<void> {
  await db
    .updateTable('login_failures')
    .set({ locked_until: lockedUntil })
    .where('username_key', '=', usernameKey)
    .execute();
}

export async function clearLoginFailures(db: Db, usernameKey: string): Promise<void> {
  await db.deleteFrom('login_failures').where('username_key', '=', usernameKey).execute();
}

/** Keeps the table small: rows quiet for a day and no longer locked go. */
export async function pruneLoginFailures(db: Db, before: string, now: string): Promise<void> {
  await db
    .deleteFrom('login_failures')
    .where('last_failure_at', '<', before)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
    .execute();
}
