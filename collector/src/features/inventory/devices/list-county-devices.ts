import type { ReadContext } from '../../../context.ts';
import { countyOrNotFound } from '../../places/lookups.ts';
import { selectDevices } from './queries.ts';
import type { Device } from './schema.ts';

/** Every device of the county, the county-level ones (school null) included. */
export async function listCountyDevices({
  db,
  input,
}: ReadContext<{ countyId: number }>): Promise<Device[]> {
  await countyOrNotFound(db, input.countyId);
  return selectDevices(db, { countyId: input.countyId });
}
