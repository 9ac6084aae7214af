import type { Report, SpoolGapReport } from '@xiaowang/shared';
import { reportSchema } from '@xiaowang/shared';
import type { Spool } from '../spool/spool.ts';
import type { ReportQueue } from './report-queue.ts';

/**
 * The durable spool as delivery sees it. An entry that no longer matches the contract (a
 * hand-edited file, an older agent's format) is set aside with the reason, never sent.
 */
export function spoolQueue(spool: Spool): ReportQueue & { count(): Promise<number> } {
  return {
    append: (report) => spool.append(report),
    async peek(limit) {
      const out: Report[] = [];
      while (out.length < limit) {
        const entries = await spool.peek(limit - out.length);
        if (entries.length === 0) break;
        for (const entry of entries) {
          const parsed = reportSchema.safeParse(entry.report);
          if (parsed.success) out.push(parsed.data);
          else {
            const where = parsed.error.issues[0]?.path.join('.') ?? '';
            await spool.setAside(entry.reportId, `does not match the report contract at ${where}`);
          }
        }
        if (out.length === 0) continue;
        break;
      }
      return out;
    },
    ack: (id) => spool.ack(id),
    setAside: (id, reason) => spool.setAside(id, reason),
    count: () => Promise.resolve(spool.stats().count),
  };
}

export function gapsForReport(spool: Spool): SpoolGapReport[] {
  return spool.pendingGaps().map((g) => ({
    id: g.id,
    reason: g.reason,
    count: g.count,
    firstReportId: g.firstReportId,
    lastReportId: g.lastReportId,
    firstSpooledAt: g.firstSpooledAt,
    lastSpooledAt: g.lastSpooledAt,
    droppedAt: g.droppedAt,
  }));
}
