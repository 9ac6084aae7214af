import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/test-app.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { ROUTE_DOCS } from '../index.ts';

let api: TestApp;
beforeEach(async () => {
  api = await createTestApp();
});
afterEach(() => api.close());

interface Doc {
  openapi: string;
  paths: Record<
    string,
    Record<string, { requestBody?: { content: Record<string, { schema: unknown }> } }>
  >;
}

describe('GET /api/openapi.json', () => {
  it('is served without a token and describes the bodies from the zod schemas', async () => {
    const res = await api.request<Doc>('GET', '/api/openapi.json', { token: null });
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const create =
      res.body.paths['/api/v1/schools']?.['post']?.requestBody?.content['application/json']?.schema;
    expect(create).toMatchObject({
      type: 'object',
      required: ['townId', 'name', 'code', 'kind'],
      additionalProperties: false,
      properties: {
        kind: {
          enum: [
            'middle',
            'nine_year',
            'central',
            'complete_primary',
            'village_primary',
            'teaching_point',
            'kindergarten',
            'other',
          ],
        },
      },
    });
  });

  it('documents every route the app serves', () => {
    const served = api.app.routes
      // The dashboard's pages are HTML for people, not API; the API is everything under /api.
      .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'))
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    const documented = ROUTE_DOCS.map((d) => `${d.method} ${d.path}`);
    expect(new Set(served)).toEqual(new Set(documented));
  });
});
