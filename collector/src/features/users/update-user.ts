import type { AuditedWriteContext } from '../../audit/audit.ts';
import { writeAudit } from '../../audit/audit.ts';
import type { Db } from '../../db/schema.ts';
import { inTransaction } from '../../db/tx.ts';
import { conflict } from '../../errors.ts';
import type { UserRow } from './queries.ts';
import { countOtherActiveAdmins, replaceUserSchools, updateUserRow } from './queries.ts';
import { revokeUserSessions } from './queries-sessions.ts';
import { checkRoleSchools } from './role-schools.ts';
import type { UpdateUserInput, UserView } from './schema.ts';
import { userRowOrNotFound, userViewOf } from './views.ts';

/**
 * Changes a user's role, schools, display name, language or whether they may sign in.
 * A technician keeps their schools unless new ones are given; another role drops them.
 * Disabling ends the user's sessions at once. A county keeps at least one enabled admin.
 */
export async function updateUser({
  db,
  clock,
  actor,
  input,
}: AuditedWriteContext<{ id: number; patch: UpdateUserInput }>): Promise<UserView> {
  const { id, patch } = input;
  return inTransaction(db, async (tx) => {
    const row = await userRowOrNotFound(tx, id);
    const before = await userViewOf(tx, id);
    const role = patch.role ?? row.role;
    const keep = role === 'technician' && row.role === 'technician';
    const schoolIds = await checkRoleSchools(tx, {
      role,
      countyId: row.county_id,
      schoolIds: patch.schoolIds ?? (keep ? before.schools.map((s) => s.id) : []),
    });
    const disabled = patch.disabled ?? row.disabled === 1;
    await assertAdminRemains(tx, row, role, disabled);
    const now = clock().toISOString();
    await updateUserRow(tx, id, {
      role,
      displayName: patch.displayName,
      disabled,
      lang: patch.lang,
      now,
    });
    await replaceUserSchools(tx, id, schoolIds);
    if (disabled && row.disabled === 0) await revokeUserSessions(tx, id, now);
    const after = await userViewOf(tx, id);
    await writeAudit(tx, {
      at: now,
      actor,
      action: 'user.update',
      entity: 'user',
      entityId: id,
      detail: { username: row.username, before: auditable(before), after: auditable(after) },
    });
    return after;
  });
}

async function assertAdminRemains(db: Db, row: UserRow, role: string, disabled: boolean) {
  const wasActiveAdmin = row.role === 'county_admin' && row.disabled === 0;
  const staysActiveAdmin = role === 'county_admin' && !disabled;
  if (!wasActiveAdmin || staysActiveAdmin) return;
  if ((await countOtherActiveAdmins(db, row.county_id, row.id)) === 0) {
    throw conflict(role === 'county_admin' ? 'disabled' : 'role', 'users.conflict.lastAdmin', {
      username: row.username,
    });
  }
}

const auditable = (v: UserView) => ({
  role: v.role,
  displayName: v.displayName,
  disabled: v.disabled,
  lang: v.lang,
  schoolIds: v.schools.map((s) => s.id),
});
