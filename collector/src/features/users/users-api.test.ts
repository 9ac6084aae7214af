import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../http/render-error.ts';
import { placeFactory } from '../../testing/factories.ts';
import type { TestApp } from '../../testing/test-app.ts';
import { createTestApp } from '../../testing/test-app.ts';
import type { Session } from '../../testing/user-factory.ts';
import { signIn, TEST_PASSWORD, userFactory } from '../../testing/user-factory.ts';
import { createFirstAdmin } from './create-first-admin.ts';
import type { UserView } from './schema.ts';

let api: TestApp;
let countyId: number;
let schoolId: number;
beforeEach(async () => {
  api = await createTestApp();
  const places = placeFactory(api.db.kysely, api.clock);
  countyId = (await places.county()).id;
  schoolId = (await places.school((await places.town(countyId)).id)).id;
});
afterEach(() => api.close());

const asUser = (s: Session, extra: Record<string, string> = {}) => ({
  token: null,
  headers: { ...s.headers, ...extra },
});

async function admin(username = 'zhang.admin'): Promise<Session> {
  await userFactory(api.db.kysely, api.clock)('county_admin', countyId, { username });
  return signIn(api, username);
}

describe('users API', () => {
  it('lets a county administrator create, list, change and reset users, each audited by name', async () => {
    const s = await admin();
    const path = `/api/v1/counties/${countyId}/users`;
    const created = await api.request<UserView>('POST', path, {
      ...asUser(s),
      json: {
        username: 'Chen.Tech',
        displayName: '陈技术员',
        password: TEST_PASSWORD,
        role: 'technician',
        schoolIds: [schoolId],
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      username: 'Chen.Tech',
      displayName: '陈技术员',
      role: 'technician',
      schools: [{ id: schoolId }],
      disabled: false,
    });
    expect(JSON.stringify(created.body)).not.toMatch(/scrypt|password/i);
    const taken = await api.request<ErrorBody>('POST', path, {
      ...asUser(s),
      json: { username: 'chen.tech', password: TEST_PASSWORD, role: 'county_viewer' },
    });
    expect(taken.status).toBe(409);

    const listed = await api.request<{ items: UserView[] }>('GET', path, asUser(s));
    expect(listed.body.items.map((u) => u.username)).toEqual(['Chen.Tech', 'zhang.admin']);

    const id = created.body.id;
    const patched = await api.request<UserView>('PATCH', `/api/v1/users/${id}`, {
      ...asUser(s),
      json: { role: 'county_viewer' },
    });
    expect(patched.body).toMatchObject({ role: 'county_viewer', schools: [] });

    const tech = await signIn(api, 'chen.tech');
    const reset = await api.request('POST', `/api/v1/users/${id}/password`, {
      ...asUser(s),
      json: { password: 'a brand new password' },
    });
    expect(reset.status).toBe(200);
    expect((await api.request('GET', '/api/v1/session', asUser(tech))).status).toBe(401);
    await signIn(api, 'chen.tech', 'a brand new password');

    const audit = await api.db.kysely
      .selectFrom('audit_log')
      .select(['actor', 'action', 'detail'])
      .where('entity', '=', 'user')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => [a.actor, a.action])).toEqual([
      ['test', 'user.create'],
      ['zhang.admin', 'user.create'],
      ['zhang.admin', 'user.update'],
      ['zhang.admin', 'user.reset-password'],
    ]);
    expect(JSON.stringify(audit)).not.toContain('brand new');
  });

  it('refuses what a role may not do, and technicians without a school', async () => {
    const s = await admin();
    const path = `/api/v1/counties/${countyId}/users`;
    const noSchool = await api.request<ErrorBody>('POST', path, {
      ...asUser(s),
      lang: 'en',
      json: { username: 'tech.two', password: TEST_PASSWORD, role: 'technician' },
    });
    expect(noSchool.status).toBe(400);
    expect(noSchool.body.error.details?.[0]?.path).toBe('schoolIds');
    const short = await api.request<ErrorBody>('POST', path, {
      ...asUser(s),
      lang: 'en',
      json: { username: 'tech.two', password: 'short', role: 'county_viewer' },
    });
    expect(short.body.error.details?.[0]?.message).toContain('at least 10 characters');

    await userFactory(api.db.kysely, api.clock)('county_viewer', countyId, { username: 'viewer' });
    const viewer = await signIn(api, 'viewer');
    const denied = await api.request('POST', path, {
      ...asUser(viewer),
      json: { username: 'sneaky', password: TEST_PASSWORD, role: 'county_admin' },
    });
    expect(denied.status).toBe(403);
    expect((await api.request('GET', path, asUser(viewer))).status).toBe(403);

    const other = await placeFactory(api.db.kysely, api.clock).county();
    const elsewhere = await api.request('GET', `/api/v1/counties/${other.id}/users`, asUser(s));
    expect(elsewhere.status).toBe(403);
    const lastAdmin = await api.request<ErrorBody>('PATCH', `/api/v1/users/1`, {
      ...asUser(s),
      json: { disabled: true },
    });
    expect(lastAdmin.status).toBe(409);
  });

  it('lets users change their own password with the current one; others end', async () => {
    await userFactory(api.db.kysely, api.clock)('county_viewer', countyId, { username: 'self' });
    const here = await signIn(api, 'self');
    const there = await signIn(api, 'self');
    const me = (await api.request<{ user: UserView }>('GET', '/api/v1/session', asUser(here))).body
      .user;
    const path = `/api/v1/users/${me.id}/password`;
    const without = await api.request('POST', path, {
      ...asUser(here),
      json: { password: 'my new password!' },
    });
    expect(without.status).toBe(400);
    const wrong = await api.request('POST', path, {
      ...asUser(here),
      json: { password: 'my new password!', currentPassword: 'not it at all' },
    });
    expect(wrong.status).toBe(400);
    const ok = await api.request('POST', path, {
      ...asUser(here),
      json: { password: 'my new password!', currentPassword: TEST_PASSWORD },
    });
    expect(ok.status).toBe(200);
    expect((await api.request('GET', '/api/v1/session', asUser(here))).status).toBe(200);
    expect((await api.request('GET', '/api/v1/session', asUser(there))).status).toBe(401);
  });
});

describe('createFirstAdmin', () => {
  it('works once, while no county administrator exists anywhere', async () => {
    const ctx = { db: api.db.kysely, clock: api.clock, actor: 'setup' };
    const first = await createFirstAdmin({
      ...ctx,
      input: { username: 'first', password: TEST_PASSWORD, countyId },
    });
    expect(first.role).toBe('county_admin');
    const other = await placeFactory(api.db.kysely, api.clock).county();
    await expect(
      createFirstAdmin({
        ...ctx,
        input: { username: 'second', password: TEST_PASSWORD, countyId: other.id },
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', key: 'users.firstAdmin.exists' });
    expect(await api.db.kysely.selectFrom('users').select('username').execute()).toEqual([
      { username: 'first' },
    ]);
  });
});
