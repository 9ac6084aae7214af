import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AddressMode } from '../sim/device-farm.ts';

/** What a demo data directory remembers between runs, so a restart resumes the same county. */
export interface DemoState {
  readonly version: 1;
  readonly seed: number;
  /** When the county was created: the plan's day offsets count from it. */
  readonly createdAt: string;
  readonly historyDays: number;
  readonly historyComplete: boolean;
  readonly addressMode: AddressMode;
  readonly snmpPort: number;
  readonly countyId: number;
  /** Generated when XIAOWANG_ADMIN_TOKEN was not set; the file is readable by its owner only. */
  readonly adminToken: string | null;
}

export const STATE_FILE = 'demo.json';
export const LOG_FILE = 'demo.log';
const DATABASE_FILES = ['collector.db', 'collector.db-wal', 'collector.db-shm'];

export function readDemoState(dataDir: string): DemoState | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path.join(dataDir, STATE_FILE), 'utf8')) as DemoState;
    return parsed.version === 1 ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function writeDemoState(dataDir: string, state: DemoState): void {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, STATE_FILE);
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, file);
}

/** A collector database the demo did not create: never touched, never deleted. */
export function holdsForeignDatabase(dataDir: string): boolean {
  return existsSync(path.join(dataDir, 'collector.db')) && readDemoState(dataDir) === undefined;
}

/** `--fresh`: deletes what the demo wrote (database, agents, state, log), nothing else. */
export function clearDemo(dataDir: string): void {
  if (holdsForeignDatabase(dataDir)) return;
  for (const name of [...DATABASE_FILES, STATE_FILE, LOG_FILE]) {
    rmSync(path.join(dataDir, name), { force: true });
  }
  rmSync(path.join(dataDir, 'agents'), { recursive: true, force: true });
}
