import { Hono } from 'hono';
import { z } from 'zod';
import type { FeatureDeps } from '../../context.ts';
import type { AppEnv } from '../../http/env.ts';
import type { RouteDoc } from '../openapi/registry.ts';
import { checkHealth } from './check-health.ts';

export const healthDocs: readonly RouteDoc[] = [
  {
    method: 'get',
    path: '/api/v1/health',
    summary: 'Liveness: the collector is up and its database answers',
    tag: 'meta',
    auth: 'none',
    response: { status: 200, schema: z.object({ status: z.literal('ok') }) },
  },
];

/** No token: load balancers and systemd checks call it. */
export function healthRoutes({ db }: FeatureDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/health', async (c) => c.json(await checkHealth({ db, input: undefined })));
  return app;
}
