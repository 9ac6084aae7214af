import cron from 'node-cron';
import type { Clock } from '../../context.ts';
import { DEFAULT_LEASE_MS, leaseHolder, newInstanceId } from '../../db/leases.ts';
import type { Db } from '../../db/schema.ts';
import type { Logger } from '../../logger.ts';
import { daysDue } from './days-due.ts';
import { selectCountyZones } from './load/queries-places.ts';
import { recordFinalised, selectFinalisedDays } from './queries-finalised.ts';
import { recomputeDay } from './recompute-day.ts';

export interface ScheduleRecomputeOptions {
  readonly db: Db;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Default: every 15 minutes; every zone's offset is whole quarter hours, so 00:30 is hit. */
  readonly expression?: string;
  /** This collector among those sharing the database; default: host, pid and a random part. */
  readonly instance?: string;
  /** How long the job stays with an instance that stopped renewing it (DEFAULT_LEASE_MS). */
  readonly leaseMs?: number;
}

export interface RecomputeSchedule {
  /** One run now (what the timer does); while a run is going, returns that run. */
  run(): Promise<void>;
  /** Stops the timer and waits for a run in progress, so the database can close after. */
  stop(): Promise<void>;
}

/**
 * Recomputes each county's today every 15 minutes, and yesterday after 00:30 local. Of
 * several collectors on one database only the holder of the `compliance-recompute` lease
 * runs it, and the finalised day is kept in the database, so each happens once.
 */
export function scheduleRecompute(o: ScheduleRecomputeOptions): RecomputeSchedule {
  let running: Promise<void> | undefined;
  const lease = leaseHolder({
    db: o.db,
    clock: o.clock,
    name: 'compliance-recompute',
    holder: o.instance ?? newInstanceId(),
    ttlMs: o.leaseMs ?? DEFAULT_LEASE_MS,
    onRenewError: (error) => o.logger.warn('compliance.lease-renew-failed', { error }),
  });

  const recomputeAll = async () => {
    const finalised = await selectFinalisedDays(o.db);
    for (const county of await selectCountyZones(o.db)) {
      const now = o.clock();
      for (const { day, finalises } of daysDue(county.timezone, now, finalised.get(county.id))) {
        try {
          const input = { countyId: county.id, day };
          const result = await recomputeDay({ db: o.db, clock: o.clock, input });
          o.logger.info('compliance.recomputed', { ...input, finalises, ...result });
          if (finalises) {
            await recordFinalised(o.db, { countyId: county.id, day, at: o.clock().toISOString() });
          }
        } catch (error) {
          o.logger.error('compliance.recompute-failed', { countyId: county.id, day, error });
        }
      }
    }
  };
  const leading = async () => {
    if (await lease.acquire()) await lease.renewWhile(recomputeAll);
  };
  const run = (): Promise<void> => {
    // A running flag rather than a queue: a tick that finds a run going just skips.
    running ??= leading()
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
      await lease
        .release()
        .catch((error: unknown) => o.logger.warn('compliance.lease-release-failed', { error }));
    },
  };
}
