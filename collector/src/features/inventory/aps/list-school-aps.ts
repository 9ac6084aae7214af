import type { ReadContext } from '../../../context.ts';
import { schoolOrNotFound } from '../../places/lookups.ts';
import { resolveCountyAps } from './resolve-aps.ts';
import type { ApView } from './schema.ts';

/** The APs attributed to a school, wherever they are reported from (a county AC too). */
export async function listSchoolAps({
  db,
  input,
}: ReadContext<{ schoolId: number }>): Promise<ApView[]> {
  const school = await schoolOrNotFound(db, input.schoolId);
  const aps = await resolveCountyAps(db, school.countyId);
  return aps.filter((ap) => ap.school?.id === school.id);
}
