import type { ReadContext } from '../../context.ts';
import { selectTowns } from './queries.ts';
import type { ListTownsQuery, Town } from './schema.ts';

export function listTowns({ db, input }: ReadContext<ListTownsQuery>): Promise<Town[]> {
  return selectTowns(db, input);
}
