import type { WriteContext } from '../../context.ts';
import { inTransaction } from '../../db/tx.ts';
import { validationError } from '../../errors.ts';
import { referencedTown, schoolOrNotFound } from './lookups.ts';
import { updateSchoolRow } from './queries-schools.ts';
import type { School, UpdateSchoolInput } from './schema.ts';
import { assertSchoolUnique } from './unique-school.ts';

/** Changes a school; it may move to another town of the same county, never to another county. */
export async function updateSchool({
  db,
  clock,
  input,
}: WriteContext<{ id: number; patch: UpdateSchoolInput }>): Promise<School> {
  const { id, patch } = input;
  return inTransaction(db, async (tx) => {
    const school = await schoolOrNotFound(tx, id);
    if (patch.townId !== undefined && patch.townId !== school.townId) {
      const town = await referencedTown(tx, patch.townId, 'townId');
      if (town.countyId !== school.countyId) {
        throw validationError([{ path: 'townId', key: 'api.validation.townOtherCounty' }]);
      }
    }
    const next = { ...school, ...patch };
    await assertSchoolUnique(tx, next, id);
    return updateSchoolRow(tx, id, { ...patch, now: clock().toISOString() });
  });
}
