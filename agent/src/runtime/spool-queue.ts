import type { Report, SpoolGapReport } from '@xiaowang/shared';
import { reportSchema } from '@xiaowang/shared';
import { SpoolWriteError } from '../spool/errors.ts';
import type { Spool } from '../spool/spool.ts';
import type { Log } from './log.ts';
import type { ReportQueue } from './report-queue.ts';

export interface SpoolQueueOptions {
  /** Told when a report cannot be spooled (a full or read-only disk) and is held in memory. */
  readonly log?: Log;
  /** Reports held in memory at most while the spool refuses writes; the oldest go first. */
  readonly maxHeld?: number;
}

/** A day of five-minute reports. */
export const DEFAULT_MAX_HELD = 288;

/**
 * The durable spool as delivery sees it. An entry that no longer matches the contract (a
 * hand-edited file, an older agent's format) is set aside with the reason, never sent.
 * When the spool's disk is full (or read-only), new reports are held in memory instead of
 * stopping the agent: they still go out oldest first, and move into the spool once it takes
 * writes again. Held reports do not survive a restart; the log says so while it lasts.
 */
export function spoolQueue(
  spool: Spool,
  options: SpoolQueueOptions = {},
): ReportQueue & { count(): Promise<number> } {
  const held: Report[] = [];
  const maxHeld = options.maxHeld ?? DEFAULT_MAX_HELD;

  async function peekSpool(limit: number): Promise<Report[]> {
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
  }

  /** Moves held reports into the spool, oldest first; the refusal that stopped it, if any. */
  async function spoolHeld(): Promise<SpoolWriteError | undefined> {
    while (held[0] !== undefined) {
      try {
        await spool.append(held[0]);
      } catch (error) {
        if (error instanceof SpoolWriteError) return error;
        throw error;
      }
      held.shift();
    }
    return undefined;
  }

  function hold(report: Report, error: SpoolWriteError): void {
    held.push(report);
    const dropped = held.length > maxHeld ? held.shift() : undefined;
    options.log?.('error', 'spool.append_failed', {
      code: error.code,
      message: error.message,
      heldInMemory: held.length,
      ...(dropped === undefined ? {} : { droppedReportId: dropped.reportId }),
    });
  }

  return {
    async append(report) {
      const refused = await spoolHeld();
      if (refused !== undefined) return hold(report, refused);
      try {
        await spool.append(report);
      } catch (error) {
        if (!(error instanceof SpoolWriteError)) throw error;
        hold(report, error);
      }
    },
    async peek(limit) {
      const spooled = await peekSpool(limit);
      if (held.length === 0) return spooled;
      return [...spooled, ...held]
        .sort((a, b) => a.pollStartedAt.localeCompare(b.pollStartedAt))
        .slice(0, limit);
    },
    async ack(id) {
      const i = held.findIndex((r) => r.reportId === id);
      if (i >= 0) held.splice(i, 1);
      else await spool.ack(id);
    },
    async setAside(id, reason) {
      const i = held.findIndex((r) => r.reportId === id);
      if (i >= 0) held.splice(i, 1);
      else await spool.setAside(id, reason);
    },
    count: () => Promise.resolve(spool.stats().count + held.length),
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
