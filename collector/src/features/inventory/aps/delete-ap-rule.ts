import { inTransaction } from '../../../db/tx.ts';
import type { AuditedWriteContext } from '../../../audit/audit.ts';
import { writeAudit } from '../../../audit/audit.ts';
import { ruleOrNotFound } from './check-rule.ts';
import { deleteRuleRow } from './queries-rules.ts';
import type { ApRule } from './schema.ts';

/** Deletes a rule and returns it as it was; APs it attributed fall to the next rule. */
export async function deleteApRule({
  db,
  clock,
  actor,
  input,
}: AuditedWriteContext<{ countyId: number; ruleId: number }>): Promise<ApRule> {
  return inTransaction(db, async (tx) => {
    const rule = await ruleOrNotFound(tx, input.countyId, input.ruleId);
    await deleteRuleRow(tx, rule.id);
    await writeAudit(tx, {
      at: clock().toISOString(),
      actor,
      action: 'ap-rule.delete',
      entity: 'ap-rule',
      entityId: rule.id,
      detail: {
        countyId: rule.countyId,
        kind: rule.kind,
        pattern: rule.pattern,
        schoolId: rule.schoolId,
      },
    });
    return rule;
  });
}
