import type { Backoff } from './backoff.ts';
import type { QueuedReport, ReportQueue } from './report-queue.ts';
import type { SendOutcome } from './reporter.ts';

export interface DeliveryResult {
  readonly delivered: number;
  readonly setAside: number;
  /** Why delivery stopped before the queue was empty, if it did. */
  readonly stoppedBy?: Exclude<SendOutcome, { kind: 'acked' } | { kind: 'rejected' }>;
  readonly waitMs?: number;
}

export interface DeliverOptions {
  readonly queue: ReportQueue;
  readonly send: (report: QueuedReport) => Promise<SendOutcome>;
  readonly backoff: Backoff;
  /** Stop after this many reports so a long backlog does not starve polling. */
  readonly maxReports?: number;
  readonly onEvent?: (event: string, fields: Record<string, unknown>) => void;
}

/**
 * Sends the spool oldest first, deleting each report only once the collector acknowledged
 * it. The first retryable failure ends the pass with a backoff; a report the collector will
 * never take is set aside with its reason instead of blocking the queue forever.
 */
export async function deliverQueued(options: DeliverOptions): Promise<DeliveryResult> {
  const max = options.maxReports ?? 500;
  let delivered = 0;
  let setAside = 0;
  while (delivered + setAside < max) {
    const [report] = await options.queue.peek(1);
    if (report === undefined) break;
    const outcome = await options.send(report);
    if (outcome.kind === 'acked') {
      await options.queue.ack(report.reportId);
      options.backoff.reset();
      delivered++;
      continue;
    }
    if (outcome.kind === 'rejected') {
      await options.queue.setAside(report.reportId, outcome.reason);
      options.onEvent?.('report.set_aside', {
        reportId: report.reportId,
        status: outcome.status,
        reason: outcome.reason,
        key: outcome.message.key,
        params: outcome.message.params,
      });
      setAside++;
      continue;
    }
    const waitMs =
      outcome.kind === 'retry' && outcome.retryAfterMs !== undefined
        ? outcome.retryAfterMs
        : options.backoff.next();
    options.onEvent?.('delivery.paused', {
      reason: outcome.reason,
      kind: outcome.kind,
      key: outcome.message.key,
      params: outcome.message.params,
      waitMs,
    });
    return { delivered, setAside, stoppedBy: outcome, waitMs };
  }
  return { delivered, setAside };
}
