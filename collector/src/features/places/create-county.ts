import type { WriteContext } from '../../context.ts';
import { inTransaction } from '../../db/tx.ts';
import { conflict } from '../../errors.ts';
import { findCounty, insertCounty } from './queries.ts';
import type { County, CreateCountyInput } from './schema.ts';

export async function createCounty({
  db,
  clock,
  input,
}: WriteContext<CreateCountyInput>): Promise<County> {
  return inTransaction(db, async (tx) => {
    if ((await findCounty(tx, { name: input.name })) !== undefined) {
      throw conflict('name', 'api.conflict.countyName', { name: input.name });
    }
    return insertCounty(tx, { ...input, now: clock().toISOString() });
  });
}
