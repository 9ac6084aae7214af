import type { ReadContext } from '../../context.ts';
import { townOrNotFound } from './lookups.ts';
import type { Town } from './schema.ts';

export function getTown({ db, input }: ReadContext<{ id: number }>): Promise<Town> {
  return townOrNotFound(db, input.id);
}
