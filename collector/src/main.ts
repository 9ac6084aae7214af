import { createAdaptorServer } from '@hono/node-server';
import type { Hono } from 'hono';
import { createApp } from './app.ts';
import type { ServerConfig } from './config.ts';
import type { Clock } from './context.ts';
import { migrateToLatest } from './db/migrate.ts';
import type { ConnectedDatabase } from './db/open.ts';
import { newInstanceId } from './db/leases.ts';
import { databaseLocation, describeLocation, openLocation } from './db/open.ts';
import { ensureSamplePartitions } from './db/sample-partitions.ts';
import { scheduleRecompute } from './features/compliance/schedule-recompute.ts';
import { scheduleDigest } from './features/digest/schedule-digest.ts';
import { schedulePruning } from './features/retention/schedule-pruning.ts';
import type { AppEnv } from './http/env.ts';
import type { Logger } from './logger.ts';

/* The side effects live here: open and migrate the database, bind the port, handle signals. */

export interface Listening {
  readonly url: string;
  readonly port: number;
  /** Stops accepting connections, lets requests in flight finish (5 s at most). */
  close(): Promise<void>;
}

export interface RunningCollector extends Listening {
  readonly database: ConnectedDatabase;
  /** The database for people: a file path, or the PostgreSQL URL without its password. */
  readonly databaseName: string;
  readonly migrated: readonly string[];
}

const CLOSE_GRACE_MS = 5000;

/** Serves `app` on host:port (port 0 picks a free one); rejects if the port cannot be bound. */
export function listen(
  app: Hono<AppEnv>,
  options: { host: string; port: number },
): Promise<Listening> {
  const server = createAdaptorServer({ fetch: app.fetch });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : options.port;
      const host = options.host.includes(':') ? `[${options.host}]` : options.host;
      const close = () =>
        new Promise<void>((done, fail) => {
          const force = setTimeout(() => {
            if ('closeAllConnections' in server) server.closeAllConnections();
          }, CLOSE_GRACE_MS);
          server.close((error) => {
            clearTimeout(force);
            if (error) fail(error);
            else done();
          });
          if ('closeIdleConnections' in server) server.closeIdleConnections();
        });
      resolve({ url: `http://${host}:${port}`, port, close });
    });
  });
}

/**
 * Opens the database under the data directory, applies pending migrations (refusing a
 * database newer than this code), builds the app, listens and schedules pruning, the
 * compliance recompute and the nightly mail.
 */
export async function startCollector(
  config: ServerConfig,
  options: { logger: Logger; clock?: Clock },
): Promise<RunningCollector> {
  const location = databaseLocation(config);
  const database = openLocation(location, {
    onIdleError: (error) => options.logger.warn('collector.database-connection-lost', { error }),
  });
  try {
    const migrated = await migrateToLatest(database.kysely);
    const clock = options.clock ?? (() => new Date());
    await ensureSamplePartitions(database.kysely, clock());
    // One name per process for the job leases shared with other collectors on the database.
    const jobs = { instance: newInstanceId(), leaseMs: config.jobLeaseMs };
    const app = createApp({ db: database.kysely, clock, logger: options.logger, config });
    const listening = await listen(app, config);
    const pruning = schedulePruning({
      db: database.kysely,
      clock,
      logger: options.logger,
      retentionDays: config.sampleRetentionDays,
      reportRetentionDays: config.reportRetentionDays,
      dailyRetentionDays: config.dailyRetentionDays,
      instance: jobs.instance,
    });
    const compliance = scheduleRecompute({
      db: database.kysely,
      clock,
      logger: options.logger,
      ...jobs,
    });
    const digest = scheduleDigest({
      db: database.kysely,
      clock,
      logger: options.logger,
      mail: config.mail,
      ...jobs,
    });
    return {
      ...listening,
      database,
      databaseName: describeLocation(location),
      migrated,
      async close() {
        await listening.close();
        await pruning.stop();
        await compliance.stop();
        await digest.stop();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Resolves with the signal's name once SIGTERM or SIGINT arrives and the collector has closed. */
export function closeOnSignal(running: Listening, logger: Logger): Promise<NodeJS.Signals> {
  return new Promise((resolve, reject) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      logger.info('collector.stopping', { signal });
      running.close().then(() => resolve(signal), reject);
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
}
