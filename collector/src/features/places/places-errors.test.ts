import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../http/render-error.ts';
import type { TestApp } from '../../testing/test-app.ts';
import { createTestApp } from '../../testing/test-app.ts';
import type { County, Town } from './schema.ts';

let api: TestApp;
beforeEach(async () => {
  api = await createTestApp();
});
afterEach(() => api.close());

async function countyAndTown() {
  const county = (
    await api.request<County>('POST', '/api/v1/counties', { json: { name: '城口县' } })
  ).body;
  const town = (
    await api.request<Town>('POST', '/api/v1/towns', {
      json: { countyId: county.id, name: '葛城街道' },
    })
  ).body;
  return { county, town };
}

describe('places API errors', () => {
  it('answers 409 naming the field when a name or code is taken', async () => {
    const { town } = await countyAndTown();
    const school = { townId: town.id, name: '第一小学', code: 'A001', kind: 'central' };
    expect((await api.request('POST', '/api/v1/schools', { json: school })).status).toBe(201);

    const sameCode = await api.request<ErrorBody>('POST', '/api/v1/schools', {
      json: { ...school, name: '第二小学' },
      lang: 'en',
    });
    expect(sameCode.status).toBe(409);
    expect(sameCode.body.error.code).toBe('CONFLICT');
    expect(sameCode.body.error.details?.map((d) => d.path)).toEqual(['code']);
    expect(sameCode.body.error.details?.[0]?.message).toContain('A001');

    const sameName = await api.request<ErrorBody>('POST', '/api/v1/schools', {
      json: { ...school, code: 'A002' },
    });
    expect(sameName.status).toBe(409);
    expect(sameName.body.error.details?.[0]?.path).toBe('name');

    const county = await api.request<ErrorBody>('POST', '/api/v1/counties', {
      json: { name: '城口县' },
    });
    expect(county.status).toBe(409);
    expect(county.body.error.details?.[0]?.path).toBe('name');
  });

  it('answers 400 listing every bad field at once', async () => {
    const res = await api.request<ErrorBody>('POST', '/api/v1/schools', {
      json: {
        townId: 'one',
        name: '',
        code: '学校#1',
        kind: 'castle',
        contractedEgressMbps: -5,
        colour: 'red',
      },
      lang: 'en',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION');
    expect(res.body.error.message).toContain('6 problem');
    const paths = (res.body.error.details ?? []).map((d) => d.path).sort();
    expect(paths).toEqual(['code', 'colour', 'contractedEgressMbps', 'kind', 'name', 'townId']);
    const byPath = Object.fromEntries(
      (res.body.error.details ?? []).map((d) => [d.path, d.message]),
    );
    expect(byPath['kind']).toContain('teaching_point');
    expect(byPath['colour']).toMatch(/Unknown field/);
  });

  it('says which field is missing, and rejects a body that is not JSON', async () => {
    const missing = await api.request<ErrorBody>('POST', '/api/v1/towns', { json: {}, lang: 'en' });
    expect(missing.body.error.details).toEqual([
      { path: 'countyId', message: 'Required: fill it in.' },
      { path: 'name', message: 'Required: fill it in.' },
    ]);
    const broken = await api.request<ErrorBody>('POST', '/api/v1/counties', {
      body: '{"name": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(broken.status).toBe(400);
    expect(broken.body.error.details?.[0]?.message).toContain('JSON');
  });

  it('speaks zh-CN by default and English when Accept-Language asks for it', async () => {
    const zh = await api.request<ErrorBody>('GET', '/api/v1/schools/42');
    const en = await api.request<ErrorBody>('GET', '/api/v1/schools/42', {
      lang: 'en-US,en;q=0.9',
    });
    expect(zh.status).toBe(404);
    expect(zh.body.error.message).toBe('不存在编号为 42 的学校。可用 GET /api/v1/schools 查看。');
    expect(en.body.error.message).toBe(
      'There is no school with id 42. List the schools with GET /api/v1/schools.',
    );
    expect(en.headers.get('content-language')).toBe('en');
    expect(zh.body.error.requestId).toBe(zh.headers.get('x-request-id'));
  });

  it('answers 401 without the admin token or with a wrong one, and writes nothing', async () => {
    const none = await api.request<ErrorBody>('POST', '/api/v1/counties', {
      json: { name: 'X' },
      token: null,
    });
    const wrong = await api.request<ErrorBody>('GET', '/api/v1/counties', {
      token: 'not-the-token-at-all-0000000',
    });
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('UNAUTHENTICATED');
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.message).toContain('XIAOWANG_ADMIN_TOKEN');
    expect((await api.request<{ items: unknown[] }>('GET', '/api/v1/counties')).body.items).toEqual(
      [],
    );
  });

  it('answers 404 in the envelope for an unknown route, and 400 for a bad id', async () => {
    const route = await api.request<ErrorBody>('GET', '/api/v1/nowhere', { lang: 'en' });
    expect(route.status).toBe(404);
    expect(route.body.error.message).toContain('GET /api/v1/nowhere');
    const id = await api.request<ErrorBody>('GET', '/api/v1/counties/abc');
    expect(id.status).toBe(400);
    expect(id.body.error.details?.[0]?.path).toBe('id');
  });

  it('answers 413 when a JSON body is over the limit', async () => {
    const big = { name: 'x'.repeat(70 * 1024) };
    const res = await api.request<ErrorBody>('POST', '/api/v1/counties', { json: big, lang: 'en' });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(res.body.error.message).toContain(String(64 * 1024));
  });

  it('hides internal errors behind a fixed message and logs them with the request id', async () => {
    await api.db.close(); // every query now fails inside the driver
    const res = await api.request<ErrorBody>('GET', '/api/v1/counties', { lang: 'en' });
    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe('INTERNAL');
    expect(res.body.error.message).toContain(res.body.error.requestId);
    expect(res.body.error.message).not.toMatch(/driver|destroy|database connection/i);
    const logged = api.logs.find((l) => l.level === 'error');
    expect(logged?.fields['requestId']).toBe(res.body.error.requestId);
  });
});
