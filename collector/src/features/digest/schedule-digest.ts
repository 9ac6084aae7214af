import cron from 'node-cron';
import type { Clock } from '../../context.ts';
import { DEFAULT_LEASE_MS, leaseHolder, newInstanceId } from '../../db/leases.ts';
import type { Db } from '../../db/schema.ts';
import type { Logger } from '../../logger.ts';
import type { MailConfig } from '../../mail-config.ts';
import { deliverDue } from './deliver-due.ts';
import type { MailSender } from './mailer.ts';
import { smtpSender } from './mailer.ts';
import { planDueDeliveries } from './plan-deliveries.ts';
import { saveScheduler } from './queries-status.ts';

export interface ScheduleDigestOptions {
  readonly db: Db;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly mail: MailConfig;
  /** Default: every minute, which is as fine as send times and retries need. */
  readonly expression?: string;
  /** Default: a name from the host, the pid and a random part. */
  readonly instance?: string;
  /** How long the job stays with an instance that stopped renewing it (DEFAULT_LEASE_MS). */
  readonly leaseMs?: number;
  /** Default: SMTP as configured; a run opens one sender and closes it. */
  readonly openSender?: () => MailSender;
}

export interface DigestSchedule {
  /** One run now (what the timer does); while a run is going, returns that run. */
  run(): Promise<void>;
  /** Stops the timer and waits for a run in progress, so the database can close after. */
  stop(): Promise<void>;
}

/**
 * The nightly mail. Every minute, and once at start (so a collector that was down at the
 * send time sends the missed days now): record the mails due, then send those due, each once
 * (docs/adr/0009). Of several collectors on one database only the holder of the `digest`
 * lease runs; the per-row claims still keep each mail single if two ever overlap. Without an
 * SMTP host it only says so, once, and on the dashboard.
 */
export function scheduleDigest(o: ScheduleDigestOptions): DigestSchedule {
  const instance = o.instance ?? newInstanceId();
  const lease = leaseHolder({
    db: o.db,
    clock: o.clock,
    name: 'digest',
    holder: instance,
    ttlMs: o.leaseMs ?? DEFAULT_LEASE_MS,
    onRenewError: (error) => o.logger.warn('digest.lease-renew-failed', { error }),
  });
  const { smtp } = o.mail;
  const openSender = o.openSender ?? (smtp === null ? undefined : () => smtpSender(smtp));
  if (openSender === undefined) o.logger.info('digest.mail-off', { reason: 'XIAOWANG_SMTP_HOST' });
  let running: Promise<void> | undefined;

  const once = async () => {
    const now = o.clock();
    await saveScheduler(o.db, { instance, mailConfigured: smtp !== null, at: now.toISOString() });
    if (openSender === undefined || !(await lease.acquire())) return;
    await lease.renewWhile(() => send(now, openSender));
  };
  const send = async (now: Date, openSender: () => MailSender) => {
    const planned = await planDueDeliveries(o.db, now);
    if (planned > 0) o.logger.info('digest.planned', { mails: planned });
    const sender = openSender();
    try {
      await deliverDue({ ...o, sender, instance });
    } finally {
      sender.close();
    }
  };
  const run = (): Promise<void> => {
    running ??= once()
      .catch((error: unknown) => o.logger.error('digest.run-failed', { error }))
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const task = cron.schedule(o.expression ?? '* * * * *', () => run(), {
    name: 'digest',
    noOverlap: true,
    logger: {
      info: (message) => o.logger.info('digest.cron', { message }),
      warn: (message) => o.logger.warn('digest.cron', { message }),
      error: (message) => o.logger.error('digest.cron', { message }),
      debug: (message) => o.logger.debug('digest.cron', { message }),
    },
  });
  void run();
  return {
    run,
    async stop() {
      await task.destroy();
      await running;
      await lease
        .release()
        .catch((error: unknown) => o.logger.warn('digest.lease-release-failed', { error }));
    },
  };
}
