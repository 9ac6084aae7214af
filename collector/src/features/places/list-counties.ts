import type { ReadContext } from '../../context.ts';
import { selectCounties } from './queries.ts';
import type { County } from './schema.ts';

export function listCounties({ db }: ReadContext<unknown>): Promise<County[]> {
  return selectCounties(db);
}
