import type { AuditedWriteContext } from '../../audit/audit.ts';
import { inTransaction } from '../../db/tx.ts';
import { deleteTargetRow } from './queries.ts';
import { removeAllSteps } from './queries-steps.ts';
import { recordTargetChange } from './record-change.ts';
import type { Target } from './schema.ts';
import { targetOrNotFound } from './store-target.ts';

/** Deletes a target with its steps and returns it as it was; its history stays readable. */
export async function deleteTarget({
  db,
  clock,
  actor,
  input,
}: AuditedWriteContext<{ id: number }>): Promise<Target> {
  return inTransaction(db, async (tx) => {
    const before = await targetOrNotFound(tx, input.id);
    await removeAllSteps(tx, before.id);
    await deleteTargetRow(tx, before.id);
    await recordTargetChange(tx, {
      at: clock().toISOString(),
      actor,
      action: 'target.delete',
      countyId: before.countyId,
      before,
      after: null,
    });
    return before;
  });
}
