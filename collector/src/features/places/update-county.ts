import type { WriteContext } from '../../context.ts';
import { inTransaction } from '../../db/tx.ts';
import { conflict } from '../../errors.ts';
import { countyOrNotFound } from './lookups.ts';
import { findCounty, updateCountyRow } from './queries.ts';
import type { County, UpdateCountyInput } from './schema.ts';

export async function updateCounty({
  db,
  clock,
  input,
}: WriteContext<{ id: number; patch: UpdateCountyInput }>): Promise<County> {
  const { id, patch } = input;
  return inTransaction(db, async (tx) => {
    const county = await countyOrNotFound(tx, id);
    if (patch.name !== undefined && patch.name !== county.name) {
      if ((await findCounty(tx, { name: patch.name })) !== undefined) {
        throw conflict('name', 'api.conflict.countyName', { name: patch.name });
      }
    }
    return updateCountyRow(tx, id, { ...patch, now: clock().toISOString() });
  });
}
