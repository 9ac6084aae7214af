import type { Clock, ReadContext } from '../../context.ts';
import { countyOrNotFound } from '../places/lookups.ts';
import { localDay } from '../reports/local-day.ts';
import { selectTargets } from './queries.ts';
import type { CountyTargets } from './schema.ts';
import { targetInForce } from './target-in-force.ts';

/** A county's targets with the step in force on a date (today in the county by default). */
export async function listCountyTargets({
  db,
  clock,
  input,
}: ReadContext<{ countyId: number; date?: string | undefined }> & {
  readonly clock: Clock;
}): Promise<CountyTargets> {
  const county = await countyOrNotFound(db, input.countyId);
  const date = input.date ?? localDay(clock(), county.timezone);
  const targets = await selectTargets(db, { countyId: county.id });
  const items = targets.map((t) => ({ ...t, inForce: targetInForce(t.steps, date) ?? null }));
  return { countyId: county.id, date, items };
}
