import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { FeatureDeps } from '../context.ts';
import { AppError } from '../errors.ts';
import { createCounty } from '../features/places/create-county.ts';
import { listCounties } from '../features/places/list-counties.ts';
import { createFirstAdmin } from '../features/users/create-first-admin.ts';
import { checkUsername } from '../features/users/create-user.ts';
import { checkPassword } from '../features/users/password.ts';
import { login } from '../features/users/login.ts';
import { logout } from '../features/users/logout.ts';
import { needsFirstAdmin } from '../features/users/needs-first-admin.ts';
import type { AppEnv } from '../http/env.ts';
import { clientAddress, TokenBuckets } from '../http/rate-limit.ts';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from '../http/session-cookie.ts';
import { localPath, pageOf } from './page.ts';
import { loginPage, setupPage } from './pages/login.ts';

/*
 * Signing in through the page. Before there is a session, a form carries a random value that
 * must match a cookie set with the form (double submit), on top of the cross-site check every
 * unsafe request gets, so another site cannot sign a browser into an account of its choosing.
 */
const PRE_COOKIE = 'xw_pre';
const LOGIN_RATE_PER_MINUTE = 30;

type Ctx = Context<AppEnv>;

function preToken(c: Ctx): string {
  const existing = getCookie(c, PRE_COOKIE);
  if (existing !== undefined && /^[A-Za-z0-9_-]{32,64}$/.test(existing)) return existing;
  const token = randomBytes(24).toString('base64url');
  setCookie(c, PRE_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Strict',
    secure: c.get('secureCookies') === true,
  });
  return token;
}

function checkPre(c: Ctx, sent: unknown): void {
  const cookie = getCookie(c, PRE_COOKIE);
  const ok =
    typeof sent === 'string' &&
    cookie !== undefined &&
    sent.length === cookie.length &&
    timingSafeEqual(Buffer.from(sent), Buffer.from(cookie));
  if (!ok) throw new AppError('FORBIDDEN', 'auth.error.csrf');
}

const field = (form: Record<string, unknown>, name: string): string => {
  const value = form[name];
  return typeof value === 'string' ? value : '';
};

export function authRoutes(deps: FeatureDeps): Hono<AppEnv> {
  const { db, clock } = deps;
  const app = new Hono<AppEnv>();
  const buckets = new TokenBuckets({
    ratePerMinute: LOGIN_RATE_PER_MINUTE,
    burst: LOGIN_RATE_PER_MINUTE,
    clock,
  });

  app.get('/login', async (c) => {
    const next = localPath(c.req.query('next'));
    if (c.get('principal') !== undefined) return c.redirect(next, 303);
    const firstRun = await needsFirstAdmin({ db, input: {} });
    return c.html(loginPage(pageOf(c), { next, pre: preToken(c), firstRun }));
  });

  app.post('/login', async (c) => {
    const form = await c.req.parseBody();
    checkPre(c, form['_pre']);
    const next = localPath(field(form, 'next'));
    const username = field(form, 'username');
    const p = pageOf(c);
    const again = (error: string, status: 401 | 429) =>
      c.html(loginPage(p, { next, pre: preToken(c), error, username, firstRun: false }), status);
    const taken = buckets.take(clientAddress(c));
    if (!taken.ok) return again(p.t('auth.login.tooManyAttempts'), 429);
    try {
      const result = await login({
        db,
        clock,
        input: { username, password: field(form, 'password') },
      });
      const previous = readSessionCookie(c);
      if (previous !== undefined) await logout({ db, clock, input: { token: previous } });
      setSessionCookie(c, result.token);
      return c.redirect(next === '/login' ? '/' : next, 303);
    } catch (error) {
      if (
        error instanceof AppError &&
        (error.code === 'UNAUTHENTICATED' || error.code === 'RATE_LIMITED')
      ) {
        return again(p.t(error.key, error.params), error.code === 'RATE_LIMITED' ? 429 : 401);
      }
      throw error;
    }
  });

  app.post('/logout', async (c) => {
    const token = readSessionCookie(c);
    if (token !== undefined) await logout({ db, clock, input: { token } });
    clearSessionCookie(c);
    return c.redirect('/login', 303);
  });

  app.get('/setup', async (c) => {
    if (!(await needsFirstAdmin({ db, input: {} }))) return c.redirect('/login', 303);
    const counties = await listCounties({ db, input: {} });
    return c.html(setupPage(pageOf(c), { pre: preToken(c), counties }));
  });

  app.post('/setup', async (c) => {
    if (!(await needsFirstAdmin({ db, input: {} }))) return c.redirect('/login', 303);
    const form = await c.req.parseBody();
    checkPre(c, form['_pre']);
    const p = pageOf(c);
    const counties = await listCounties({ db, input: {} });
    const fail = (error: string, items: string[] = []) =>
      c.html(setupPage(p, { pre: preToken(c), counties, error, items }), 400);
    if (field(form, 'password') !== field(form, 'password2')) {
      return fail(p.t('web.setup.mismatch'));
    }
    try {
      // Checked before the county is created, so a weak password leaves nothing behind.
      checkUsername(field(form, 'username').trim());
      checkPassword(field(form, 'password'));
      let countyId = Number(field(form, 'countyId'));
      if (!counties.some((x) => x.id === countyId)) {
        if (counties.length > 0) return fail(p.t('web.setup.pickCounty'));
        const county = await createCounty({
          db,
          clock,
          input: { name: field(form, 'countyName').trim(), timezone: 'Asia/Shanghai' },
        });
        countyId = county.id;
      }
      const displayName = field(form, 'displayName').trim();
      await createFirstAdmin({
        db,
        clock,
        actor: 'first-run',
        input: {
          username: field(form, 'username').trim(),
          password: field(form, 'password'),
          countyId,
          ...(displayName === '' ? {} : { displayName }),
        },
      });
      const result = await login({
        db,
        clock,
        input: { username: field(form, 'username').trim(), password: field(form, 'password') },
      });
      setSessionCookie(c, result.token);
      return c.redirect(`/counties/${countyId}`, 303);
    } catch (error) {
      if (error instanceof AppError && error.code === 'VALIDATION') {
        return fail(
          p.t(error.key, error.params),
          (error.details ?? []).map((d) => p.t(d.key, d.params)),
        );
      }
      throw error;
    }
  });

  return app;
}
