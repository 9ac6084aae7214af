import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../errors.ts';
import type { AppEnv } from './env.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data']);

/** The header scripts send; forms send the field `_csrf` instead. */
export const CSRF_HEADER = 'x-csrf-token';
export const CSRF_FIELD = '_csrf';

/**
 * Guards unsafe requests a browser could be tricked into sending. Requests with a bearer
 * token are exempt (a browser never adds one by itself). Others are refused when the
 * browser says they come from another site; and when the session cookie signed them in,
 * they must carry the session's CSRF token in the header or the form field. Mount it after
 * `authenticate` and the body limits; hono caches a parsed form, so handlers can read it again.
 */
export function csrf(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!UNSAFE.has(c.req.method) || c.req.header('authorization') !== undefined) return next();
    if (isCrossSite(c)) throw new AppError('FORBIDDEN', 'auth.error.crossSite');
    const principal = c.get('principal');
    if (principal?.kind === 'user') {
      const sent = c.req.header(CSRF_HEADER) ?? (await formField(c));
      if (sent === undefined || !sameSecret(sent, principal.csrfToken)) {
        throw new AppError('FORBIDDEN', 'auth.error.csrf');
      }
    }
    return next();
  };
}

/** Sec-Fetch-Site when the browser sends it, else Origin against Host; neither: not a browser. */
function isCrossSite(c: Context): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined) return site !== 'same-origin' && site !== 'none';
  const origin = c.req.header('origin');
  if (origin === undefined) return false;
  if (origin === 'null') return true;
  try {
    const host =
      c.req.header('x-forwarded-host') ?? c.req.header('host') ?? new URL(c.req.url).host;
    return new URL(origin).host !== host.split(',')[0]?.trim();
  } catch {
    return true;
  }
}

async function formField(c: Context): Promise<string | undefined> {
  const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!FORM_TYPES.has(type)) return undefined;
  try {
    const value = (await c.req.parseBody())[CSRF_FIELD];
    return typeof value === 'string' ? value : undefined;
  } catch (error) {
    if (error instanceof AppError) throw error; // e.g. the body limit
    return undefined; // an unreadable form carries no token
  }
}

function sameSecret(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}
