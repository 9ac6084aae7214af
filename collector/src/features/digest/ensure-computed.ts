import type { WriteContext } from '../../context.ts';
import { FINALISE_AT } from '../compliance/days-due.ts';
import { addDays, localInstant } from '../compliance/engine/local-time.ts';
import { recomputeDay } from '../compliance/recompute-day.ts';
import { latestComputedAt } from './queries-content.ts';

/**
 * A mail reports a finished day: when the county's figures for it are missing, or were last
 * computed before the night's finalising run (00:30 local), they are recomputed first.
 */
export async function ensureComputed({
  db,
  clock,
  input,
}: WriteContext<{ countyId: number; day: string; timeZone: string }>): Promise<boolean> {
  const at = await latestComputedAt(db, input.countyId, input.day);
  const final = localInstant(addDays(input.day, 1), FINALISE_AT, input.timeZone).toISOString();
  if (at !== null && at >= final) return false;
  await recomputeDay({ db, clock, input: { countyId: input.countyId, day: input.day } });
  return true;
}
