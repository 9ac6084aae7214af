import { constants } from 'node:fs';
import { access, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { CheckResult } from './doctor-checks.ts';
import { errorText, msg } from './doctor-checks.ts';

/** Unsent reports older than this suggest delivery is stuck, not merely between cycles. */
const STALE_MS = 60 * 60 * 1000;

async function oldestMtime(dir: string, files: readonly string[]): Promise<number | undefined> {
  let oldest: number | undefined;
  for (const file of files) {
    try {
      const mtime = (await stat(path.join(dir, file))).mtimeMs;
      if (oldest === undefined || mtime < oldest) oldest = mtime;
    } catch {
      // sent and removed while we looked: no longer unsent
    }
  }
  return oldest;
}

/**
 * Check 4: the spool directory exists and is writable; how many reports wait and since
 * when. Reads the directory itself (`*.json` entries) rather than the spool module.
 */
export async function checkSpool(dir: string, now: number): Promise<CheckResult> {
  const id = 'spool';
  try {
    if (!(await stat(dir)).isDirectory()) {
      return {
        id,
        status: 'fail',
        message: msg('doctor.spool.notDir', { dir }),
        advice: msg('doctor.spool.notDirFix'),
      };
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return {
        id,
        status: 'warn',
        message: msg('doctor.spool.missing', { dir }),
        advice: msg('doctor.spool.missingFix', { dir }),
      };
    }
    return {
      id,
      status: 'fail',
      message: msg('doctor.spool.error', { dir, detail: errorText(error) }),
    };
  }
  try {
    await access(dir, constants.W_OK);
  } catch (error) {
    return {
      id,
      status: 'fail',
      message: msg('doctor.spool.readonly', { dir, detail: errorText(error) }),
      advice: msg('doctor.spool.readonlyFix', { dir }),
    };
  }
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith('.json'));
  } catch (error) {
    return {
      id,
      status: 'fail',
      message: msg('doctor.spool.error', { dir, detail: errorText(error) }),
    };
  }
  const oldest = await oldestMtime(dir, files);
  if (oldest === undefined)
    return { id, status: 'pass', message: msg('doctor.spool.empty', { dir }) };
  const params = { dir, count: files.length, oldest: new Date(oldest).toISOString() };
  if (now - oldest <= STALE_MS)
    return { id, status: 'pass', message: msg('doctor.spool.pending', params) };
  return {
    id,
    status: 'warn',
    message: msg('doctor.spool.stale', {
      ...params,
      hours: Math.floor((now - oldest) / 3_600_000),
    }),
    advice: msg('doctor.spool.staleFix'),
  };
}
