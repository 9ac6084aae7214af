import type { Clock } from '../../context.ts';
import { leaseHolder, newInstanceId } from '../../db/leases.ts';
import { ensureSamplePartitions } from '../../db/sample-partitions.ts';
import type { Db } from '../../db/schema.ts';
import type { Logger } from '../../logger.ts';
import { pruneDaily } from './prune-daily.ts';
import { pruneReports } from './prune-reports.ts';
import { pruneSamples } from './prune-samples.ts';

export interface SchedulePruningOptions {
  readonly db: Db;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Days of raw samples kept (XIAOWANG_SAMPLE_RETENTION_DAYS). */
  readonly retentionDays: number;
  /** Days of report rows kept (XIAOWANG_REPORT_RETENTION_DAYS). */
  readonly reportRetentionDays: number;
  /** Days of daily summaries kept (XIAOWANG_DAILY_RETENTION_DAYS). */
  readonly dailyRetentionDays: number;
  /** Default: a minute after start, then every 24 hours. */
  readonly firstAfterMs?: number;
  readonly everyMs?: number;
  /** This collector among those sharing the database; default: host, pid and a random part. */
  readonly instance?: string;
}

export interface PruningSchedule {
  /**
   * Stops the timers and a run in progress after its current batch, and waits for it, so
   * the database can close after.
   */
  stop(): Promise<void>;
}

/** Of several collectors, the first to run in a 20-hour window prunes; the others skip it. */
const DAILY_LEASE_MS = 20 * 3_600_000;

/**
 * Prunes on a timer, and on PostgreSQL makes the coming months' sample partitions. Samples
 * go first, then the reports only they still referred to, then the daily summaries; runs
 * never overlap, and timers do not keep the process up. The lease is kept
 * after a run (not released), so one run a day happens across all collectors.
 */
export function schedulePruning(o: SchedulePruningOptions): PruningSchedule {
  let current: Promise<void> | undefined;
  const stopping = new AbortController();
  const { signal } = stopping;
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
      const ctx = { db: o.db, clock: o.clock };
      const samples = await pruneSamples({
        ...ctx,
        input: { retentionDays: o.retentionDays, signal },
      });
      o.logger.info('retention.pruned', { ...samples, retentionDays: o.retentionDays });
      if (signal.aborted) return;
      const reports = await pruneReports({
        ...ctx,
        input: { retentionDays: o.reportRetentionDays, samplesFrom: samples.keptFrom, signal },
      });
      o.logger.info('retention.reports-pruned', {
        ...reports,
        retentionDays: o.reportRetentionDays,
      });
      if (signal.aborted) return;
      const daily = await pruneDaily({
        ...ctx,
        input: { retentionDays: o.dailyRetentionDays, signal },
      });
      o.logger.info('retention.daily-pruned', {
        ...daily,
        retentionDays: o.dailyRetentionDays,
      });
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
      stopping.abort();
      await current;
    },
  };
}
