import { inTransaction } from '../../../db/tx.ts';
import { countyOrNotFound } from '../../places/lookups.ts';
import type { AuditedWriteContext } from '../../../audit/audit.ts';
import { writeAudit } from '../../../audit/audit.ts';
import { checkRule } from './check-rule.ts';
import { insertRule } from './queries-rules.ts';
import type { ApRule, CreateApRuleInput } from './schema.ts';

export async function createApRule({
  db,
  clock,
  actor,
  input,
}: AuditedWriteContext<CreateApRuleInput & { countyId: number }>): Promise<ApRule> {
  return inTransaction(db, async (tx) => {
    await countyOrNotFound(tx, input.countyId);
    const values = await checkRule(tx, input);
    const at = clock().toISOString();
    const rule = await insertRule(tx, { ...values, createdBy: actor, createdAt: at });
    await writeAudit(tx, {
      at,
      actor,
      action: 'ap-rule.create',
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
