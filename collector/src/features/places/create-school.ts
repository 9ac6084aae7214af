import type { WriteContext } from '../../context.ts';
import { inTransaction } from '../../db/tx.ts';
import { referencedTown } from './lookups.ts';
import { insertSchool } from './queries-schools.ts';
import type { CreateSchoolInput, School } from './schema.ts';
import { assertSchoolUnique } from './unique-school.ts';

export async function createSchool({
  db,
  clock,
  input,
}: WriteContext<CreateSchoolInput>): Promise<School> {
  return inTransaction(db, async (tx) => {
    const town = await referencedTown(tx, input.townId, 'townId');
    const values = { ...input, countyId: town.countyId };
    await assertSchoolUnique(tx, values);
    return insertSchool(tx, { ...values, now: clock().toISOString() });
  });
}
