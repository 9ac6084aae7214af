import type { AuditedWriteContext } from '../../audit/audit.ts';
import { inTransaction } from '../../db/tx.ts';
import { parseInput } from '../../http/validate.ts';
import { updateTargetRow } from './queries.ts';
import { writeSteps } from './queries-steps.ts';
import { recordTargetChange } from './record-change.ts';
import type { Target } from './schema.ts';
import { replaceStepsInputFor } from './schema.ts';
import { sameSteps, targetOrNotFound } from './store-target.ts';

/**
 * Replaces a target's schedule. The body is checked here, not in the route, because the
 * allowed thresholds depend on the stored target's indicator.
 */
export async function replaceTargetSteps({
  db,
  clock,
  actor,
  input,
}: AuditedWriteContext<{ id: number; body: unknown }>): Promise<Target> {
  return inTransaction(db, async (tx) => {
    const before = await targetOrNotFound(tx, input.id);
    const { steps } = parseInput(replaceStepsInputFor(before.indicator), input.body);
    if (sameSteps(before.steps, steps)) return before;
    const at = clock().toISOString();
    await writeSteps(tx, before.id, steps);
    await updateTargetRow(tx, before.id, { now: at });
    const after = await targetOrNotFound(tx, before.id);
    await recordTargetChange(tx, {
      at,
      actor,
      action: 'target.replace-steps',
      countyId: after.countyId,
      before,
      after,
    });
    return after;
  });
}
