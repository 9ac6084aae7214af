import type { ReadContext } from '../../context.ts';
import { countyOrNotFound } from '../places/lookups.ts';
import { selectUsers } from './queries.ts';
import type { UserView } from './schema.ts';
import { userViews } from './views.ts';

/** A county's users with their schools, by username; never a password hash. */
export async function listUsers({
  db,
  input,
}: ReadContext<{ countyId: number }>): Promise<UserView[]> {
  await countyOrNotFound(db, input.countyId);
  return userViews(db, await selectUsers(db, { countyId: input.countyId }));
}
