import type { AuditedWriteContext } from '../../audit/audit.ts';
import { writeAudit } from '../../audit/audit.ts';
import type { Db } from '../../db/schema.ts';
import { inTransaction } from '../../db/tx.ts';
import { conflict, validationError } from '../../errors.ts';
import type { Role } from '../../http/principal.ts';
import { countyOrNotFound } from '../places/lookups.ts';
import { usernameKey } from './lockout.ts';
import { checkPassword, hashPassword } from './password.ts';
import { findUserByKey, insertUser, replaceUserSchools } from './queries.ts';
import { checkRoleSchools } from './role-schools.ts';
import type { UserView } from './schema.ts';
import { RESERVED_USERNAMES, USERNAME_PATTERN } from './schema.ts';
import { userViewOf } from './views.ts';

export interface NewUser {
  username: string;
  displayName?: string;
  password: string;
  role: Role;
  countyId: number;
  schoolIds?: number[];
}

/**
 * Creates a user of a county. Technicians need at least one school of that county; the
 * county roles take none. Usernames are unique whatever their case.
 */
export async function createUser(ctx: AuditedWriteContext<NewUser>): Promise<UserView> {
  const { input } = ctx;
  checkUsername(input.username);
  checkPassword(input.password);
  // The slow KDF runs before the transaction, which would otherwise hold the connection.
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx.db, (tx) => insertNewUser({ ...ctx, db: tx }, passwordHash));
}

/** The write half of createUser, for verbs that add their own check in the same transaction. */
export async function insertNewUser(
  { db, clock, actor, input }: AuditedWriteContext<NewUser>,
  passwordHash: string,
): Promise<UserView> {
  await countyOrNotFound(db, input.countyId);
  const username = input.username.trim();
  const key = usernameKey(username);
  await assertUsernameFree(db, key, username);
  const schoolIds = await checkRoleSchools(db, {
    role: input.role,
    countyId: input.countyId,
    schoolIds: input.schoolIds ?? [],
  });
  const now = clock().toISOString();
  const row = await insertUser(db, {
    countyId: input.countyId,
    username,
    usernameKey: key,
    displayName: input.displayName?.trim() || username,
    passwordHash,
    role: input.role,
    now,
  });
  await replaceUserSchools(db, row.id, schoolIds);
  await writeAudit(db, {
    at: now,
    actor,
    action: 'user.create',
    entity: 'user',
    entityId: row.id,
    detail: { username, role: input.role, countyId: input.countyId, schoolIds },
  });
  return userViewOf(db, row.id);
}

/** The username rules, as a VALIDATION error; the zod schema says the same for the API. */
export function checkUsername(username: string): void {
  const trimmed = username.trim();
  if (!USERNAME_PATTERN.test(trimmed)) {
    throw validationError([{ path: 'username', key: 'users.validation.username' }]);
  }
  if (RESERVED_USERNAMES.includes(trimmed.toLowerCase())) {
    throw validationError([{ path: 'username', key: 'users.validation.usernameReserved' }]);
  }
}

async function assertUsernameFree(db: Db, key: string, username: string): Promise<void> {
  if ((await findUserByKey(db, key)) !== undefined) {
    throw conflict('username', 'users.conflict.username', { username });
  }
}
