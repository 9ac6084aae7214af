import type { Db } from '../../db/schema.ts';
import type { ErrorDetail } from '../../errors.ts';
import { validationError } from '../../errors.ts';
import type { Role } from '../../http/principal.ts';
import { selectSchoolsByIds } from './queries.ts';

/**
 * A technician looks after at least one school, all of the user's county; the county roles
 * see the whole county and so have none. Returns the ids without repeats.
 */
export async function checkRoleSchools(
  db: Db,
  v: { role: Role; countyId: number; schoolIds: readonly number[] },
): Promise<number[]> {
  const ids = [...new Set(v.schoolIds)];
  if (v.role !== 'technician') {
    if (ids.length > 0) {
      throw validationError([{ path: 'schoolIds', key: 'users.validation.schoolsNotForRole' }]);
    }
    return [];
  }
  if (ids.length === 0) {
    throw validationError([{ path: 'schoolIds', key: 'users.validation.technicianNeedsSchool' }]);
  }
  const found = new Map((await selectSchoolsByIds(db, ids)).map((s) => [s.id, s.county_id]));
  const details: ErrorDetail[] = [];
  v.schoolIds.forEach((id, i) => {
    const county = found.get(id);
    const path = `schoolIds.${i}`;
    if (county === undefined) details.push({ path, key: 'api.notFound.school', params: { id } });
    else if (county !== v.countyId) {
      details.push({ path, key: 'users.validation.schoolOtherCounty', params: { id } });
    }
  });
  if (details.length > 0) throw validationError(details);
  return ids;
}
