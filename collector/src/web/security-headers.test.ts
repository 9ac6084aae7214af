import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, securityHeaders } from './security-headers.ts';

describe('securityHeaders', () => {
  const app = new Hono();
  app.use(securityHeaders());
  app.get('/text', (c) => c.text('hello'));
  app.get('/bytes', (c) => c.body(new Uint8Array([104, 105]), 200, { 'Cache-Control': 'private' }));
  // Response.redirect's headers are immutable; the middleware must still set its own.
  app.get('/redirect', () => Response.redirect('http://localhost/text', 303));
  app.get('/boom', () => {
    throw new Error('boom');
  });
  app.onError((_error, c) => c.text('failed', 500));

  it.each(['/text', '/bytes', '/redirect', '/boom', '/missing'])(
    'sets them on %s',
    async (path) => {
      const res = await app.request(path);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    },
  );

  it('keeps a route’s own Cache-Control and the body, and says no-store otherwise', async () => {
    const bytes = await app.request('/bytes');
    expect(bytes.headers.get('cache-control')).toBe('private');
    expect(await bytes.text()).toBe('hi');
    const text = await app.request('/text');
    expect(text.headers.get('cache-control')).toBe('no-store');
    expect(await text.text()).toBe('hello');
    const redirect = await app.request('/redirect');
    expect(redirect.status).toBe(303);
    expect(redirect.headers.get('location')).toBe('http://localhost/text');
  });
});
