import type { RunningCollector } from '../wiring/collector.ts';
import {
  createLogger,
  loadServerConfig,
  recomputeDay,
  startCollector,
} from '../wiring/collector.ts';

export interface DemoCollectorOptions {
  readonly dataDir: string;
  readonly port: number;
  readonly adminToken: string;
  /** Where the collector's JSON log lines go (warnings and errors). */
  readonly writeLog: (line: string) => void;
}

export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
}

/**
 * The real collector, in this process, configured the way `xiaowang-collector serve` is
 * (through its environment schema) on 127.0.0.1. A hundred agents report from one
 * address here, so the per-address enrollment limit and the per-agent report burst are
 * raised; the back-fill delivers a month per agent in a few seconds.
 */
export async function startDemoCollector(o: DemoCollectorOptions): Promise<RunningCollector> {
  const loaded = loadServerConfig({
    XIAOWANG_DATA_DIR: o.dataDir,
    XIAOWANG_HOST: '127.0.0.1',
    XIAOWANG_PORT: String(o.port),
    XIAOWANG_ADMIN_TOKEN: o.adminToken,
    XIAOWANG_LOG_LEVEL: 'warn',
    XIAOWANG_ENROLL_RATE_PER_MINUTE: '600',
    XIAOWANG_REPORT_RATE_PER_MINUTE: '6000',
    XIAOWANG_REPORT_BURST: '100000',
  });
  if (!loaded.ok) {
    const problems = loaded.problems.map((p) => `${p.field}: ${p.key}`).join('; ');
    throw new Error(`the demo's collector settings were refused: ${problems}`);
  }
  const logger = createLogger({ level: 'warn', write: o.writeLog });
  try {
    return await startCollector(loaded.config, { logger });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new PortInUseError(`127.0.0.1:${o.port}`);
    }
    throw error;
  }
}

/** The compliance job for one local day of the county, as the collector's schedule runs it. */
export function recomputeCountyDay(
  collector: RunningCollector,
  countyId: number,
  day: string,
): Promise<unknown> {
  return recomputeDay({
    db: collector.database.kysely,
    clock: () => new Date(),
    input: { countyId, day },
  });
}
