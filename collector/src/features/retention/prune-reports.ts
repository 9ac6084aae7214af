import type { WriteContext } from '../../context.ts';
import { inTransaction } from '../../db/tx.ts';
import { DEFAULT_PRUNE_BATCH } from './prune-samples.ts';
import { deleteUnreferencedReports, selectReportAfter } from './queries.ts';

export interface PruneReportsInput {
  /** Reports received longer ago than this many days go (XIAOWANG_REPORT_RETENTION_DAYS). */
  readonly retentionDays: number;
  /**
   * Raw samples taken from this instant on may still be stored (PruneSamplesResult.keptFrom).
   * Nearly every report received since is then referenced by its samples and cannot go, so
   * the walk stops there instead of visiting them again every day; reports are kept for the
   * longer of the two retentions.
   */
  readonly samplesFrom?: string;
  readonly batchSize?: number;
  /** Stops after the batch in progress once aborted: the collector is shutting down. */
  readonly signal?: AbortSignal;
}

export interface PruneReportsResult {
  readonly deleted: number;
  /** Reports received before this instant were deleted unless something referred to them. */
  readonly before: string;
}

const DAY_MS = 86_400_000;

/**
 * Deletes old report rows that nothing refers to any more, walking the reports by id in
 * batches, each its own short transaction. A report row holds its report_uuid, the key
 * that makes a resend a no-op, so the retention must outlive any agent's spool (config.ts).
 * Reports still referred to by a sample, a spool gap, a device's history or as a device's
 * or agent's last report stay; they go on a later day, once what refers to them is gone or
 * has moved on.
 *
 * received_at is the collector's clock at insert, so ids follow it: the walk stops at the
 * first batch that ends with a report received after the horizon, without an index on
 * received_at. A report received out of order (collectors whose clocks differ) goes a day
 * later.
 */
export async function pruneReports({
  db,
  clock,
  input,
}: WriteContext<PruneReportsInput>): Promise<PruneReportsResult> {
  const horizon = new Date(clock().getTime() - input.retentionDays * DAY_MS).toISOString();
  const before =
    input.samplesFrom !== undefined && input.samplesFrom < horizon ? input.samplesFrom : horizon;
  const batch = Math.max(1, input.batchSize ?? DEFAULT_PRUNE_BATCH);
  let deleted = 0;
  let after = 0; // ids start at 1 on both databases
  for (;;) {
    const end = await selectReportAfter(db, after, batch - 1);
    const until = end?.id;
    deleted += await inTransaction(db, (tx) =>
      deleteUnreferencedReports(tx, { after, until, before }),
    );
    if (end === undefined || end.received_at >= before || input.signal?.aborted === true) {
      return { deleted, before };
    }
    after = end.id;
    await new Promise((resolve) => setImmediate(resolve)); // let waiting requests in
  }
}
