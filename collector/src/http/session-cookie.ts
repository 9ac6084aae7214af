import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from './env.ts';

/** The session cookie's name; over https it carries the `__Host-` prefix (no Domain, Path=/). */
export const SESSION_COOKIE = 'xw_session';
const HOST_PREFIXED = `__Host-${SESSION_COOKIE}`;

/** The browser keeps the cookie as long as the session can live at most (7 days). */
export const SESSION_COOKIE_MAX_AGE_S = 7 * 24 * 3600;

/**
 * Whether cookies get the Secure flag: XIAOWANG_SECURE_COOKIES, or a request that came over
 * https (directly, or through a proxy that says so in X-Forwarded-Proto).
 */
export function isSecureRequest(c: Context, forced?: boolean): boolean {
  if (forced === true) return true;
  const configured: unknown = c.get('secureCookies');
  if (configured === true) return true;
  if (new URL(c.req.url).protocol === 'https:') return true;
  const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return proto === 'https';
}

const cookieName = (secure: boolean) => (secure ? HOST_PREFIXED : SESSION_COOKIE);

/** Sends the session token: HttpOnly, SameSite=Lax, Path=/, Secure and `__Host-` over https. */
export function setSessionCookie(c: Context<AppEnv>, token: string): void {
  const secure = isSecureRequest(c);
  setCookie(c, cookieName(secure), token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure,
    maxAge: SESSION_COOKIE_MAX_AGE_S,
  });
}

/** Tells the browser to drop the session cookie. */
export function clearSessionCookie(c: Context<AppEnv>): void {
  const secure = isSecureRequest(c);
  deleteCookie(c, cookieName(secure), { httpOnly: true, sameSite: 'Lax', path: '/', secure });
}

/**
 * The session token the browser sent, if any. Over https only the `__Host-` cookie counts, so
 * a cookie planted by a sibling host or over plain http cannot stand in for it.
 */
export function readSessionCookie(c: Context, forcedSecure?: boolean): string | undefined {
  const value = getCookie(c, cookieName(isSecureRequest(c, forcedSecure)));
  return value === undefined || value === '' ? undefined : value;
}
