import type { ReadContext } from '../../context.ts';
import { countyOrNotFound } from './lookups.ts';
import type { County } from './schema.ts';

export function getCounty({ db, input }: ReadContext<{ id: number }>): Promise<County> {
  return countyOrNotFound(db, input.id);
}
