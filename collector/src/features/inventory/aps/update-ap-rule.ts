import { inTransaction } from '../../../db/tx.ts';
import type { AuditedWriteContext } from '../../../audit/audit.ts';
import { writeAudit } from '../../../audit/audit.ts';
import { checkRule, ruleOrNotFound } from './check-rule.ts';
import { updateRuleRow } from './queries-rules.ts';
import type { ApRule, UpdateApRuleInput } from './schema.ts';

export async function updateApRule({
  db,
  clock,
  actor,
  input,
}: AuditedWriteContext<{
  countyId: number;
  ruleId: number;
  patch: UpdateApRuleInput;
}>): Promise<ApRule> {
  return inTransaction(db, async (tx) => {
    const before = await ruleOrNotFound(tx, input.countyId, input.ruleId);
    const values = await checkRule(tx, { ...before, ...input.patch }, before.id);
    const rule = await updateRuleRow(tx, before.id, values);
    await writeAudit(tx, {
      at: clock().toISOString(),
      actor,
      action: 'ap-rule.update',
      entity: 'ap-rule',
      entityId: rule.id,
      detail: {
        countyId: rule.countyId,
        before: { kind: before.kind, pattern: before.pattern, schoolId: before.schoolId },
        after: { kind: rule.kind, pattern: rule.pattern, schoolId: rule.schoolId },
      },
    });
    return rule;
  });
}
