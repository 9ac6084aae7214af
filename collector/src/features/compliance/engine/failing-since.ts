import type { ResultStatus } from '../indicators.ts';
import { addDays } from './local-time.ts';

/**
 * The first day of the current run of not_met days (targets.md §8 "since when"). A run
 * carries over only from yesterday; an unknown or met day ends it.
 */
export function failingSince(
  status: ResultStatus,
  day: string,
  yesterday: { readonly status: ResultStatus; readonly failingSince: string | null } | undefined,
): string | null {
  if (status !== 'not_met') return null;
  if (yesterday?.status === 'not_met') return yesterday.failingSince ?? addDays(day, -1);
  return day;
}
