import type { Report } from '@xiaowang/shared';

/** What delivery needs from the durable spool (agent/src/spool), so it can be tested alone. */
export interface ReportQueue {
  /** Durable when it resolves; only then may the report be sent. */
  append(report: Report): Promise<void>;
  /** The oldest unsent reports, oldest first. */
  peek(limit: number): Promise<readonly Report[]>;
  ack(reportId: string): Promise<void>;
  setAside(reportId: string, reason: string): Promise<void>;
}
