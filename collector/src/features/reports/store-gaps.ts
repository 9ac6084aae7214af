import type { SpoolGapReport } from '@xiaowang/shared';
import type { Db } from '../../db/schema.ts';

/** Records the spool gaps a report tells of; the agent's gap id makes a resend harmless. */
export async function storeGaps(
  db: Db,
  v: { agentId: number; reportRowId: number; gaps: readonly SpoolGapReport[] },
): Promise<void> {
  if (v.gaps.length === 0) return;
  await db
    .insertInto('report_gaps')
    .values(
      v.gaps.map((g) => ({
        agent_id: v.agentId,
        report_id: v.reportRowId,
        gap_key: g.id,
        reason: g.reason,
        count: g.count,
        first_report_uuid: g.firstReportId,
        last_report_uuid: g.lastReportId,
        first_spooled_at: g.firstSpooledAt,
        last_spooled_at: g.lastSpooledAt,
        dropped_at: g.droppedAt,
      })),
    )
    .onConflict((oc) => oc.columns(['agent_id', 'gap_key']).doNothing())
    .execute();
}
