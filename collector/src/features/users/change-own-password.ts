import type { WriteContext } from '../../context.ts';
import { writeAudit } from '../../audit/audit.ts';
import { inTransaction } from '../../db/tx.ts';
import { validationError } from '../../errors.ts';
import { usernameKey } from './lockout.ts';
import { checkPassword, hashPassword, verifyPassword } from './password.ts';
import { updateUserRow } from './queries.ts';
import { clearLoginFailures, revokeUserSessions } from './queries-sessions.ts';
import type { UserView } from './schema.ts';
import { assertNotLocked, recordFailure } from './sign-in-guard.ts';
import { hashSessionToken } from './tokens.ts';
import { userRowOrNotFound, userViewOf } from './views.ts';

/**
 * Users change their own password, proving the current one (a wrong one counts toward the
 * lockout like a failed sign-in). Their other sessions end; the one in use stays.
 */
export async function changeOwnPassword({
  db,
  clock,
  input,
}: WriteContext<{
  userId: number;
  currentPassword?: string;
  password: string;
  /** The cookie's token of the session making the change, which stays signed in. */
  keepSessionToken?: string;
}>): Promise<UserView> {
  if (input.currentPassword === undefined) {
    throw validationError([{ path: 'currentPassword', key: 'users.password.currentRequired' }]);
  }
  checkPassword(input.password);
  const row = await userRowOrNotFound(db, input.userId);
  const key = usernameKey(row.username);
  await assertNotLocked(db, key, clock());
  if (!(await verifyPassword(input.currentPassword, row.password_hash))) {
    await recordFailure(db, key, clock());
    throw validationError([{ path: 'currentPassword', key: 'users.password.currentWrong' }]);
  }
  const passwordHash = await hashPassword(input.password);
  const keep =
    input.keepSessionToken === undefined ? undefined : hashSessionToken(input.keepSessionToken);
  return inTransaction(db, async (tx) => {
    const now = clock().toISOString();
    await updateUserRow(tx, row.id, { passwordHash, now });
    await revokeUserSessions(tx, row.id, now, keep);
    await clearLoginFailures(tx, key);
    await writeAudit(tx, {
      at: now,
      actor: row.username,
      action: 'user.change-password',
      entity: 'user',
      entityId: row.id,
      detail: { username: row.username },
    });
    return userViewOf(tx, row.id);
  });
}
