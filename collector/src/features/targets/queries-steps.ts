import type { Db } from '../../db/schema.ts';
import type { StepInput } from './schema.ts';

/*
 * Steps are matched by date, so a step kept across a change keeps its id and the daily
 * results that name it. Results naming a removed step keep their copied threshold and lose
 * only the link, which the foreign key would otherwise refuse.
 */
export async function writeSteps(
  db: Db,
  targetId: number,
  steps: readonly StepInput[],
): Promise<void> {
  const existing = await db
    .selectFrom('target_steps')
    .select(['id', 'effective_from'])
    .where('target_id', '=', targetId)
    .execute();
  const byDate = new Map(existing.map((s) => [s.effective_from, s.id]));
  const wanted = new Set(steps.map((s) => s.effectiveFrom));
  await removeSteps(
    db,
    existing.filter((s) => !wanted.has(s.effective_from)).map((s) => s.id),
  );
  for (const step of steps) {
    const values = { threshold: step.threshold, note: step.note };
    const id = byDate.get(step.effectiveFrom);
    if (id === undefined) {
      await db
        .insertInto('target_steps')
        .values({ target_id: targetId, effective_from: step.effectiveFrom, ...values })
        .execute();
    } else {
      await db.updateTable('target_steps').set(values).where('id', '=', id).execute();
    }
  }
}

export async function removeAllSteps(db: Db, targetId: number): Promise<void> {
  const ids = await db
    .selectFrom('target_steps')
    .select('id')
    .where('target_id', '=', targetId)
    .execute();
  await removeSteps(
    db,
    ids.map((s) => s.id),
  );
}

async function removeSteps(db: Db, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('school_daily_results')
    .set({ target_step_id: null })
    .where('target_step_id', 'in', ids)
    .execute();
  await db.deleteFrom('target_steps').where('id', 'in', ids).execute();
}
