import type { WriteContext } from '../../context.ts';
import { inTransaction } from '../../db/tx.ts';
import { AppError } from '../../errors.ts';
import { usernameKey } from './lockout.ts';
import {
  DUMMY_HASH,
  hashPassword,
  MAX_PASSWORD_LENGTH,
  needsRehash,
  verifyPassword,
} from './password.ts';
import { findUserByKey, updateUserRow } from './queries.ts';
import { clearLoginFailures, insertSession } from './queries-sessions.ts';
import type { UserView } from './schema.ts';
import { assertNotLocked, recordFailure } from './sign-in-guard.ts';
import { generateCsrfToken, generateSessionToken } from './tokens.ts';
import { userViewOf } from './views.ts';

/** A session lives 7 days at most, however active. */
export const SESSION_ABSOLUTE_MS = 7 * 24 * 3_600_000;

export interface LoginResult {
  /** For the cookie only; shown this once, and only its SHA-256 is stored. */
  readonly token: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
  readonly user: UserView;
}

/**
 * Checks a username and password and opens a session. Every refusal says the same thing
 * (unknown user, wrong password, disabled account) and costs one KDF run; a locked username
 * is refused before any check. See lockout.ts for the backoff.
 */
export async function login({
  db,
  clock,
  input,
}: WriteContext<{ username: string; password: string }>): Promise<LoginResult> {
  if (input.password.length > MAX_PASSWORD_LENGTH || input.username.length > 256) {
    throw new AppError('UNAUTHENTICATED', 'auth.login.failed'); // no account has such a password
  }
  const key = usernameKey(input.username);
  await assertNotLocked(db, key, clock());
  const user = await findUserByKey(db, key);
  const ok = await verifyPassword(input.password, user?.password_hash ?? DUMMY_HASH);
  if (!ok || user === undefined || user.disabled === 1) {
    await recordFailure(db, key, clock());
    throw new AppError('UNAUTHENTICATED', 'auth.login.failed');
  }
  const rehash = needsRehash(user.password_hash) ? await hashPassword(input.password) : undefined;
  const { token, id } = generateSessionToken();
  const csrfToken = generateCsrfToken();
  const now = clock();
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS).toISOString();
  return inTransaction(db, async (tx) => {
    await clearLoginFailures(tx, key);
    await insertSession(tx, { id, userId: user.id, csrfToken, now: now.toISOString(), expiresAt });
    await updateUserRow(tx, user.id, {
      lastLoginAt: now.toISOString(),
      passwordHash: rehash,
      now: rehash === undefined ? user.updated_at : now.toISOString(),
    });
    return { token, csrfToken, expiresAt, user: await userViewOf(tx, user.id) };
  });
}
