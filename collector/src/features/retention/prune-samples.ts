import type { WriteContext } from '../../context.ts';
import {
  deleteDefaultPartitionSamplesBefore,
  dropSamplePartitionsBefore,
  listSamplePartitions,
} from '../../db/sample-partitions.ts';
import { inTransaction } from '../../db/tx.ts';
import { deleteSamplesBefore } from './queries.ts';

export interface PruneSamplesInput {
  /** Raw uplink samples older than this many days are deleted (XIAOWANG_SAMPLE_RETENTION_DAYS). */
  readonly retentionDays: number;
  readonly batchSize?: number;
  /** Stops after the batch in progress once aborted: the collector is shutting down. */
  readonly signal?: AbortSignal;
}

export interface PruneSamplesResult {
  readonly deleted: number;
  readonly before: string;
  /**
   * Samples taken from this instant on may still be stored: `before`, or on PostgreSQL the
   * start of the oldest month still kept. Report pruning stops there (prune-reports.ts).
   */
  readonly keptFrom: string;
}

const DAY_MS = 86_400_000;
export const DEFAULT_PRUNE_BATCH = 5000;

/**
 * Deletes old raw samples in batches, each its own short transaction, so ingest is never
 * held up for long. Daily summaries (interface_daily, ap_daily) are kept. Where samples are
 * partitioned by month (PostgreSQL), whole months past retention are dropped instead, and
 * only the default partition's stray rows are deleted one by one.
 */
export async function pruneSamples({
  db,
  clock,
  input,
}: WriteContext<PruneSamplesInput>): Promise<PruneSamplesResult> {
  const before = new Date(clock().getTime() - input.retentionDays * DAY_MS).toISOString();
  const batch = Math.max(1, input.batchSize ?? DEFAULT_PRUNE_BATCH);
  const dropped = await dropSamplePartitionsBefore(db, before);
  const deleteBatch =
    dropped === undefined ? deleteSamplesBefore : deleteDefaultPartitionSamplesBefore;
  let deleted = dropped?.rowsEstimate ?? 0;
  for (;;) {
    const n = await inTransaction(db, (tx) => deleteBatch(tx, before, batch));
    deleted += n;
    if (n < batch || input.signal?.aborted === true) break;
    await new Promise((resolve) => setImmediate(resolve)); // let waiting requests in
  }
  const oldest = dropped === undefined ? undefined : (await listSamplePartitions(db))[0];
  const monthStart = oldest === undefined ? before : `${oldest.month}-01T00:00:00.000Z`;
  return { deleted, before, keptFrom: monthStart < before ? monthStart : before };
}
