import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { SpoolLockedError, errnoCode, toSpoolError } from './errors.ts';
import { tmpNameFor, unlinkQuietly } from './spool-fs.ts';
import type { SpoolFile, SpoolFs } from './spool-fs.ts';

export const LOCK_FILE = '.lock';

export interface LockOptions {
  readonly pid?: number;
  /** Whether a process exists; default `process.kill(pid, 0)`. */
  readonly isAlive?: (pid: number) => boolean;
  /** Linux boot id; a lock from an earlier boot is stale whatever its pid. */
  readonly bootId?: string | null;
}

interface LockContent {
  readonly pid: number;
  readonly bootId: string | null;
  readonly hostname: string;
  readonly startedAt: string;
}

/** Locks held by this process, so a restarted agent that got its old pid is not refused. */
const heldHere = new Set<string>();

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errnoCode(error) === 'EPERM';
  }
}

function readBootId(): string | null {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return null;
  }
}

function parseLock(bytes: Uint8Array): LockContent | null {
  try {
    const value = JSON.parse(new TextDecoder().decode(bytes)) as Partial<LockContent>;
    if (typeof value.pid !== 'number' || !Number.isInteger(value.pid) || value.pid <= 0)
      return null;
    return { ...(value as LockContent), bootId: value.bootId ?? null };
  } catch {
    return null;
  }
}

async function readLock(fs: SpoolFs, path: string): Promise<LockContent | null | 'gone'> {
  try {
    return parseLock(await fs.readFile(path));
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return 'gone';
    throw error;
  }
}

/** Our own pid in a lock we do not hold is a previous run of ours (containers reuse pids). */
function isHeldByOther(
  holder: LockContent,
  pid: number,
  bootId: string | null,
  isAlive: (pid: number) => boolean,
): boolean {
  if (holder.pid === pid) return false;
  if (holder.bootId !== null && bootId !== null && holder.bootId !== bootId) return false;
  return isAlive(holder.pid);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Takes `dir/.lock` with an exclusive create. A lock whose process is gone, whose boot id is
 * from an earlier boot, or which stays unreadable is stale and is taken over.
 */
export async function acquireLock(
  fs: SpoolFs,
  dir: string,
  options: LockOptions = {},
): Promise<() => Promise<void>> {
  const path = join(dir, LOCK_FILE);
  const pid = options.pid ?? process.pid;
  const isAlive = options.isAlive ?? isProcessAlive;
  const bootId = options.bootId === undefined ? readBootId() : options.bootId;
  if (heldHere.has(path)) throw new SpoolLockedError(dir, path, pid);
  const mine: LockContent = {
    pid,
    bootId,
    hostname: hostname(),
    startedAt: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const created = await createLock(fs, dir, path, mine);
    if (created) {
      heldHere.add(path);
      return () => releaseLock(fs, path);
    }
    let holder = await readLock(fs, path);
    // An exclusive create and its write are two steps; give a starting agent a moment.
    if (holder === null) {
      await pause(100);
      holder = await readLock(fs, path);
    }
    if (holder === 'gone') continue;
    if (holder !== null && isHeldByOther(holder, pid, bootId, isAlive)) {
      throw new SpoolLockedError(dir, path, holder.pid);
    }
    await takeOver(fs, dir, path, holder);
  }
  throw new SpoolLockedError(dir, path, null);
}

/** False when the lock file exists already; a lock we could not finish writing is removed. */
async function createLock(
  fs: SpoolFs,
  dir: string,
  path: string,
  content: LockContent,
): Promise<boolean> {
  let file: SpoolFile;
  try {
    file = await fs.open(path, 'wx', 0o600);
  } catch (error) {
    if (errnoCode(error) === 'EEXIST') return false;
    throw toSpoolError(dir, 'create the lock file', error);
  }
  try {
    await file.writeFile(`${JSON.stringify(content)}\n`);
    await file.sync();
    await file.close();
  } catch (error) {
    await file.close().catch(() => undefined);
    await unlinkQuietly(fs, path);
    throw toSpoolError(dir, 'write the lock file', error);
  }
  return true;
}

/** Moves the stale lock away first so that of two agents taking over, only one removes it. */
async function takeOver(
  fs: SpoolFs,
  dir: string,
  path: string,
  stale: LockContent | null,
): Promise<void> {
  const moved = join(dir, tmpNameFor(LOCK_FILE));
  try {
    await fs.rename(path, moved);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return;
    throw toSpoolError(dir, 'replace a stale lock file', error);
  }
  const taken = await readLock(fs, moved);
  const someoneElses =
    taken !== 'gone' &&
    taken !== null &&
    (stale === null || taken.pid !== stale.pid || taken.startedAt !== stale.startedAt);
  if (someoneElses) {
    await fs.rename(moved, path);
    throw new SpoolLockedError(dir, path, taken.pid);
  }
  await unlinkQuietly(fs, moved);
}

async function releaseLock(fs: SpoolFs, path: string): Promise<void> {
  heldHere.delete(path);
  await unlinkQuietly(fs, path);
}
