import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Lang, MessageKey, MessageParams } from '@xiaowang/shared';
import type { DemoAgent } from '../agents/demo-agents.ts';
import { listDemoAgents, writeAgentConfig } from '../agents/demo-agents.ts';
import type { DemoEnv } from '../config.ts';
import { DEFAULT_SEED, generateCounty } from '../county/generate-county.ts';
import type { DemoCounty } from '../county/types.ts';
import { DEFAULTS } from '../options.ts';
import type { DemoOptions } from '../options.ts';
import type { DemoPlan } from '../plan/plan.ts';
import { makePlan } from '../plan/plan.ts';
import type { DeviceFarm } from '../sim/device-farm.ts';
import { detectAddressMode, startDeviceFarm } from '../sim/device-farm.ts';
import type { RunningCollector } from '../wiring/collector.ts';
import type { AdminApi } from './admin-api.ts';
import { adminApi } from './admin-api.ts';
import { PortInUseError, startDemoCollector } from './demo-collector.ts';
import { DemoError } from './demo-error.ts';
import type { DemoState } from './demo-state.ts';
import { LOG_FILE, clearDemo, holdsForeignDatabase, readDemoState } from './demo-state.ts';
import type { SeededCounty } from './seed-county.ts';
import { findCounty } from './seed-county.ts';
import { setUpNewCounty } from './set-up-county.ts';

export interface DemoIo {
  readonly lang: Lang;
  /** What the person reads on stdout. */
  say(key: MessageKey, params?: MessageParams): void;
  /** Progress lines: stdout, or stderr in --json mode so the document stays clean. */
  progress(key: MessageKey, params?: MessageParams): void;
}

export interface StartedDemo {
  readonly dataDir: string;
  readonly logFile: string;
  readonly writeLog: (line: string) => void;
  readonly adminToken: string;
  readonly county: DemoCounty;
  readonly plan: DemoPlan;
  readonly collector: RunningCollector;
  readonly api: AdminApi;
  readonly farm: DeviceFarm;
  readonly agents: readonly DemoAgent[];
  readonly seeded: SeededCounty;
  readonly state: DemoState;
  readonly isNew: boolean;
  readonly backfill: {
    readonly days: number;
    readonly reports: number;
    readonly seconds: number;
  } | null;
  close(): Promise<void>;
}

function openLog(file: string): { write: (line: string) => void; close: () => Promise<void> } {
  const stream = createWriteStream(file, { flags: 'a' });
  stream.on('error', () => undefined);
  return {
    write: (line) => {
      stream.write(`${line}\n`);
    },
    close: () => new Promise((resolve) => stream.end(resolve)),
  };
}

async function startFarm(
  county: DemoCounty,
  plan: DemoPlan,
  state: DemoState | undefined,
  snmpPort: number,
) {
  const port = state?.snmpPort ?? snmpPort;
  const mode = state?.addressMode ?? (await detectAddressMode(port));
  try {
    return { farm: await startDeviceFarm(county, plan, { mode, basePort: port }), mode, port };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      const host = mode === 'per-device-address' ? '127.10.x.y' : '127.0.0.1';
      throw new DemoError(
        state === undefined ? 'demo.error.udpInUse' : 'demo.error.udpInUseResume',
        { port, host },
      );
    }
    throw error;
  }
}

/**
 * Brings the demo up to the point where agents can start: the data directory, the
 * collector, the simulated devices, and the county (created, seeded, enrolled and
 * back-filled the first time; found again on later runs).
 */
export function resolveDataDir(options: DemoOptions, env: DemoEnv): string {
  return path.resolve(options.dataDir ?? env.dataDir ?? DEFAULTS.dataDir);
}

export async function startDemo(
  options: DemoOptions,
  env: DemoEnv,
  io: DemoIo,
  signal: AbortSignal,
): Promise<StartedDemo> {
  const dataDir = resolveDataDir(options, env);
  mkdirSync(dataDir, { recursive: true });
  if (holdsForeignDatabase(dataDir))
    throw new DemoError('demo.error.notDemoDir', { dir: dataDir }, 2);
  if (options.fresh) clearDemo(dataDir);
  const previous = existsSync(path.join(dataDir, 'collector.db'))
    ? readDemoState(dataDir)
    : undefined;
  const createdAt = previous === undefined ? Date.now() : Date.parse(previous.createdAt);
  const historyDays = previous?.historyDays ?? options.history ?? DEFAULTS.history;
  const county = generateCounty(previous?.seed ?? DEFAULT_SEED);
  const plan = makePlan(county, { historyDays, createdAt });
  const adminToken =
    env.adminToken ?? previous?.adminToken ?? randomBytes(24).toString('base64url');
  const logFile = path.join(dataDir, LOG_FILE);
  const log = openLog(logFile);
  const closers: (() => Promise<void>)[] = [log.close];
  const closeAll = async () => {
    for (const close of closers.reverse()) await close();
  };
  try {
    const collector = await startDemoCollector({
      dataDir,
      port: options.port,
      adminToken,
      writeLog: log.write,
    }).catch((error: unknown) => {
      if (error instanceof PortInUseError)
        throw new DemoError('demo.error.portInUse', { port: options.port });
      throw error;
    });
    closers.push(() => collector.close());
    const api = adminApi(collector.url, adminToken);
    const { farm, mode, port } = await startFarm(county, plan, previous, options.snmpPort);
    closers.push(() => farm.close());
    const agents = listDemoAgents(county, farm, dataDir);
    for (const agent of agents) {
      writeAgentConfig(agent, {
        pollIntervalSeconds: options.interval,
        collectorUrl: collector.url,
      });
    }
    const found = previous === undefined ? undefined : await findCounty(api, county.name);
    let state: DemoState;
    let seeded: SeededCounty;
    let backfill: StartedDemo['backfill'] = null;
    if (found === undefined || previous === undefined) {
      io.say('demo.start.new', { dir: dataDir });
      const fresh = {
        version: 1 as const,
        seed: county.seed,
        createdAt: new Date(createdAt).toISOString(),
        historyDays,
        historyComplete: false,
        addressMode: mode,
        snmpPort: port,
        countyId: 0,
        adminToken: env.adminToken === undefined ? adminToken : null,
      };
      const set = await setUpNewCounty({
        county,
        plan,
        api,
        collector,
        farm,
        agents,
        dataDir,
        state: fresh,
        io,
        signal,
        writeLog: log.write,
      });
      ({ state, seeded, backfill } = set);
    } else {
      io.say('demo.start.reuse', {
        dir: dataDir,
        created: previous.createdAt.slice(0, 16).replace('T', ' '),
      });
      if (options.history !== undefined && options.history !== previous.historyDays) {
        io.say('demo.start.historyIgnored', { days: previous.historyDays });
      }
      if (!previous.historyComplete) io.say('demo.start.incomplete');
      state = previous;
      seeded = found;
    }
    return {
      dataDir,
      logFile,
      writeLog: log.write,
      adminToken,
      county,
      plan,
      collector,
      api,
      farm,
      agents,
      seeded,
      state,
      isNew: found === undefined,
      backfill,
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
