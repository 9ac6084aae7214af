import { reportSchema } from '@xiaowang/shared';
import type { RouteDoc } from '../openapi/registry.ts';
import { ingestResult } from './schema.ts';

/** One entry per route in routes.ts, with the schemas its handler parses. */
export const reportsDocs: readonly RouteDoc[] = [
  {
    method: 'post',
    path: '/api/v1/reports',
    summary:
      'Store an agent report in one transaction; a repeated reportId is acknowledged with duplicate: true',
    tag: 'reports',
    auth: 'agent',
    body: reportSchema,
    response: { status: 200, schema: ingestResult },
  },
];
