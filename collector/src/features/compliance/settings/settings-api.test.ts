import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../../http/render-error.ts';
import { placeFactory } from '../../../testing/factories.ts';
import type { TestApp } from '../../../testing/test-app.ts';
import { createTestApp } from '../../../testing/test-app.ts';
import type { ComplianceSettings } from './schema.ts';

let api: TestApp;
beforeEach(async () => {
  api = await createTestApp();
});
afterEach(() => api.close());

const path = (id: number) => `/api/v1/counties/${id}/compliance-settings`;

describe('compliance settings API', () => {
  it('answers the defaults, replaces them (omitted fields back to default) and audit-logs each change', async () => {
    const county = await placeFactory(api.db.kysely, api.clock).county();
    const defaults = await api.request<ComplianceSettings>('GET', path(county.id));
    expect(defaults.body).toEqual({
      countyId: county.id,
      coverageWindowDays: 7,
      schoolHoursStart: '08:00',
      schoolHoursEnd: '17:00',
      uplinkRequiredShare: 0.95,
      lateWindowMinutes: 10,
      staleWindowHours: 24,
      ipv6HttpsSuccessesRequired: 1,
      isDefault: true,
      updatedBy: null,
      updatedAt: null,
    });

    const put = await api.request<ComplianceSettings>('PUT', path(county.id), {
      json: { coverageWindowDays: 14, schoolHoursStart: '07:30', uplinkRequiredShare: 0.9 },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      coverageWindowDays: 14,
      schoolHoursStart: '07:30',
      schoolHoursEnd: '17:00',
      uplinkRequiredShare: 0.9,
      isDefault: false,
      updatedBy: 'admin-token',
      updatedAt: '2026-03-01T00:00:00.000Z',
    });
    const again = await api.request<ComplianceSettings>('PUT', path(county.id), { json: {} });
    expect(again.body).toMatchObject({
      coverageWindowDays: 7,
      schoolHoursStart: '08:00',
      isDefault: false,
    });

    const audit = await api.db.kysely.selectFrom('audit_log').selectAll().orderBy('id').execute();
    expect(audit.map((a) => [a.action, a.entity, a.entity_id])).toEqual([
      ['compliance-settings.update', 'county', county.id],
      ['compliance-settings.update', 'county', county.id],
    ]);
    expect(JSON.parse(audit[1]?.detail ?? 'null')).toMatchObject({
      before: { coverageWindowDays: 14 },
      after: { coverageWindowDays: 7 },
    });
  });

  it('names each bad field and changes nothing', async () => {
    const county = await placeFactory(api.db.kysely, api.clock).county();
    const bad = await api.request<ErrorBody>('PUT', path(county.id), {
      json: { schoolHoursStart: '8:00', uplinkRequiredShare: 0, surplus: 1 },
      lang: 'en',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details?.map((d) => d.path).sort()).toEqual([
      'schoolHoursStart',
      'surplus',
      'uplinkRequiredShare',
    ]);
    const order = await api.request<ErrorBody>('PUT', path(county.id), {
      json: {
        schoolHoursStart: '17:00',
        schoolHoursEnd: '08:00',
        staleWindowHours: 1,
        lateWindowMinutes: 90,
      },
      lang: 'en',
    });
    expect(order.body.error.details?.map((d) => d.path)).toEqual([
      'schoolHoursEnd',
      'staleWindowHours',
    ]);
    expect(order.body.error.details?.[0]?.message).toContain('17:00–08:00');
    expect(await api.db.kysely.selectFrom('audit_log').selectAll().execute()).toEqual([]);
  });

  it('needs the admin token and an existing county', async () => {
    expect((await api.request('GET', path(1), { token: null })).status).toBe(401);
    expect((await api.request('GET', path(999))).status).toBe(404);
    expect((await api.request('PUT', path(999), { json: {} })).status).toBe(404);
  });
});
