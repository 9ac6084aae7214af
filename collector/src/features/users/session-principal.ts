import { isLang } from '@xiaowang/shared';
import type { WriteContext } from '../../context.ts';
import type { UserPrincipal } from '../../http/principal.ts';
import { findSessionWithUser, touchSession } from './queries-sessions.ts';
import { hashSessionToken, looksLikeSessionToken } from './tokens.ts';

/** A session ends after 12 hours without a request (and 7 days after sign-in, see login.ts). */
export const SESSION_IDLE_MS = 12 * 3_600_000;
/** last_seen_at is written at most this often, so reading pages does not mean writing rows. */
export const TOUCH_EVERY_MS = 60_000;

/**
 * The signed-in user of a cookie's token, or undefined when the token is unknown, revoked,
 * idle too long, past its end, or its user is disabled. Rebuilt on each request, so a
 * change of role or schools applies at once.
 */
export async function sessionPrincipal({
  db,
  clock,
  input,
}: WriteContext<{ token: string }>): Promise<UserPrincipal | undefined> {
  if (!looksLikeSessionToken(input.token)) return undefined;
  const id = hashSessionToken(input.token);
  const rows = await findSessionWithUser(db, id);
  const first = rows[0];
  if (first === undefined) return undefined;
  const now = clock().getTime();
  const lastSeen = Date.parse(first.last_seen_at);
  if (
    first.revoked_at !== null ||
    first.disabled === 1 ||
    now >= Date.parse(first.expires_at) ||
    now >= lastSeen + SESSION_IDLE_MS
  ) {
    return undefined;
  }
  if (now - lastSeen >= TOUCH_EVERY_MS) await touchSession(db, id, new Date(now).toISOString());
  return {
    kind: 'user',
    userId: first.user_id,
    username: first.username,
    displayName: first.display_name,
    role: first.role,
    countyId: first.county_id,
    schoolIds: rows.flatMap((r) => (r.school_id === null ? [] : [r.school_id])),
    csrfToken: first.csrf_token,
    lang: first.lang !== null && isLang(first.lang) ? first.lang : null,
  };
}
