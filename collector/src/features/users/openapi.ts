import type { RouteDoc } from '../openapi/registry.ts';
import * as s from './schema.ts';

const V1 = '/api/v1';

/** One entry per route in routes.ts, with the schemas its handler parses. */
export const usersDocs: readonly RouteDoc[] = [
  {
    tag: 'session',
    auth: 'none',
    method: 'post',
    path: `${V1}/session`,
    summary:
      'Sign in: sets the session cookie (HttpOnly, SameSite=Lax) and returns the user and CSRF token. Five failures lock the username for a minute, doubling up to an hour; rate-limited per address',
    body: s.loginInput,
    response: { status: 200, schema: s.sessionOutput },
  },
  {
    tag: 'session',
    auth: 'admin',
    method: 'get',
    path: `${V1}/session`,
    summary: 'Who is calling: the signed-in user with the CSRF token, or the admin token',
    response: { status: 200, schema: s.whoAmIOutput },
  },
  {
    tag: 'session',
    auth: 'admin',
    method: 'delete',
    path: `${V1}/session`,
    summary: 'Sign out: ends the session and clears the cookie',
    response: { status: 200, schema: s.signedOutOutput },
  },
  {
    tag: 'session',
    auth: 'session',
    method: 'put',
    path: `${V1}/session/lang`,
    summary: "Set the signed-in user's language (null: follow Accept-Language)",
    body: s.langInput,
    response: { status: 200, schema: s.userOutput },
  },
  {
    tag: 'users',
    auth: 'admin',
    method: 'get',
    path: `${V1}/counties/{id}/users`,
    summary: "A county's users (its administrators, or the admin token)",
    params: s.idParams,
    response: { status: 200, schema: s.listOf(s.userOutput) },
  },
  {
    tag: 'users',
    auth: 'admin',
    method: 'post',
    path: `${V1}/counties/{id}/users`,
    summary:
      'Create a user of the county; a technician needs at least one school of the county, the county roles none',
    params: s.idParams,
    body: s.createUserInput,
    response: { status: 201, schema: s.userOutput },
  },
  {
    tag: 'users',
    auth: 'admin',
    method: 'patch',
    path: `${V1}/users/{id}`,
    summary:
      "Change a user's role, schools, display name, language, or disable them (ends their sessions)",
    params: s.idParams,
    body: s.updateUserInput,
    response: { status: 200, schema: s.userOutput },
  },
  {
    tag: 'users',
    auth: 'admin',
    method: 'post',
    path: `${V1}/users/{id}/password`,
    summary:
      "Set a user's password: an administrator resets it (ending the user's sessions); users change their own with currentPassword",
    params: s.idParams,
    body: s.passwordInput,
    response: { status: 200, schema: s.userOutput },
  },
];
