import type { Db } from '../../db/schema.ts';
import type { Target, TargetHistory } from './schema.ts';

/** What the audit log holds for a target change (written by record-change.ts). */
export interface TargetChangeDetail {
  readonly countyId: number;
  readonly preset?: string;
  readonly before: Target | null;
  readonly after: Target | null;
}

/** The audit entries of one target, oldest first; they outlive the target itself. */
export async function selectTargetHistory(
  db: Db,
  targetId: number,
): Promise<TargetHistory['items']> {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity', '=', 'target')
    .where('entity_id', '=', targetId)
    .orderBy('id')
    .execute();
  return rows.map((r) => {
    const detail = JSON.parse(r.detail ?? 'null') as Partial<TargetChangeDetail> | null;
    return {
      id: r.id,
      at: r.at,
      actor: r.actor,
      action: r.action,
      before: detail?.before ?? null,
      after: detail?.after ?? null,
    };
  });
}
