import type { WriteContext } from '../../context.ts';
import type { Db } from '../../db/schema.ts';
import { inTransaction } from '../../db/tx.ts';
import { DEFAULT_PRUNE_BATCH } from './prune-samples.ts';
import {
  deleteApDailyBefore,
  deleteInterfaceDailyBefore,
  selectApIdsAfter,
  selectInterfaceIdsAfter,
} from './queries.ts';

export interface PruneDailyInput {
  /** Daily summaries of days older than this go (XIAOWANG_DAILY_RETENTION_DAYS). */
  readonly retentionDays: number;
  /** About how many rows a transaction deletes. */
  readonly batchSize?: number;
  /** Stops after the batch in progress once aborted: the collector is shutting down. */
  readonly signal?: AbortSignal;
}

export interface PruneDailyResult {
  readonly interfaceDays: number;
  readonly apDays: number;
  /** Rows of days before this one (YYYY-MM-DD) were deleted. */
  readonly beforeDay: string;
}

interface DailyTable {
  readonly ids: (db: Db, after: number, limit: number) => Promise<number[]>;
  readonly deleteBefore: (db: Db, ids: readonly number[], day: string) => Promise<number>;
}

const DAY_MS = 86_400_000;
/** Ids in one `in (...)` list: well inside SQLite's and PostgreSQL's limits on parameters. */
const MAX_CHUNK = 1000;
/** The first chunk is small: a database that was never pruned has years per interface. */
const FIRST_CHUNK = 16;

/**
 * Deletes the daily summaries (interface_daily, ap_daily) of days past retention. There is
 * no index on `day` (every report writes these rows; one more index would slow each write
 * and grow the table), so the walk goes through the interfaces and APs by id, a chunk at a
 * time, and deletes each chunk's old days through the (interface_id, day) or (ap_id, day)
 * primary key: each transaction reads only the rows it deletes. Chunks shrink where an
 * interface has many old days (the first run on an old database) and grow where it has
 * few, so a transaction deletes about `batchSize` rows either way.
 *
 * `day` is the county's local date; the horizon is the UTC date, at most a day apart,
 * which no reader notices: compliance looks back 90 days at most (config.ts).
 */
export async function pruneDaily({
  db,
  clock,
  input,
}: WriteContext<PruneDailyInput>): Promise<PruneDailyResult> {
  const beforeDay = new Date(clock().getTime() - input.retentionDays * DAY_MS)
    .toISOString()
    .slice(0, 10);
  const batch = Math.max(1, input.batchSize ?? DEFAULT_PRUNE_BATCH);
  const interfaces = { ids: selectInterfaceIdsAfter, deleteBefore: deleteInterfaceDailyBefore };
  const aps = { ids: selectApIdsAfter, deleteBefore: deleteApDailyBefore };
  const walk = { day: beforeDay, batch, signal: input.signal };
  return {
    interfaceDays: await pruneTable(db, interfaces, walk),
    apDays: await pruneTable(db, aps, walk),
    beforeDay,
  };
}

async function pruneTable(
  db: Db,
  table: DailyTable,
  { day, batch, signal }: { day: string; batch: number; signal: AbortSignal | undefined },
): Promise<number> {
  let deleted = 0;
  let after = 0; // ids start at 1 on both databases
  let chunk = Math.min(FIRST_CHUNK, batch);
  for (;;) {
    const ids = await table.ids(db, after, chunk);
    const last = ids.at(-1);
    if (last === undefined) return deleted;
    const n = await inTransaction(db, (tx) => table.deleteBefore(tx, ids, day));
    deleted += n;
    if (ids.length < chunk || signal?.aborted === true) return deleted;
    after = last;
    chunk = nextChunk(chunk, n, batch);
    await new Promise((resolve) => setImmediate(resolve)); // let waiting requests in
  }
}

/** As many ids as should hold `batch` old rows at the last chunk's rate, at most doubling. */
function nextChunk(chunk: number, deleted: number, batch: number): number {
  const fit = deleted === 0 ? MAX_CHUNK : Math.floor((chunk * batch) / deleted);
  return Math.max(1, Math.min(MAX_CHUNK, chunk * 2, fit));
}
