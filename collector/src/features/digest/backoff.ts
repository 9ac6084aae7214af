/* When a mail that failed is tried again: a minute, doubling to an hour, for a week. */

export const FIRST_RETRY_MS = 60_000;
export const MAX_RETRY_MS = 3_600_000;
/** After this long past its due time a mail is given up, and the dashboard says so. */
export const RETRY_FOR_MS = 7 * 86_400_000;
/** How long a claim holds: far longer than one send with its timeouts (mailer.ts). */
export const CLAIM_MS = 10 * 60_000;

/** The next attempt after `attempts` failed ones, or null once the mail is given up. */
export function nextAttemptAt(attempts: number, now: Date, dueAt: string): string | null {
  if (now.getTime() - Date.parse(dueAt) >= RETRY_FOR_MS) return null;
  const delay = Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
  return new Date(now.getTime() + delay).toISOString();
}
