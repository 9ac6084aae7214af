import type { ReadContext } from '../../context.ts';
import type { UserView } from './schema.ts';
import { userViewOf } from './views.ts';

export function getUser({ db, input }: ReadContext<{ id: number }>): Promise<UserView> {
  return userViewOf(db, input.id);
}
