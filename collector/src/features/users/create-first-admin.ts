import type { AuditedWriteContext } from '../../audit/audit.ts';
import { inTransaction } from '../../db/tx.ts';
import { AppError } from '../../errors.ts';
import { checkUsername, insertNewUser } from './create-user.ts';
import { checkPassword, hashPassword } from './password.ts';
import { anyCountyAdminExists } from './queries.ts';
import type { UserView } from './schema.ts';

/**
 * The first county administrator, for a fresh installation: allowed only while no county
 * administrator exists in any county. From then on administrators create users.
 */
export async function createFirstAdmin(
  ctx: AuditedWriteContext<{
    username: string;
    displayName?: string;
    password: string;
    countyId: number;
  }>,
): Promise<UserView> {
  if (await anyCountyAdminExists(ctx.db)) throw firstAdminExists();
  checkUsername(ctx.input.username);
  checkPassword(ctx.input.password);
  const passwordHash = await hashPassword(ctx.input.password);
  return inTransaction(ctx.db, async (tx) => {
    // Checked again inside the transaction: another request may have won meanwhile.
    if (await anyCountyAdminExists(tx)) throw firstAdminExists();
    const input = { ...ctx.input, role: 'county_admin' as const };
    return insertNewUser({ ...ctx, db: tx, input }, passwordHash);
  });
}

const firstAdminExists = () => new AppError('FORBIDDEN', 'users.firstAdmin.exists');
