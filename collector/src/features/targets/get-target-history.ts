import type { ReadContext } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { selectTargets } from './queries.ts';
import { selectTargetHistory } from './queries-history.ts';
import type { TargetHistory } from './schema.ts';

/** Every change of a target, oldest first, also after it was deleted. */
export async function getTargetHistory({
  db,
  input,
}: ReadContext<{ id: number }>): Promise<TargetHistory> {
  const items = await selectTargetHistory(db, input.id);
  if (items.length === 0 && (await selectTargets(db, { id: input.id })).length === 0) {
    throw notFound('targets.notFound.target', input.id);
  }
  return { items };
}
