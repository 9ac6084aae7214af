import { Hono } from 'hono';
import { actorOf } from '../../audit/audit.ts';
import type { FeatureDeps } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { assertSignedIn } from '../../http/access.ts';
import type { AppEnv } from '../../http/env.ts';
import type { Principal, UserPrincipal } from '../../http/principal.ts';
import { clientAddress, rateLimit, TokenBuckets } from '../../http/rate-limit.ts';
import {
  clearSessionCookie,
  readSessionCookie,
  setSessionCookie,
} from '../../http/session-cookie.ts';
import { readJson, readParams } from '../../http/validate.ts';
import { accessGuards } from '../scope/guards.ts';
import { changeOwnPassword } from './change-own-password.ts';
import { createUser } from './create-user.ts';
import { getUser } from './get-user.ts';
import { listUsers } from './list-users.ts';
import { login } from './login.ts';
import { logout } from './logout.ts';
import { resetPassword } from './reset-password.ts';
import * as s from './schema.ts';
import { setLang } from './set-lang.ts';
import { updateUser } from './update-user.ts';

export interface UsersDeps extends FeatureDeps {
  /** Sign-in attempts per minute from one client address, on top of the per-username lockout. */
  readonly loginRatePerMinute: number;
}

/** Signing in and out, the caller's own session, and a county's users. */
export function usersRoutes({ db, clock, loginRatePerMinute }: UsersDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const guard = accessGuards(db);
  const buckets = new TokenBuckets({
    ratePerMinute: loginRatePerMinute,
    burst: loginRatePerMinute,
    clock,
  });
  const loginLimit = rateLimit<AppEnv>(buckets, clientAddress, 'auth.login.tooManyAttempts');

  app.post('/session', loginLimit, async (c) => {
    const input = await readJson(c, s.loginInput);
    const result = await withRetryAfter(c, login({ db, clock, input }));
    const previous = readSessionCookie(c);
    if (previous !== undefined) await logout({ db, clock, input: { token: previous } });
    setSessionCookie(c, result.token);
    const { user, csrfToken, expiresAt } = result;
    return c.json({ user, csrfToken, expiresAt });
  });
  app.get('/session', async (c) => {
    const p = guard.signedIn(c);
    if (p.kind === 'admin-token') return c.json({ kind: p.kind, user: null, csrfToken: null });
    const user = await getUser({ db, input: { id: p.userId } });
    return c.json({ kind: p.kind, user, csrfToken: p.csrfToken });
  });
  app.delete('/session', async (c) => {
    guard.signedIn(c);
    const token = readSessionCookie(c);
    if (token !== undefined) await logout({ db, clock, input: { token } });
    clearSessionCookie(c);
    return c.json({ signedOut: true as const });
  });
  app.put('/session/lang', async (c) => {
    const p = signedInUser(c.get('principal'));
    const { lang } = await readJson(c, s.langInput);
    return c.json(await setLang({ db, clock, input: { userId: p.userId, lang } }));
  });

  app.get('/counties/:id/users', async (c) => {
    const { id } = readParams(c, s.idParams);
    guard.adminCounty(c, id);
    return c.json({ items: await listUsers({ db, input: { countyId: id } }) });
  });
  app.post('/counties/:id/users', async (c) => {
    const { id } = readParams(c, s.idParams);
    guard.adminCounty(c, id);
    const input = { ...(await readJson(c, s.createUserInput)), countyId: id };
    return c.json(await createUser({ db, clock, actor: actorOf(c), input }), 201);
  });
  app.patch('/users/:id', async (c) => {
    const { id } = readParams(c, s.idParams);
    await guard.adminUser(c, id);
    const patch = await readJson(c, s.updateUserInput);
    return c.json(await updateUser({ db, clock, actor: actorOf(c), input: { id, patch } }));
  });
  app.post('/users/:id/password', async (c) => {
    const { id } = readParams(c, s.idParams);
    const p = assertSignedIn(c.get('principal'));
    if (p.kind === 'user' && p.userId === id) {
      const body = await readJson(c, s.passwordInput);
      const input = { userId: id, ...body, keepSessionToken: readSessionCookie(c) };
      return c.json(await withRetryAfter(c, changeOwnPassword({ db, clock, input })));
    }
    await guard.adminUser(c, id);
    const { password } = await readJson(c, s.passwordInput);
    return c.json(await resetPassword({ db, clock, actor: actorOf(c), input: { id, password } }));
  });
  return app;
}

function signedInUser(p: Principal | undefined): UserPrincipal {
  const signedIn = assertSignedIn(p);
  if (signedIn.kind !== 'user') throw new AppError('FORBIDDEN', 'auth.error.userOnly');
  return signedIn;
}

/** A locked username's 429 tells the client when to come back. */
async function withRetryAfter<T>(
  c: { header: (name: string, value: string) => void },
  work: Promise<T>,
): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof AppError && error.code === 'RATE_LIMITED') {
      c.header('Retry-After', String(error.params['seconds'] ?? 60));
    }
    throw error;
  }
}
