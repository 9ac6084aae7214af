import type { TrustWorld } from './trust-world.ts';

/* The people of the trust world, and how a browser or a script signs in as them. */

export const PASSWORD = 'trust-password-0123';

/** A county A administrator and technician (school A1), and a county B viewer. */
export async function addTrustUsers(w: TrustWorld): Promise<void> {
  const user = (username: string, county: number, role: string, schoolIds: number[] = []) =>
    w.admin('POST', `/api/v1/counties/${county}/users`, {
      username,
      password: PASSWORD,
      role,
      ...(role === 'technician' ? { schoolIds } : {}),
    });
  await user('trust-admin', w.countyA, 'county_admin');
  await user('trust-tech', w.countyA, 'technician', [w.schoolA1]);
  await user('trust-viewer-b', w.countyB, 'county_viewer');
}

export async function signIn(
  w: TrustWorld,
  username: string,
  headers: Record<string, string> = {},
) {
  const res = await fetch(new URL('api/v1/session', w.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'en', ...headers },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  const cookie = res.headers.get('set-cookie') ?? '';
  const body = (await res.json()) as { csrfToken?: string };
  return {
    status: res.status,
    setCookie: cookie,
    cookie: cookie.split(';')[0] ?? '',
    csrf: body.csrfToken ?? '',
    retryAfter: res.headers.get('retry-after'),
  };
}

/** A GET as `headers` say, redirects not followed (a 303 to /login is a refusal). */
export const get = (w: TrustWorld, p: string, headers: Record<string, string>) =>
  fetch(new URL(p.replace(/^\//, ''), w.url), {
    headers: { 'accept-language': 'en', ...headers },
    redirect: 'manual',
  });
