import type { Lang } from '@xiaowang/shared';
import type { WriteContext } from '../../context.ts';
import { updateUserRow } from './queries.ts';
import type { UserView } from './schema.ts';
import { userRowOrNotFound, userViewOf } from './views.ts';

/** The user's own language for pages, mail and messages; null follows the browser. */
export async function setLang({
  db,
  clock,
  input,
}: WriteContext<{ userId: number; lang: Lang | null }>): Promise<UserView> {
  await userRowOrNotFound(db, input.userId);
  await updateUserRow(db, input.userId, { lang: input.lang, now: clock().toISOString() });
  return userViewOf(db, input.userId);
}
