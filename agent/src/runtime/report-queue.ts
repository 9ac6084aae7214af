import type { ReportBody } from '../spool/body.ts';

/**
 * A report waiting to be delivered: its id and its document, byte for byte as it was
 * spooled. The agent forwards it without parsing it again; the collector checks it whole.
 */
export interface QueuedReport {
  readonly reportId: string;
  readonly body: ReportBody;
}

/** What delivery needs from the durable spool (agent/src/spool), so it can be tested alone. */
export interface ReportQueue {
  /** Durable when it resolves; only then may the report be sent. */
  append(report: QueuedReport): Promise<void>;
  /** The oldest unsent reports, oldest first. */
  peek(limit: number): Promise<readonly QueuedReport[]>;
  ack(reportId: string): Promise<void>;
  setAside(reportId: string, reason: string): Promise<void>;
}

/** A report object as the queue holds it (tests, the demo, tools that build one whole). */
export function queuedReport(report: { readonly reportId: string }): QueuedReport {
  return { reportId: report.reportId, body: JSON.stringify(report) };
}
