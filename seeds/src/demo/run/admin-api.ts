/** The collector's HTTP API with the admin token: how the demo sets up its county, as a bureau would. */
export interface AdminApi {
  request<T>(method: string, path: string, body?: unknown): Promise<T>;
  upload<T>(path: string, contentType: string, body: string): Promise<T>;
}

export class AdminApiError extends Error {
  override readonly name = 'AdminApiError';
}

export function adminApi(baseUrl: string, token: string): AdminApi {
  const send = async <T>(method: string, path: string, init: RequestInit): Promise<T> => {
    const url = new URL(path.replace(/^\//, ''), baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
    const res = await fetch(url, {
      ...init,
      method,
      headers: {
        authorization: `Bearer ${token}`,
        'accept-language': 'en',
        ...(init.headers as Record<string, string> | undefined),
      },
      signal: AbortSignal.timeout(60_000),
    });
    const text = await res.text();
    if (!res.ok) throw new AdminApiError(`${method} ${path}: ${res.status} ${text.slice(0, 2000)}`);
    return (text === '' ? undefined : JSON.parse(text)) as T;
  };
  return {
    request: (method, path, body) =>
      send(method, path, {
        ...(body === undefined
          ? {}
          : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
      }),
    upload: (path, contentType, body) =>
      send('POST', path, { body, headers: { 'content-type': contentType } }),
  };
}
