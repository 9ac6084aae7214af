import type { Lang } from '@xiaowang/shared';
import { t } from '@xiaowang/shared';
import { loadServerConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import type { RunningCollector } from '../main.ts';
import { closeOnSignal, startCollector } from '../main.ts';
import type { CommandIo, Env } from './cli-error.ts';
import { CliError, EXIT } from './cli-error.ts';
import { requireConfig } from './config-error.ts';

/** `serve`: runs until SIGTERM or SIGINT, then closes the server and the database. */
export async function runServe(env: Env, io: CommandIo, lang: Lang): Promise<number> {
  const config = requireConfig(loadServerConfig(env));
  const logger = createLogger({ level: config.logLevel, write: (line) => io.stderr(line) });
  let running: RunningCollector;
  try {
    running = await startCollector(config, { logger });
  } catch (error) {
    if (
      typeof error === 'object' &&
      error !== null &&
      'code' in error &&
      error.code === 'EADDRINUSE'
    ) {
      throw new CliError(
        'collector.cli.portInUse',
        { host: config.host, port: config.port },
        EXIT.FAILED,
      );
    }
    throw error;
  }
  if (running.migrated.length > 0) {
    io.stdout(
      t(lang, 'collector.cli.migrated', {
        count: running.migrated.length,
        names: running.migrated.join(', '),
      }),
    );
  }
  io.stdout(t(lang, 'collector.cli.listening', { url: running.url, file: running.databaseName }));
  await closeOnSignal(running, logger);
  return EXIT.OK;
}
