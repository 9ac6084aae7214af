import type { Context } from 'hono';
import type { AppEnv } from '../http/env.ts';
import type { Principal } from '../http/principal.ts';

/** Thrown by a page when nobody is signed in; the web error handler turns it into a redirect. */
export class LoginRequired extends Error {
  readonly next: string;

  constructor(next: string) {
    super('login required');
    this.next = next;
    this.name = 'LoginRequired';
  }
}

/** The signed-in principal, or a redirect to the login page that comes back here. */
export function signedIn(c: Context<AppEnv>): Principal {
  const principal = c.get('principal');
  if (principal === undefined) {
    const url = new URL(c.req.url);
    throw new LoginRequired(`${url.pathname}${url.search}`);
  }
  return principal;
}
