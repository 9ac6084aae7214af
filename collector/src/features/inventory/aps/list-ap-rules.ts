import type { ReadContext } from '../../../context.ts';
import { countyOrNotFound } from '../../places/lookups.ts';
import { selectRules } from './queries-rules.ts';
import type { ApRule } from './schema.ts';

export async function listApRules({
  db,
  input,
}: ReadContext<{ countyId: number }>): Promise<ApRule[]> {
  await countyOrNotFound(db, input.countyId);
  return selectRules(db, input.countyId);
}
