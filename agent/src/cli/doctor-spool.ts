import { constants } from 'node:fs';
import { access, readdir, stat } from 'node:fs/promises';
import { inspectSpool } from '../spool/inspect.ts';
import type { CheckResult } from './doctor-checks.ts';
import { errorText, msg } from './doctor-checks.ts';

/** Unsent reports older than this suggest delivery is stuck, not merely between cycles. */
const STALE_MS = 60 * 60 * 1000;

/**
 * Check 4: the spool directory exists and is writable; how many reports wait and since
 * when. Reads the directory without the spool's lock (the agent may be running), counting
 * only the queue's entries: `gaps.json` stays after its gaps are told and is no report.
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
  try {
    await readdir(dir);
  } catch (error) {
    return {
      id,
      status: 'fail',
      message: msg('doctor.spool.error', { dir, detail: errorText(error) }),
    };
  }
  const { count, oldestAt } = inspectSpool(dir);
  const oldest = oldestAt === null ? undefined : Date.parse(oldestAt);
  if (oldest === undefined)
    return { id, status: 'pass', message: msg('doctor.spool.empty', { dir }) };
  const params = { dir, count, oldest: new Date(oldest).toISOString() };
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
