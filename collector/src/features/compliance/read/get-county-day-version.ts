import type { ReadContext } from '../../../context.ts';
import { addDays } from '../engine/local-time.ts';
import { selectVersionParts } from './queries-version.ts';

/**
 * A stamp that changes whenever anything the county page's figures show could have changed
 * for a day: a recompute of any day in the trend window, a target, the compliance settings,
 * or a county, town or school name. Read from the database on every request, so a rendered
 * page may be kept by any collector instance and is never shown stale.
 */
export async function getCountyDayVersion({
  db,
  input,
}: ReadContext<{ countyId: number; day: string; trendDays: number }>): Promise<string> {
  const parts = await selectVersionParts(db, {
    countyId: input.countyId,
    fromDay: addDays(input.day, -input.trendDays),
    toDay: input.day,
  });
  return parts.map((v) => v ?? '-').join('|');
}
