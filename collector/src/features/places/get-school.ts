import type { ReadContext } from '../../context.ts';
import { schoolOrNotFound } from './lookups.ts';
import type { School } from './schema.ts';

export function getSchool({ db, input }: ReadContext<{ id: number }>): Promise<School> {
  return schoolOrNotFound(db, input.id);
}
