import { inTransaction } from '../../../db/tx.ts';
import type { AuditedWriteContext } from '../../../audit/audit.ts';
import { writeAudit } from '../../../audit/audit.ts';
import { apOrNotFound } from '../lookups.ts';
import { viewOfAp } from './get-ap.ts';
import { deleteAssignment, findAssignment } from './queries.ts';
import type { ApView } from './schema.ts';

/** Removes the hand-set school and room, so rules and the agent decide again. */
export async function clearApAssignment({
  db,
  clock,
  actor,
  input,
}: AuditedWriteContext<{ apId: number }>): Promise<ApView> {
  return inTransaction(db, async (tx) => {
    const ap = await apOrNotFound(tx, input.apId);
    const before = await findAssignment(tx, ap.id);
    if (before !== undefined) {
      await deleteAssignment(tx, ap.id);
      await writeAudit(tx, {
        at: clock().toISOString(),
        actor,
        action: 'ap.unassign',
        entity: 'ap',
        entityId: ap.id,
        detail: { mac: ap.mac, before },
      });
    }
    return viewOfAp(tx, ap.county_id, ap.id);
  });
}
