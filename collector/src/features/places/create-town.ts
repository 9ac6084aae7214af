import type { WriteContext } from '../../context.ts';
import { inTransaction } from '../../db/tx.ts';
import { conflict } from '../../errors.ts';
import { referencedCounty } from './lookups.ts';
import { findTown, insertTown } from './queries.ts';
import type { CreateTownInput, Town } from './schema.ts';

export async function createTown({
  db,
  clock,
  input,
}: WriteContext<CreateTownInput>): Promise<Town> {
  return inTransaction(db, async (tx) => {
    await referencedCounty(tx, input.countyId, 'countyId');
    if ((await findTown(tx, input)) !== undefined) {
      throw conflict('name', 'api.conflict.townName', { name: input.name });
    }
    return insertTown(tx, { ...input, now: clock().toISOString() });
  });
}
