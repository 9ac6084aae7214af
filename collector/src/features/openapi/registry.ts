import type { z } from 'zod';

/**
 * What the OpenAPI document says about one route. Each feature lists its routes beside its
 * `routes.ts`, with the same zod schemas the handlers parse with; a test fails when a route
 * of the app has no entry here.
 */
export interface RouteDoc {
  readonly method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI form: `/api/v1/counties/{id}`. */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  /**
   * `admin`: the admin token, or a signed-in user's session cookie whose role allows it for
   * that county or school (http/access.ts); `token`: the admin token only; `session`: a
   * signed-in user only; `agent`: an agent's own token from enrollment (`xw_…`).
   */
  readonly auth: 'admin' | 'token' | 'session' | 'agent' | 'none';
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  /** A JSON body, or files in the listed media types. */
  readonly body?: z.ZodType | { readonly files: readonly string[] };
  readonly response: { readonly status: 200 | 201; readonly schema: z.ZodType };
}
