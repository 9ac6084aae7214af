import cron from 'node-cron';
import type { Clock } from '../../context.ts';
import type { Db } from '../../db/schema.ts';
import type { Logger } from '../../logger.ts';
import { daysDue } from './days-due.ts';
import { selectCountyZones } from './load/queries-places.ts';
import { recomputeDay } from './recompute-day.ts';

export interface ScheduleRecomputeOptions {
  readonly db: Db;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Default: every 15 minutes; every zone's offset is whole quarter hours, so 00:30 is hit. */
  readonly expression?: string;
}

export interface RecomputeSchedule {
  /** One run now (what the timer does); while a run is going, returns that run. */
  run(): Promise<void>;
  /** Stops the timer and waits for a run in progress, so the database can close after. */
  stop(): Promise<void>;
}

/** Recomputes each county's today every 15 minutes, and yesterday after 00:30 local. */
export function scheduleRecompute(o: ScheduleRecomputeOptions): RecomputeSchedule {
  const finalised = new Map<number, string>();
  let running: Promise<void> | undefined;

  const recomputeAll = async () => {
    for (const county of await selectCountyZones(o.db)) {
      const now = o.clock();
      for (const { day, finalises } of daysDue(county.timezone, now, finalised.get(county.id))) {
        try {
          const input = { countyId: county.id, day };
          const result = await recomputeDay({ db: o.db, clock: o.clock, input });
          o.logger.info('compliance.recomputed', { ...input, finalises, ...result });
          if (finalises) finalised.set(county.id, day);
        } catch (error) {
          o.logger.error('compliance.recompute-failed', { countyId: county.id, day, error });
        }
      }
    }
  };
  const run = (): Promise<void> => {
    // A running flag rather than a queue: a tick that finds a run going just skips.
    running ??= recomputeAll()
      .catch((error: unknown) => o.logger.error('compliance.recompute-failed', { error }))
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const task = cron.schedule(o.expression ?? '*/15 * * * *', () => run(), {
    name: 'compliance-recompute',
    noOverlap: true,
    // node-cron prints to the console by default; our logs are JSON lines.
    logger: {
      info: (message) => o.logger.info('compliance.cron', { message }),
      warn: (message) => o.logger.warn('compliance.cron', { message }),
      error: (message) => o.logger.error('compliance.cron', { message }),
      debug: (message) => o.logger.debug('compliance.cron', { message }),
    },
  });
  return {
    run,
    async stop() {
      await task.destroy();
      await running;
    },
  };
}
