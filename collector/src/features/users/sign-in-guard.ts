import type { Db } from '../../db/schema.ts';
import { inTransaction } from '../../db/tx.ts';
import { AppError } from '../../errors.ts';
import { FORGET_AFTER_MS, lockDurationMs } from './lockout.ts';
import {
  addLoginFailure,
  findLoginFailures,
  pruneLoginFailures,
  setLockedUntil,
} from './queries-sessions.ts';

/* The lockout around every password check: refuse while locked, count each failure. */

/** 429 while the username is locked, with the seconds left; nothing is counted then. */
export async function assertNotLocked(db: Db, key: string, now: Date): Promise<void> {
  const state = await findLoginFailures(db, key);
  if (state?.locked_until == null) return;
  const leftMs = Date.parse(state.locked_until) - now.getTime();
  if (leftMs > 0) {
    throw new AppError('RATE_LIMITED', 'auth.login.locked', {
      params: { seconds: Math.ceil(leftMs / 1000) },
    });
  }
}

/** Counts a failure and locks the username once there are enough. */
export async function recordFailure(db: Db, key: string, now: Date): Promise<void> {
  const at = now.toISOString();
  const forgetBefore = new Date(now.getTime() - FORGET_AFTER_MS).toISOString();
  await inTransaction(db, async (tx) => {
    const failures = await addLoginFailure(tx, { usernameKey: key, now: at, forgetBefore });
    const lockMs = lockDurationMs(failures);
    const until = lockMs === 0 ? null : new Date(now.getTime() + lockMs).toISOString();
    await setLockedUntil(tx, key, until);
    await pruneLoginFailures(tx, forgetBefore, at);
  });
}
