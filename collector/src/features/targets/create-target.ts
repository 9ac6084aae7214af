import type { AuditedWriteContext } from '../../audit/audit.ts';
import { inTransaction } from '../../db/tx.ts';
import { conflict } from '../../errors.ts';
import { countyOrNotFound } from '../places/lookups.ts';
import { recordTargetChange } from './record-change.ts';
import type { CreateTargetInput, Target } from './schema.ts';
import { findCountyTarget, insertTargetWithSteps } from './store-target.ts';

/** A target written by hand; a county has at most one per indicator. */
export async function createTarget({
  db,
  clock,
  actor,
  input,
}: AuditedWriteContext<CreateTargetInput & { countyId: number }>): Promise<Target> {
  return inTransaction(db, async (tx) => {
    await countyOrNotFound(tx, input.countyId);
    const existing = await findCountyTarget(tx, input.countyId, input.indicator);
    if (existing !== undefined) {
      const params = { indicator: input.indicator, targetId: existing.id };
      throw conflict('indicator', 'targets.conflict.indicator', params);
    }
    const at = clock().toISOString();
    const target = await insertTargetWithSteps(tx, { ...input, preset: null }, at);
    await recordTargetChange(tx, {
      at,
      actor,
      action: 'target.create',
      countyId: target.countyId,
      before: null,
      after: target,
    });
    return target;
  });
}
