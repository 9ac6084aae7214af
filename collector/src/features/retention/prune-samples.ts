import type { WriteContext } from '../../context.ts';
import {
  deleteDefaultPartitionSamplesBefore,
  dropSamplePartitionsBefore,
} from '../../db/sample-partitions.ts';
import { inTransaction } from '../../db/tx.ts';
import { deleteSamplesBefore } from './queries.ts';

export interface PruneSamplesInput {
  /** Raw uplink samples older than this many days are deleted (XIAOWANG_SAMPLE_RETENTION_DAYS). */
  readonly retentionDays: number;
  readonly batchSize?: number;
}

export interface PruneSamplesResult {
  readonly deleted: number;
  readonly before: string;
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
    if (n < batch) return { deleted, before };
    await new Promise((resolve) => setImmediate(resolve)); // let waiting requests in
  }
}
