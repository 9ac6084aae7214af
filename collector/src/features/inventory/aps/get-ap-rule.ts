import type { ReadContext } from '../../../context.ts';
import { ruleOrNotFound } from './check-rule.ts';
import type { ApRule } from './schema.ts';

export function getApRule({
  db,
  input,
}: ReadContext<{ countyId: number; ruleId: number }>): Promise<ApRule> {
  return ruleOrNotFound(db, input.countyId, input.ruleId);
}
