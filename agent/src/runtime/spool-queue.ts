import type { SpoolGapReport } from '@xiaowang/shared';
import { describe } from '../spool/draft.ts';
import { SpoolWriteError } from '../spool/errors.ts';
import type { Spool, SpoolDraft } from '../spool/spool.ts';
import type { Log } from './log.ts';
import type { NewReport, QueuedReport, ReportDraft, ReportQueue } from './report-queue.ts';

export interface SpoolQueueOptions {
  /** Told when a report cannot be spooled (a full or read-only disk) and is held in memory. */
  readonly log?: Log;
  /** Reports held in memory at most while the spool refuses writes; the oldest go first. */
  readonly maxHeld?: number;
}

/** A day of five-minute reports. */
export const DEFAULT_MAX_HELD = 288;

/**
 * The durable spool as delivery sees it. Reports are forwarded as spooled, never parsed
 * again here: a file that is no longer a whole JSON object (a torn write) is moved aside by
 * the spool, and one the collector will not take (a hand-edited file, an older agent's
 * format) comes back refused with the field named and is set aside with that reason.
 * When the spool's disk is full (or read-only), new reports are held in memory instead of
 * stopping the agent: they still go out oldest first, and move into the spool once it takes
 * writes again. Held reports do not survive a restart; the log says so while it lasts.
 */
export function spoolQueue(
  spool: Spool,
  options: SpoolQueueOptions = {},
): ReportQueue & { count(): Promise<number>; draft(reportId: string): ReportDraft } {
  const held: NewReport[] = [];
  const maxHeld = options.maxHeld ?? DEFAULT_MAX_HELD;
  /**
   * The report just spooled, handed to delivery once as it was stored (its pieces, or the
   * file a draft wrote, sent without being read into memory): when it is the only one
   * queued (the collector is keeping up) reading it back whole would be a second copy of a
   * county's 10 MB. Any later attempt reads the spool, which checks the file.
   */
  let justStored: QueuedReport | undefined;

  const store = async (report: NewReport): Promise<void> => {
    await spool.appendBody(report.reportId, report.body);
    justStored = report;
  };

  /** Moves held reports into the spool, oldest first; the refusal that stopped it, if any. */
  async function spoolHeld(): Promise<SpoolWriteError | undefined> {
    while (held[0] !== undefined) {
      try {
        await store(held[0]);
      } catch (error) {
        if (error instanceof SpoolWriteError) return error;
        throw error;
      }
      held.shift();
    }
    return undefined;
  }

  function hold(report: NewReport, error: SpoolWriteError): void {
    held.push(report);
    const dropped = held.length > maxHeld ? held.shift() : undefined;
    options.log?.('error', 'spool.append_failed', {
      code: error.code,
      message: error.message,
      heldInMemory: held.length,
      ...(dropped === undefined ? {} : { droppedReportId: dropped.reportId }),
    });
  }

  async function append(report: NewReport): Promise<void> {
    const refused = await spoolHeld();
    if (refused !== undefined) return hold(report, refused);
    try {
      await store(report);
    } catch (error) {
      if (!(error instanceof SpoolWriteError)) throw error;
      hold(report, error);
    }
  }

  function lost(reportId: string, failure: unknown): void {
    options.log?.('error', 'spool.report_lost', { reportId, message: describe(failure) });
  }

  /** A finished draft into the queue; what the spool refuses is held as `append` holds it. */
  async function commit(file: SpoolDraft): Promise<void> {
    const { reportId } = file;
    const content = await file.finish();
    if (content.kind === 'lost') return lost(reportId, content.failure);
    if (content.kind === 'memory') {
      // Said even when the append below succeeds: a disk that failed mid-cycle should be seen.
      options.log?.('warn', 'spool.draft_failed', {
        reportId,
        message: describe(content.failure),
      });
      return append({ reportId, body: content.pieces });
    }
    let refused = await spoolHeld();
    if (refused === undefined) {
      try {
        justStored = { reportId, body: await spool.adopt(reportId, content) };
        return;
      } catch (error) {
        if (!(error instanceof SpoolWriteError)) throw error;
        refused = error;
      }
    }
    let body: Uint8Array;
    try {
      body = await file.readBack();
    } catch (error) {
      return lost(reportId, error);
    }
    hold({ reportId, body }, refused);
  }

  return {
    append,
    draft(reportId) {
      const file = spool.draft(reportId);
      return {
        reportId,
        write: (piece) => file.write(piece),
        commit: () => commit(file),
        abandon: () => file.abandon(),
      };
    },
    async peek(limit) {
      const fresh = limit >= 1 ? justStored : undefined;
      if (fresh !== undefined) justStored = undefined;
      const ids = spool.queuedIds();
      if (
        fresh !== undefined &&
        held.length === 0 &&
        ids.length === 1 &&
        ids[0] === fresh.reportId
      ) {
        return [fresh];
      }
      const spooled = (await spool.peek(limit)).map((e) => ({
        reportId: e.reportId,
        body: e.body,
      }));
      // Held reports are always newer than spooled ones: while any is held, a new report is
      // held too, and they go into the spool oldest first before anything newer.
      return held.length === 0 ? spooled : [...spooled, ...held].slice(0, limit);
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
