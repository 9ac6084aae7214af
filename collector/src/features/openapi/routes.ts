import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../http/env.ts';
import { buildOpenApiDocument } from './build-document.ts';
import type { RouteDoc } from './registry.ts';

export const openApiDocs: readonly RouteDoc[] = [
  {
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This document',
    tag: 'meta',
    auth: 'none',
    response: { status: 200, schema: z.object({ openapi: z.string() }).loose() },
  },
];

/** Serves the document, built once per app from every feature's route docs. */
export function openApiRoutes(docs: readonly RouteDoc[]): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  let document: Record<string, unknown> | undefined;
  app.get('/openapi.json', (c) => {
    document ??= buildOpenApiDocument(docs);
    return c.json(document);
  });
  return app;
}
