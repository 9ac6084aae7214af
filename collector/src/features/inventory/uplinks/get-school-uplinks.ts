import type { ReadContext } from '../../../context.ts';
import { schoolOrNotFound } from '../../places/lookups.ts';
import { loadSchoolUplinks } from './load-school-uplinks.ts';
import type { SchoolUplinks } from './schema.ts';

export async function getSchoolUplinks({
  db,
  input,
}: ReadContext<{ schoolId: number }>): Promise<SchoolUplinks> {
  return loadSchoolUplinks(db, await schoolOrNotFound(db, input.schoolId));
}
