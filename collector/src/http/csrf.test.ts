import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { csrf } from './csrf.ts';
import type { AppEnv } from './env.ts';
import type { Principal } from './principal.ts';

const TOKEN = 'the-session-csrf-token-0123456789abcdefghij';
const user: Principal = {
  kind: 'user',
  userId: 1,
  username: 'u',
  displayName: 'u',
  role: 'county_admin',
  countyId: 1,
  schoolIds: [],
  csrfToken: TOKEN,
  lang: null,
};

/** A tiny app: a fixed principal, the CSRF check, and a handler that parses the form again. */
function app(principal: Principal | undefined) {
  const a = new Hono<AppEnv>();
  a.use(async (c, next) => {
    c.set('principal', principal);
    await next();
  });
  a.use(csrf());
  a.all('/x', async (c) => {
    const type = c.req.header('content-type') ?? '';
    const form = type.includes('form') ? await c.req.parseBody() : {};
    return c.json({ name: form['name'] ?? null });
  });
  a.onError((e, c) => c.json({ code: e instanceof AppError ? e.key : 'other' }, 403));
  return a;
}

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

describe('csrf()', () => {
  it('accepts the token as a urlencoded field, and the handler still reads the form', async () => {
    const res = await app(user).request('/x', form({ _csrf: TOKEN, name: '城关小学' }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ name: '城关小学' });
  });

  it('refuses a missing or wrong token, for every unsafe method', async () => {
    expect((await app(user).request('/x', form({ name: 'x' }))).status).toBe(403);
    expect((await app(user).request('/x', form({ _csrf: `${TOKEN}x` }))).status).toBe(403);
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      expect((await app(user).request('/x', { method })).status).toBe(403);
      const ok = await app(user).request('/x', { method, headers: { 'x-csrf-token': TOKEN } });
      expect(ok.status).toBe(200);
    }
  });

  it('lets safe methods and bearer requests through without a token', async () => {
    expect((await app(user).request('/x')).status).toBe(200);
    const bearer = { method: 'POST', headers: { authorization: 'Bearer something' } };
    expect((await app({ kind: 'admin-token' }).request('/x', bearer)).status).toBe(200);
    expect((await app(undefined).request('/x', { method: 'POST' })).status).toBe(200);
  });

  it('refuses cross-site unsafe requests by Sec-Fetch-Site, or by Origin when that is absent', async () => {
    const post = (headers: Record<string, string>) =>
      app(undefined).request('http://xw.example/x', { method: 'POST', headers });
    expect((await post({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await post({ 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect((await post({ 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect((await post({ origin: 'https://evil.example', host: 'xw.example' })).status).toBe(403);
    expect((await post({ origin: 'null', host: 'xw.example' })).status).toBe(403);
    expect((await post({ origin: 'http://xw.example', host: 'xw.example' })).status).toBe(200);
  });
});
