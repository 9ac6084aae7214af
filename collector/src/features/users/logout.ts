import type { WriteContext } from '../../context.ts';
import { revokeSession } from './queries-sessions.ts';
import { hashSessionToken, looksLikeSessionToken } from './tokens.ts';

/** Ends the session of the cookie's token; an unknown or ended one is no error. */
export async function logout({ db, clock, input }: WriteContext<{ token: string }>): Promise<void> {
  if (!looksLikeSessionToken(input.token)) return;
  await revokeSession(db, hashSessionToken(input.token), clock().toISOString());
}
