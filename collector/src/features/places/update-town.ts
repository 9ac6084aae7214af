import type { WriteContext } from '../../context.ts';
import { inTransaction } from '../../db/tx.ts';
import { conflict } from '../../errors.ts';
import { townOrNotFound } from './lookups.ts';
import { findTown, updateTownRow } from './queries.ts';
import type { Town, UpdateTownInput } from './schema.ts';

export async function updateTown({
  db,
  clock,
  input,
}: WriteContext<{ id: number; patch: UpdateTownInput }>): Promise<Town> {
  const { id, patch } = input;
  return inTransaction(db, async (tx) => {
    const town = await townOrNotFound(tx, id);
    if (patch.name !== undefined && patch.name !== town.name) {
      if ((await findTown(tx, { countyId: town.countyId, name: patch.name })) !== undefined) {
        throw conflict('name', 'api.conflict.townName', { name: patch.name });
      }
    }
    return updateTownRow(tx, id, { ...patch, now: clock().toISOString() });
  });
}
