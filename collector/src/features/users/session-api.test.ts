import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../http/render-error.ts';
import { placeFactory } from '../../testing/factories.ts';
import type { TestApp } from '../../testing/test-app.ts';
import { createTestApp } from '../../testing/test-app.ts';
import type { Session } from '../../testing/user-factory.ts';
import { signIn, TEST_PASSWORD, userFactory } from '../../testing/user-factory.ts';
import type { UserView } from './schema.ts';

let api: TestApp;
let countyId: number;
beforeEach(async () => {
  api = await createTestApp();
  const places = placeFactory(api.db.kysely, api.clock);
  countyId = (await places.county()).id;
});
afterEach(() => api.close());

const asUser = (s: Session, extra: Record<string, string> = {}) => ({
  token: null,
  headers: { ...s.headers, ...extra },
});

async function admin(username = 'zhang.admin'): Promise<Session> {
  await userFactory(api.db.kysely, api.clock)('county_admin', countyId, { username });
  return signIn(api, username);
}

describe('POST /api/v1/session', () => {
  it('sets an HttpOnly, SameSite=Lax cookie (no Secure over http) and returns user and CSRF token', async () => {
    await userFactory(api.db.kysely, api.clock)('county_viewer', countyId, { username: 'Li.Na' });
    const res = await api.request<{ user: UserView; csrfToken: string; expiresAt: string }>(
      'POST',
      '/api/v1/session',
      { token: null, json: { username: 'li.na', password: TEST_PASSWORD } },
    );
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ username: 'Li.Na', role: 'county_viewer', countyId });
    expect(res.body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(
      /^xw_session=[A-Za-z0-9_-]{43}; Max-Age=604800; Path=\/; HttpOnly; SameSite=Lax$/,
    );
    expect(cookie).not.toContain('Secure');
    expect(JSON.stringify(res.body)).not.toContain(cookie.split(/[=;]/)[1]);
  });

  it('uses Secure and the __Host- prefix over https, behind a proxy that says so, or when configured', async () => {
    await userFactory(api.db.kysely, api.clock)('county_viewer', countyId, { username: 'secure' });
    const body = JSON.stringify({ username: 'secure', password: TEST_PASSWORD });
    const post = (url: string, headers: Record<string, string> = {}) =>
      api.app.request(url, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', ...headers },
      });
    const flags =
      /^__Host-xw_session=[^;]+; Max-Age=604800; Path=\/; HttpOnly; Secure; SameSite=Lax$/;
    expect((await post('https://xw.example/api/v1/session')).headers.get('set-cookie')).toMatch(
      flags,
    );
    const proxied = await post('http://xw.example/api/v1/session', {
      'x-forwarded-proto': 'https',
    });
    expect(proxied.headers.get('set-cookie')).toMatch(flags);

    const configured = await createTestApp({ config: { secureCookies: true } });
    try {
      const places = placeFactory(configured.db.kysely, configured.clock);
      const c = await places.county();
      await userFactory(configured.db.kysely, configured.clock)('county_viewer', c.id, {
        username: 'secure',
      });
      const res = await configured.app.request('http://xw.example/api/v1/session', {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json' },
      });
      const cookie = res.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(flags);
      // The __Host- cookie signs the user in; a plain one does not, on a secure site.
      const session = cookie.split(';')[0] ?? '';
      const who = (c2: string) =>
        configured.app.request('http://xw.example/api/v1/session', { headers: { cookie: c2 } });
      expect((await who(session)).status).toBe(200);
      expect((await who(session.replace('__Host-', ''))).status).toBe(401);
    } finally {
      await configured.close();
    }
  });

  it('says the same for an unknown user and a wrong password, and never which', async () => {
    await userFactory(api.db.kysely, api.clock)('county_viewer', countyId, { username: 'known' });
    const wrong = await api.request<ErrorBody>('POST', '/api/v1/session', {
      token: null,
      lang: 'en',
      json: { username: 'known', password: 'not-the-password' },
    });
    const unknown = await api.request<ErrorBody>('POST', '/api/v1/session', {
      token: null,
      lang: 'en',
      json: { username: 'unknown', password: 'not-the-password' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.message).toBe(wrong.body.error.message);
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('answers a locked username with 429 and Retry-After', async () => {
    for (let i = 0; i < 5; i++) {
      await api.request('POST', '/api/v1/session', {
        token: null,
        json: { username: 'someone', password: 'guess-number-x' },
      });
    }
    const res = await api.request<ErrorBody>('POST', '/api/v1/session', {
      token: null,
      json: { username: 'someone', password: 'guess-number-y' },
    });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('60');
  });

  it('is rate-limited per client address', async () => {
    const limited = await createTestApp({ config: { loginRatePerMinute: 2 } });
    try {
      const attempt = () =>
        limited.request('POST', '/api/v1/session', {
          token: null,
          json: { username: `u${Math.random()}`.slice(0, 10), password: 'whatever-12' },
        });
      expect((await attempt()).status).toBe(401);
      expect((await attempt()).status).toBe(401);
      const third = await attempt();
      expect(third.status).toBe(429);
      expect(third.headers.get('retry-after')).toBe('30');
    } finally {
      await limited.close();
    }
  });

  it('refuses a sign-in posted from another site', async () => {
    await userFactory(api.db.kysely, api.clock)('county_viewer', countyId, { username: 'victim' });
    const res = await api.request<ErrorBody>('POST', '/api/v1/session', {
      token: null,
      headers: { 'sec-fetch-site': 'cross-site' },
      json: { username: 'victim', password: TEST_PASSWORD },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
  });
});

describe('GET and DELETE /api/v1/session', () => {
  it('tell who is signed in, then sign out and clear the cookie', async () => {
    const s = await admin();
    const who = await api.request<{ kind: string; user: UserView; csrfToken: string }>(
      'GET',
      '/api/v1/session',
      asUser(s),
    );
    expect(who.status).toBe(200);
    expect(who.body).toMatchObject({ kind: 'user', csrfToken: s.csrfToken });
    expect(who.body.user.username).toBe('zhang.admin');
    const token = await api.request('GET', '/api/v1/session');
    expect(token.body).toEqual({ kind: 'admin-token', user: null, csrfToken: null });

    const out = await api.request('DELETE', '/api/v1/session', asUser(s));
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(
      /^xw_session=; Max-Age=0; Path=\/; HttpOnly; SameSite=Lax$/,
    );
    expect((await api.request('GET', '/api/v1/session', asUser(s))).status).toBe(401);
  });

  it('store the user’s language', async () => {
    const s = await admin();
    const res = await api.request<UserView>('PUT', '/api/v1/session/lang', {
      ...asUser(s),
      json: { lang: 'en' },
    });
    expect(res.status).toBe(200);
    expect(res.body.lang).toBe('en');
    const refused = await api.request<ErrorBody>('GET', '/api/v1/counties/999/users', asUser(s));
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('Your account may not'); // no Accept-Language
    const viaToken = await api.request<ErrorBody>('PUT', '/api/v1/session/lang', {
      json: { lang: 'en' },
    });
    expect(viaToken.status).toBe(403);
  });
});

describe('CSRF', () => {
  it('refuses a cookie-signed unsafe request without the session’s token, accepts it with', async () => {
    const s = await admin();
    const path = `/api/v1/counties/${countyId}/users`;
    const json = { username: 'new.viewer', password: TEST_PASSWORD, role: 'county_viewer' };
    const missing = await api.request<ErrorBody>('POST', path, {
      token: null,
      headers: { cookie: s.cookie },
      json,
      lang: 'en',
    });
    expect(missing.status).toBe(403);
    expect(missing.body.error.message).toContain('Reload the page');
    const wrong = await api.request('POST', path, asUser(s, { 'x-csrf-token': 'x'.repeat(43) }));
    expect(wrong.status).toBe(403);
    const crossSite = await api.request('POST', path, {
      ...asUser(s, { origin: 'https://evil.example' }),
      json,
    });
    expect(crossSite.status).toBe(403);
    const ok = await api.request('POST', path, {
      ...asUser(s, { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' }),
      json,
    });
    expect(ok.status).toBe(201);
    expect(await api.db.kysely.selectFrom('users').select('username').execute()).toHaveLength(2);
  });

  it('takes the token from a multipart form field, and the handler still reads the form', async () => {
    const s = await admin();
    const form = new FormData();
    form.set('_csrf', s.csrfToken);
    const csv = '乡镇,学校,学校代码,类型\n城关镇,城关小学,CG001,完小\n';
    form.set('file', new File([csv], 'schools.csv', { type: 'text/csv' }));
    const res = await api.request<{ created: unknown }>(
      'POST',
      `/api/v1/counties/${countyId}/import`,
      { token: null, headers: { cookie: s.cookie }, body: form },
    );
    expect(res.status).toBe(200);
    const noToken = new FormData();
    noToken.set('file', new File([csv], 'schools.csv', { type: 'text/csv' }));
    const refused = await api.request('POST', `/api/v1/counties/${countyId}/import`, {
      token: null,
      headers: { cookie: s.cookie },
      body: noToken,
    });
    expect(refused.status).toBe(403);
  });
});
