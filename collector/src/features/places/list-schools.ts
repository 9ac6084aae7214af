import type { ReadContext } from '../../context.ts';
import { selectSchools } from './queries-schools.ts';
import type { ListSchoolsQuery, School } from './schema.ts';

export function listSchools({ db, input }: ReadContext<ListSchoolsQuery>): Promise<School[]> {
  return selectSchools(db, input);
}
