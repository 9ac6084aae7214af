import type { MiddlewareHandler } from 'hono';

/**
 * No inline script or style anywhere, nothing from another origin: even if a device string
 * slipped past escaping it could not run. Charts draw on canvas, and their tooltips render
 * as rich text on the canvas, so ECharts needs no exception.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

const HEADERS: readonly (readonly [string, string])[] = [
  ['Content-Security-Policy', CONTENT_SECURITY_POLICY],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'same-origin'],
  ['X-Frame-Options', 'DENY'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
];

/**
 * Sets the headers on the finished response's own Headers. `c.header()` after `next()`
 * would rebuild the response around `res.body`, which turns a string or buffer body into a
 * stream (under @hono/node-server: a full undici Response, the body encoded again and read
 * back in chunks); that cost more than the rest of a static asset's answer. A response
 * whose headers are immutable (`Response.redirect`, `Response.error`) goes through
 * `c.header()` as before.
 */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const noCache = !c.res.headers.has('Cache-Control');
    try {
      const headers = c.res.headers;
      for (const [name, value] of HEADERS) headers.set(name, value);
      if (noCache) headers.set('Cache-Control', 'no-store');
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
      for (const [name, value] of HEADERS) c.header(name, value);
      if (noCache) c.header('Cache-Control', 'no-store');
    }
  };
}
