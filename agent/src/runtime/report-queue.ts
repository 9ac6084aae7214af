import type { PieceSink } from '../report/build-report.ts';
import type { QueuedBody, ReportBody } from '../spool/body.ts';

/**
 * A report waiting to be delivered: its id and its document, byte for byte as it was
 * spooled. The agent forwards it without parsing it again; the collector checks it whole.
 */
export interface QueuedReport {
  readonly reportId: string;
  readonly body: QueuedBody;
}

/** A report handed to the queue whole, its document in memory. */
export interface NewReport {
  readonly reportId: string;
  readonly body: ReportBody;
}

/** A report the queue takes piece by piece while its cycle writes it. */
export interface ReportDraft extends PieceSink {
  readonly reportId: string;
  /** Queues the report as `append` would: durable when it resolves, or held in memory. */
  commit(): Promise<void>;
  /** Throws the report away (its cycle failed). */
  abandon(): Promise<void>;
}

/** What delivery needs from the durable spool (agent/src/spool), so it can be tested alone. */
export interface ReportQueue {
  /** Durable when it resolves; only then may the report be sent. */
  append(report: NewReport): Promise<void>;
  /**
   * A report to be written as it is built; absent, the loop keeps a cycle's pieces in
   * memory and appends them whole.
   */
  draft?(reportId: string): ReportDraft;
  /** The oldest unsent reports, oldest first. */
  peek(limit: number): Promise<readonly QueuedReport[]>;
  ack(reportId: string): Promise<void>;
  setAside(reportId: string, reason: string): Promise<void>;
}

/** A draft kept in memory and appended whole: for a queue without a spool (tests, tools). */
export function memoryDraft(queue: Pick<ReportQueue, 'append'>, reportId: string): ReportDraft {
  const pieces: Uint8Array[] = [];
  return {
    reportId,
    write: (piece) => {
      pieces.push(piece);
    },
    commit: () => queue.append({ reportId, body: pieces }),
    abandon: () => {
      pieces.length = 0;
      return Promise.resolve();
    },
  };
}

/** A report object as the queue holds it (tests, the demo, tools that build one whole). */
export function queuedReport(report: { readonly reportId: string }): NewReport {
  return { reportId: report.reportId, body: JSON.stringify(report) };
}
