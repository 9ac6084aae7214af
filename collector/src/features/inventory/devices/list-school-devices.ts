import type { ReadContext } from '../../../context.ts';
import { schoolOrNotFound } from '../../places/lookups.ts';
import { selectDevices } from './queries.ts';
import type { Device } from './schema.ts';

export async function listSchoolDevices({
  db,
  input,
}: ReadContext<{ schoolId: number }>): Promise<Device[]> {
  await schoolOrNotFound(db, input.schoolId);
  return selectDevices(db, { schoolId: input.schoolId });
}
