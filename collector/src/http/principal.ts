import { hash, timingSafeEqual } from 'node:crypto';
import type { Lang, Secret } from '@xiaowang/shared';
import type { MiddlewareHandler } from 'hono';
import type { Clock } from '../context.ts';
import type { Db } from '../db/schema.ts';
import { sessionPrincipal } from '../features/users/session-principal.ts';
import type { AppEnv } from './env.ts';
import { readSessionCookie } from './session-cookie.ts';

export type Role = 'county_admin' | 'county_viewer' | 'technician';

export const ROLES = [
  'county_admin',
  'county_viewer',
  'technician',
] as const satisfies readonly Role[];

/** A person signed in through the session cookie; rebuilt from the database on every request. */
export interface UserPrincipal {
  readonly kind: 'user';
  readonly userId: number;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly countyId: number;
  /** A technician's schools; empty for the other roles. */
  readonly schoolIds: readonly number[];
  readonly csrfToken: string;
  readonly lang: Lang | null;
}

/** The holder of XIAOWANG_ADMIN_TOKEN: every county, every school (scripts and the CLI). */
export interface TokenPrincipal {
  readonly kind: 'admin-token';
}

export type Principal = UserPrincipal | TokenPrincipal;

export interface AuthenticateDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly adminToken: Secret;
  readonly secureCookies?: boolean;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Sets `principal`: the admin token as a bearer token, else a valid session cookie, else
 * undefined. It never rejects; routes decide. A request with any bearer token (agents send
 * theirs) is never looked up by cookie, so agents' reports cost no query here.
 */
export function authenticate(deps: AuthenticateDeps): MiddlewareHandler<AppEnv> {
  const expected = sha256(deps.adminToken.reveal());
  return async (c, next) => {
    c.set('principal', undefined);
    c.set('secureCookies', deps.secureCookies === true);
    const header = c.req.header('authorization');
    if (header !== undefined) {
      const token = BEARER.exec(header)?.[1];
      if (token !== undefined && timingSafeEqual(sha256(token), expected)) {
        c.set('principal', { kind: 'admin-token' });
      }
      return next();
    }
    const cookie = readSessionCookie(c);
    if (cookie !== undefined) {
      const { db, clock } = deps;
      c.set('principal', await sessionPrincipal({ db, clock, input: { token: cookie } }));
    }
    return next();
  };
}

// One-shot: a Hash object per call cost more than the hashing, on every agent's request.
function sha256(value: string): Buffer {
  return hash('sha256', value, 'buffer');
}
