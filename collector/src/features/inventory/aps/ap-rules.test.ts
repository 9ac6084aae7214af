import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../../http/render-error.ts';
import { placeFactory } from '../../../testing/factories.ts';
import type { TestApp } from '../../../testing/test-app.ts';
import { createTestApp } from '../../../testing/test-app.ts';
import type { ApRule } from './schema.ts';

let api: TestApp;
beforeEach(async () => {
  api = await createTestApp();
});
afterEach(() => api.close());

async function county() {
  const places = placeFactory(api.db.kysely, api.clock);
  const c = await places.county();
  const school = await places.school((await places.town(c.id)).id);
  const other = await places.county();
  const farSchool = await places.school((await places.town(other.id)).id);
  return { county: c, school, other, farSchool, path: `/api/v1/counties/${c.id}/ap-rules` };
}

describe('AP attribution rules API', () => {
  it('creates, reads, changes, lists and deletes rules, each change audit-logged', async () => {
    const { county: c, school, path } = await county();
    const created = await api.request<ApRule>('POST', path, {
      json: { kind: 'mac', pattern: '001A.2B3C.4D5E', schoolId: school.id },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: created.body.id,
      countyId: c.id,
      kind: 'mac',
      pattern: '00:1a:2b:3c:4d:5e',
      schoolId: school.id,
      createdBy: 'admin-token',
      createdAt: '2026-03-01T00:00:00.000Z',
    });
    const item = `${path}/${created.body.id}`;
    expect((await api.request('GET', item)).body).toEqual(created.body);

    const changed = await api.request<ApRule>('PATCH', item, {
      json: { kind: 'prefix', pattern: 'CK1X-' },
    });
    expect(changed.body).toMatchObject({ kind: 'prefix', pattern: 'CK1X-' });
    expect((await api.request('GET', path)).body).toEqual({ items: [changed.body] });

    expect((await api.request('DELETE', item)).body).toEqual(changed.body);
    expect((await api.request('GET', item)).status).toBe(404);

    const audit = await api.db.kysely.selectFrom('audit_log').selectAll().orderBy('id').execute();
    expect(audit.map((r) => [r.action, r.entity, r.entity_id, r.actor])).toEqual([
      ['ap-rule.create', 'ap-rule', created.body.id, 'admin-token'],
      ['ap-rule.update', 'ap-rule', created.body.id, 'admin-token'],
      ['ap-rule.delete', 'ap-rule', created.body.id, 'admin-token'],
    ]);
    expect(JSON.parse(audit[1]?.detail ?? 'null')).toMatchObject({
      before: { kind: 'mac', pattern: '00:1a:2b:3c:4d:5e' },
      after: { kind: 'prefix', pattern: 'CK1X-' },
    });
  });

  it('names the bad field: a school of another county, a bad MAC, a taken pattern', async () => {
    const { school, farSchool, path } = await county();
    const bad = await api.request<ErrorBody>('POST', path, {
      json: { kind: 'mac', pattern: 'not-a-mac', schoolId: farSchool.id },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details?.map((d) => d.path)).toEqual(['schoolId', 'pattern']);

    await api.request('POST', path, {
      json: { kind: 'group', pattern: 'GC-Teaching', schoolId: school.id },
    });
    const taken = await api.request<ErrorBody>('POST', path, {
      json: { kind: 'group', pattern: 'gc-teaching', schoolId: school.id },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.details?.[0]?.path).toBe('pattern');
    expect((await api.db.kysely.selectFrom('audit_log').selectAll().execute()).length).toBe(1);
  });

  it("answers 404 for another county's rule and needs the admin token", async () => {
    const { school, other, path } = await county();
    const rule = await api.request<ApRule>('POST', path, {
      json: { kind: 'prefix', pattern: 'GC', schoolId: school.id },
    });
    const elsewhere = `/api/v1/counties/${other.id}/ap-rules/${rule.body.id}`;
    expect((await api.request('DELETE', elsewhere)).status).toBe(404);
    expect((await api.request('GET', path, { token: null })).status).toBe(401);
    expect((await api.request('GET', '/api/v1/counties/999/ap-rules')).status).toBe(404);
  });
});
