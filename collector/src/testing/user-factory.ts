import type { Clock } from '../context.ts';
import type { Db } from '../db/schema.ts';
import type { Role } from '../http/principal.ts';
import { createUser } from '../features/users/create-user.ts';
import type { UserView } from '../features/users/schema.ts';
import type { TestApp } from './test-app.ts';
import { uniqueName } from './factories.ts';

export const TEST_PASSWORD = 'correct horse battery';

/** Users made through the same verb the API uses; every one has TEST_PASSWORD by default. */
export function userFactory(db: Db, clock: Clock) {
  return (
    role: Role,
    countyId: number,
    o: Partial<{ username: string; schoolIds: number[]; password: string }> = {},
  ): Promise<UserView> =>
    createUser({
      db,
      clock,
      actor: 'test',
      input: {
        username: o.username ?? uniqueName('user'),
        password: o.password ?? TEST_PASSWORD,
        role,
        countyId,
        schoolIds: o.schoolIds ?? [],
      },
    });
}

export interface Session {
  /** The Cookie header value, e.g. `xw_session=…`. */
  readonly cookie: string;
  readonly csrfToken: string;
  /** Headers for a request as this user: the cookie and the CSRF token. */
  readonly headers: Record<string, string>;
}

/** Signs in through POST /api/v1/session and returns what a browser would then send. */
export async function signIn(
  api: TestApp,
  username: string,
  password = TEST_PASSWORD,
): Promise<Session> {
  const res = await api.request<{ csrfToken: string }>('POST', '/api/v1/session', {
    token: null,
    json: { username, password },
  });
  if (res.status !== 200) throw new Error(`sign-in failed with ${res.status}`);
  const setCookie = res.headers.get('set-cookie') ?? '';
  const cookie = setCookie.split(';')[0] ?? '';
  const csrfToken = res.body.csrfToken;
  return { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
}
