import type { ReadContext } from '../../../context.ts';
import { countyOrNotFound } from '../../places/lookups.ts';
import { resolveCountyAps } from './resolve-aps.ts';
import type { ApView } from './schema.ts';

/** Every AP of the county; `attributed: false` lists those no school could be found for. */
export async function listCountyAps({
  db,
  input,
}: ReadContext<{ countyId: number; attributed?: boolean }>): Promise<ApView[]> {
  await countyOrNotFound(db, input.countyId);
  const aps = await resolveCountyAps(db, input.countyId);
  if (input.attributed === undefined) return aps;
  return aps.filter((ap) => (ap.school !== null) === input.attributed);
}
