import type { Clock } from '../../context.ts';
import { leaseHolder, newInstanceId } from '../../db/leases.ts';
import { ensureSamplePartitions } from '../../db/sample-partitions.ts';
import type { Db } from '../../db/schema.ts';
import type { Logger } from '../../logger.ts';
import { pruneSamples } from './prune-samples.ts';

export interface SchedulePruningOptions {
  readonly db: Db;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly retentionDays: number;
  /** Default: a minute after start, then every 24 hours. */
  readonly firstAfterMs?: number;
  readonly everyMs?: number;
  /** This collector among those sharing the database; default: host, pid and a random part. */
  readonly instance?: string;
}

export interface PruningSchedule {
  /** Stops the timers and waits for a run in progress, so the database can close after. */
  stop(): Promise<void>;
}

/** Of several collectors, the first to run in a 20-hour window prunes; the others skip it. */
const DAILY_LEASE_MS = 20 * 3_600_000;

/**
 * Prunes raw samples on a timer and, on PostgreSQL, makes the coming months' sample
 * partitions; runs never overlap, and timers do not keep the process up. The lease is kept
 * after a run (not released), so one run a day happens across all collectors.
 */
export function schedulePruning(o: SchedulePruningOptions): PruningSchedule {
  let current: Promise<void> | undefined;
  const lease = leaseHolder({
    db: o.db,
    clock: o.clock,
    name: 'sample-pruning',
    holder: o.instance ?? newInstanceId(),
    ttlMs: DAILY_LEASE_MS,
  });
  const prune = async () => {
    try {
      if (!(await lease.acquire())) return;
      const created = await ensureSamplePartitions(o.db, o.clock());
      if (created.length > 0) o.logger.info('retention.partitions-created', { months: created });
      const input = { retentionDays: o.retentionDays };
      const result = await pruneSamples({ db: o.db, clock: o.clock, input });
      o.logger.info('retention.pruned', { ...result, retentionDays: o.retentionDays });
    } catch (error) {
      o.logger.error('retention.failed', { error });
    } finally {
      current = undefined;
    }
  };
  const run = () => {
    current ??= prune();
  };
  const first = setTimeout(run, o.firstAfterMs ?? 60_000);
  const every = setInterval(run, o.everyMs ?? 86_400_000);
  first.unref();
  every.unref();
  return {
    async stop() {
      clearTimeout(first);
      clearInterval(every);
      await current;
    },
  };
}
