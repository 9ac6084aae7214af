import type { Db } from '../../db/schema.ts';
import { conflict } from '../../errors.ts';
import { findSchool } from './queries-schools.ts';

/** A school's name is unique in its town and its code in its county; 409 names the field. */
export async function assertSchoolUnique(
  db: Db,
  s: { countyId: number; townId: number; name: string; code: string },
  exceptId?: number,
): Promise<void> {
  const byCode = await findSchool(db, { countyId: s.countyId, code: s.code });
  if (byCode !== undefined && byCode.id !== exceptId) {
    throw conflict('code', 'api.conflict.schoolCode', { code: s.code, school: byCode.name });
  }
  const byName = await findSchool(db, { townId: s.townId, name: s.name });
  if (byName !== undefined && byName.id !== exceptId) {
    throw conflict('name', 'api.conflict.schoolName', { name: s.name, code: byName.code });
  }
}
