import type { AuditedWriteContext } from '../../audit/audit.ts';
import { writeAudit } from '../../audit/audit.ts';
import { inTransaction } from '../../db/tx.ts';
import { usernameKey } from './lockout.ts';
import { checkPassword, hashPassword } from './password.ts';
import { updateUserRow } from './queries.ts';
import { clearLoginFailures, revokeUserSessions } from './queries-sessions.ts';
import type { UserView } from './schema.ts';
import { userRowOrNotFound, userViewOf } from './views.ts';

/**
 * An administrator sets a user's password: every session of the user ends and the
 * username's lockout is lifted. The password itself is never logged or audited.
 */
export async function resetPassword({
  db,
  clock,
  actor,
  input,
}: AuditedWriteContext<{ id: number; password: string }>): Promise<UserView> {
  checkPassword(input.password);
  await userRowOrNotFound(db, input.id);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(db, async (tx) => {
    const row = await userRowOrNotFound(tx, input.id);
    const now = clock().toISOString();
    await updateUserRow(tx, row.id, { passwordHash, now });
    await revokeUserSessions(tx, row.id, now);
    await clearLoginFailures(tx, usernameKey(row.username));
    await writeAudit(tx, {
      at: now,
      actor,
      action: 'user.reset-password',
      entity: 'user',
      entityId: row.id,
      detail: { username: row.username },
    });
    return userViewOf(tx, row.id);
  });
}
