import type { Clock } from '../../context.ts';
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
}

export interface PruningSchedule {
  /** Stops the timers and waits for a run in progress, so the database can close after. */
  stop(): Promise<void>;
}

/** Prunes raw samples on a timer; runs never overlap, and timers do not keep the process up. */
export function schedulePruning(o: SchedulePruningOptions): PruningSchedule {
  let current: Promise<void> | undefined;
  const prune = async () => {
    try {
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
