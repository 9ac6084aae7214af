import { writeAudit } from '../../audit/audit.ts';
import type { Db } from '../../db/schema.ts';
import type { TargetChangeDetail } from './queries-history.ts';

export type TargetAction =
  'target.create' | 'target.update' | 'target.replace-steps' | 'target.delete';

/** One audit entry with the whole target before and after; call inside the verb's transaction. */
export async function recordTargetChange(
  db: Db,
  change: { at: string; actor: string; action: TargetAction } & TargetChangeDetail,
): Promise<void> {
  const { at, actor, action, ...detail } = change;
  const targetId = detail.after?.id ?? detail.before?.id ?? null;
  await writeAudit(db, { at, actor, action, entity: 'target', entityId: targetId, detail });
}
