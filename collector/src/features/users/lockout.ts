/*
 * Failed sign-ins per username: after LOCK_AFTER failures the name is locked for a minute,
 * doubling with each further failure up to an hour. Failures are forgotten after a quiet day
 * and on a successful sign-in. Unknown usernames are counted alike, so a lockout says
 * nothing about whether the account exists.
 */

export const LOCK_AFTER = 5;
export const FIRST_LOCK_MS = 60_000;
export const MAX_LOCK_MS = 3_600_000;
export const FORGET_AFTER_MS = 24 * 3_600_000;

/** How long to lock after the given number of consecutive failures (0: not locked). */
export function lockDurationMs(failures: number): number {
  if (failures < LOCK_AFTER) return 0;
  return Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** Math.min(failures - LOCK_AFTER, 20));
}

/** The key of a username for uniqueness and lockout: trimmed, lower case. */
export const usernameKey = (username: string): string => username.trim().toLowerCase();
