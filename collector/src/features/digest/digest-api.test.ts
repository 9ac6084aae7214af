import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../http/render-error.ts';
import { complianceFactory } from '../../testing/compliance-factories.ts';
import { placeFactory } from '../../testing/factories.ts';
import type { TestApp } from '../../testing/test-app.ts';
import { createTestApp } from '../../testing/test-app.ts';
import type { DigestPreview, DigestSettings, DigestStatus, Recipient } from './schema.ts';

let api: TestApp;
beforeEach(async () => {
  api = await createTestApp();
  api.clock.set('2026-11-28T01:00:00.000Z'); // 09:00 in Shanghai
});
afterEach(() => api.close());

async function county() {
  const places = placeFactory(api.db.kysely, api.clock);
  const c = await places.county({ name: '城口县' });
  const town = await places.town(c.id, { name: '葛城街道' });
  const other = await places.town((await places.county()).id);
  const school = await places.school(town.id, { name: '<b>葛城小学</b>', code: 'GC01' });
  return { id: c.id, town, other, school };
}

describe('/api/v1/counties/:id/digest', () => {
  it('adds, lists and removes recipients, county-wide or per town, audit-logged', async () => {
    const c = await county();
    const base = `/api/v1/counties/${c.id}/digest/recipients`;
    const added = await api.request<Recipient>('POST', base, {
      json: { email: 'Zhang@QX.example' },
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      countyId: c.id,
      town: null,
      email: 'zhang@qx.example',
      lang: 'zh-CN',
      createdBy: 'admin-token',
    });
    const townMail = await api.request<Recipient>('POST', base, {
      json: { email: 'li@qx.example', townId: c.town.id, lang: 'en' },
    });
    expect(townMail.body.town).toEqual({ id: c.town.id, name: '葛城街道' });

    const list = await api.request<{ items: Recipient[] }>('GET', base);
    expect(list.body.items.map((r) => [r.email, r.town?.name ?? null, r.lang])).toEqual([
      ['zhang@qx.example', null, 'zh-CN'],
      ['li@qx.example', '葛城街道', 'en'],
    ]);

    const removed = await api.request<Recipient>('DELETE', `${base}/${townMail.body.id}`);
    expect(removed.body.email).toBe('li@qx.example');
    expect((await api.request('DELETE', `${base}/${townMail.body.id}`)).status).toBe(404);
    const audit = await api.db.kysely.selectFrom('audit_log').select('action').execute();
    expect(audit.map((a) => a.action)).toEqual([
      'digest-recipient.create',
      'digest-recipient.create',
      'digest-recipient.delete',
    ]);
  });

  it('names what is wrong: a bad address, a town of another county, a second entry', async () => {
    const c = await county();
    const base = `/api/v1/counties/${c.id}/digest/recipients`;
    const bad = await api.request<ErrorBody>('POST', base, {
      json: { email: 'not-an-address', lang: 'fr' },
      lang: 'en',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details?.map((d) => d.path).sort()).toEqual(['email', 'lang']);
    expect(bad.body.error.details?.find((d) => d.path === 'email')?.message).toMatch(
      /name@example\.org/,
    );
    const far = await api.request<ErrorBody>('POST', base, {
      json: { email: 'a@qx.example', townId: c.other.id },
    });
    expect(far.body.error.details?.map((d) => d.path)).toEqual(['townId']);
    await api.request('POST', base, { json: { email: 'a@qx.example' } });
    const twice = await api.request<ErrorBody>('POST', base, { json: { email: 'A@qx.example' } });
    expect(twice.status).toBe(409);
    expect(twice.body.error.details?.map((d) => d.path)).toEqual(['email']);
    expect((await api.request('GET', `${base}`, { token: null })).status).toBe(401);
    expect((await api.request('GET', '/api/v1/counties/9999/digest/recipients')).status).toBe(404);
  });

  it('keeps the send time and on/off per county, defaults until set', async () => {
    const c = await county();
    const path = `/api/v1/counties/${c.id}/digest/settings`;
    expect((await api.request<DigestSettings>('GET', path)).body).toMatchObject({
      sendTime: '07:00',
      enabled: true,
      isDefault: true,
    });
    const put = await api.request<DigestSettings>('PUT', path, { json: { sendTime: '06:45' } });
    expect(put.body).toMatchObject({ sendTime: '06:45', enabled: true, isDefault: false });
    const bad = await api.request<ErrorBody>('PUT', path, { json: { sendTime: '7:00' } });
    expect(bad.body.error.details?.map((d) => d.path)).toEqual(['sendTime']);
  });

  it('reports the status: no scheduler yet, the next send, nothing sent', async () => {
    const c = await county();
    const status = await api.request<DigestStatus>('GET', `/api/v1/counties/${c.id}/digest/status`);
    expect(status.body).toEqual({
      countyId: c.id,
      mailConfigured: null,
      schedulerSeenAt: null,
      enabled: true,
      sendTime: '07:00',
      timezone: 'Asia/Shanghai',
      recipients: 0,
      nextSendAt: '2026-11-28T23:00:00.000Z', // 07:00 on the 29th in Shanghai
      lastSent: null,
      lastFailure: null,
      nextAttemptAt: null,
      waiting: 0,
      gaveUp: 0,
    });
  });

  it('previews yesterday’s mail with relative links, escaping school names', async () => {
    const c = await county();
    const empty = await api.request<DigestPreview>(
      'GET',
      `/api/v1/counties/${c.id}/digest/preview`,
    );
    expect(empty.body.text).toContain('2026-11-27 的达标情况尚未计算。');
    await api.request('POST', `/api/v1/counties/${c.id}/targets/apply-preset`, {
      json: { preset: 'chengkou' },
    });
    const results = complianceFactory(api.db.kysely, api.clock);
    await results.result(
      c.school,
      { day: '2026-11-27', indicator: 'room_coverage', status: 'not_met' },
      { value: 0.5, numerator: 1, denominator: 2, threshold: 1, failing_since: '2026-11-27' },
    );
    const preview = await api.request<DigestPreview>(
      'GET',
      `/api/v1/counties/${c.id}/digest/preview`,
      { lang: 'en' },
    );
    expect(preview.body.day).toBe('2026-11-27');
    expect(preview.body.subject).toBe(
      '[xiaowang] 城口县 2026-11-27 compliance digest: not computed',
    );
    expect(preview.body.text).toContain('- <b>葛城小学</b> (葛城街道, GC01)');
    expect(preview.body.html).toContain('&lt;b&gt;葛城小学&lt;/b&gt;');
    expect(preview.body.html).not.toContain('<b>');
    expect(preview.body.html).toContain(`href="/counties/${c.id}?date=2026-11-27"`);
    const town = await api.request<DigestPreview>(
      'GET',
      `/api/v1/counties/${c.id}/digest/preview?townId=${c.other.id}`,
    );
    expect(town.status).toBe(400);
  });
});
