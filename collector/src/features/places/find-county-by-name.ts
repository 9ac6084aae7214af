import type { ReadContext } from '../../context.ts';
import { findCounty } from './queries.ts';
import type { County } from './schema.ts';

/** For the CLI, where a person types the county's name rather than its id. */
export function findCountyByName({
  db,
  input,
}: ReadContext<{ name: string }>): Promise<County | undefined> {
  return findCounty(db, { name: input.name.trim() });
}
