import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../../http/render-error.ts';
import { placeFactory } from '../../../testing/factories.ts';
import { inventoryFactory } from '../../../testing/inventory-factories.ts';
import type { TestApp } from '../../../testing/test-app.ts';
import { createTestApp } from '../../../testing/test-app.ts';
import type { ApRule, ApView } from './schema.ts';

let api: TestApp;
beforeEach(async () => {
  api = await createTestApp();
});
afterEach(() => api.close());

/** A county AC at the bureau, reporting APs of three schools through the county's agent. */
async function countyAc() {
  const places = placeFactory(api.db.kysely, api.clock);
  const inventory = inventoryFactory(api.db.kysely, api.clock);
  const county = await places.county();
  const town = await places.town(county.id);
  const [a, b, c, outside] = [
    await places.school(town.id, { name: '葛城小学' }),
    await places.school(town.id, { name: '复兴小学' }),
    await places.school(town.id, { name: '巴山小学' }),
    await places.school(town.id, { name: '不归本采集端' }),
  ];
  const agent = await inventory.agent(county.id, [a.id, b.id, c.id]);
  const ac = await inventory.device(
    { agentId: agent.id, countyId: county.id, schoolId: null },
    { role: 'wlc', sys_name: 'CK-AC-01' },
  );
  const ap = (name: string | null, apGroup: string | null) =>
    inventory.ap(ac, { name, ap_group: apGroup });
  const aps = {
    a1: await ap('GC-1F-101', 'GC-Teaching'),
    a2: await ap('GC-2F-201', 'gc-teaching'),
    b1: await ap('FX-1F-101', 'FX'),
    c1: await ap('BS-1F-101', 'default'),
    c2: await ap('BS-OFFICE-2F-201', 'default'),
    lost: await ap('lobby', 'default'),
    foreign: await ap('XX-1F-101', 'XX'),
  };
  return { places, inventory, county, town, a, b, c, outside, agent, ac, aps };
}

const rulePath = (countyId: number) => `/api/v1/counties/${countyId}/ap-rules`;

async function addRule(countyId: number, kind: string, pattern: string, schoolId: number) {
  const res = await api.request<ApRule>('POST', rulePath(countyId), {
    json: { kind, pattern, schoolId },
  });
  expect(res.status).toBe(201);
  return res.body;
}

const byName = (items: ApView[]): Record<string, ApView> =>
  Object.fromEntries(items.map((ap) => [ap.name ?? '', ap]));

describe('AP attribution API', () => {
  it('attributes a county AC’s APs to three schools by group and prefix, and lists the rest', async () => {
    const { county, a, b, c, outside } = await countyAc();
    const group = await addRule(county.id, 'group', 'GC-TEACHING', a.id);
    await addRule(county.id, 'group', 'fx', b.id);
    await addRule(county.id, 'prefix', 'BS-', c.id);
    const office = await addRule(county.id, 'prefix', 'BS-OFFICE-', c.id);
    const foreign = await addRule(county.id, 'group', 'XX', outside.id);

    const res = await api.request<{ items: ApView[] }>('GET', `/api/v1/counties/${county.id}/aps`);
    expect(res.status).toBe(200);
    const aps = byName(res.body.items);
    expect(res.body.items).toHaveLength(7);
    expect(aps['GC-2F-201']).toMatchObject({
      school: { id: a.id, name: '葛城小学' },
      attribution: { how: 'rule:group', ruleId: group.id, matched: 'gc-teaching', refused: [] },
    });
    expect(aps['FX-1F-101']?.school?.id).toBe(b.id);
    expect(aps['BS-1F-101']?.attribution).toMatchObject({
      how: 'rule:prefix',
      matched: 'BS-1F-101',
    });
    expect(aps['BS-OFFICE-2F-201']?.attribution.ruleId).toBe(office.id);
    expect(aps['lobby']).toMatchObject({ school: null, attribution: { how: null } });
    expect(aps['XX-1F-101']).toMatchObject({
      school: null,
      attribution: {
        how: null,
        refused: [
          { ruleId: foreign.id, schoolId: outside.id, reason: 'school-not-served-by-agent' },
        ],
      },
    });

    const unattributed = await api.request<{ items: ApView[] }>(
      'GET',
      `/api/v1/counties/${county.id}/aps?attributed=false`,
    );
    expect(unattributed.body.items.map((ap) => ap.name).sort()).toEqual(['XX-1F-101', 'lobby']);
    const ofC = await api.request<{ items: ApView[] }>('GET', `/api/v1/schools/${c.id}/aps`);
    expect(ofC.body.items.map((ap) => ap.name)).toEqual(['BS-1F-101', 'BS-OFFICE-2F-201']);
    expect(ofC.body.items[0]).toMatchObject({
      online: true,
      clients: 0,
      lastOnlineAt: '2026-03-01T00:00:00.000Z',
    });
  });

  it("falls back to a school agent's only school, and an explicit assignment beats every rule", async () => {
    const { places, inventory, county, town, a, b, aps } = await countyAc();
    const alone = await places.school(town.id);
    const agent = await inventory.agent(county.id, [alone.id]);
    const sw = await inventory.device({
      agentId: agent.id,
      countyId: county.id,
      schoolId: alone.id,
    });
    const own = await inventory.ap(sw, { name: 'AP-01' });
    await addRule(county.id, 'group', 'GC-Teaching', a.id);

    const fallback = await api.request<ApView>('GET', `/api/v1/aps/${own.id}`);
    expect(fallback.body).toMatchObject({
      school: { id: alone.id },
      attribution: { how: 'agent-school' },
    });

    const put = await api.request<ApView>('PUT', `/api/v1/aps/${aps.a1.id}/assignment`, {
      json: { schoolId: b.id },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      school: { id: b.id },
      attribution: { how: 'explicit', ruleId: null },
      assignment: { schoolId: b.id, roomId: null, assignedBy: 'admin-token' },
    });
    const cleared = await api.request<ApView>('DELETE', `/api/v1/aps/${aps.a1.id}/assignment`);
    expect(cleared.body).toMatchObject({ school: { id: a.id }, assignment: null });

    const audit = await api.db.kysely.selectFrom('audit_log').selectAll().orderBy('id').execute();
    expect(audit.map((r) => [r.actor, r.action, r.entity])).toEqual([
      ['admin-token', 'ap-rule.create', 'ap-rule'],
      ['admin-token', 'ap.assign', 'ap'],
      ['admin-token', 'ap.unassign', 'ap'],
    ]);
    expect(audit[1]?.entity_id).toBe(aps.a1.id);
    expect(JSON.parse(audit[1]?.detail ?? 'null')).toMatchObject({
      before: null,
      after: { schoolId: b.id, roomId: null },
    });
  });

  it('rejects assignments that do not fit, naming the field', async () => {
    const { places, a, aps } = await countyAc();
    const otherCounty = await places.county();
    const farSchool = await places.school((await places.town(otherCounty.id)).id);
    const roomOfA = await places.room(a.id);

    const empty = await api.request<ErrorBody>('PUT', `/api/v1/aps/${aps.a1.id}/assignment`, {
      json: {},
    });
    expect(empty.status).toBe(400);
    const far = await api.request<ErrorBody>('PUT', `/api/v1/aps/${aps.a1.id}/assignment`, {
      json: { schoolId: farSchool.id, roomId: 999 },
    });
    expect(far.body.error.details?.map((d) => d.path)).toEqual(['schoolId', 'roomId']);
    const noSchool = await api.request<ErrorBody>('PUT', `/api/v1/aps/${aps.lost.id}/assignment`, {
      json: { roomId: roomOfA.id },
      lang: 'en',
    });
    expect(noSchool.status).toBe(400);
    expect(noSchool.body.error.details?.[0]?.message).toMatch(/not attributed/);
    const missing = await api.request<ErrorBody>('PUT', '/api/v1/aps/999/assignment', {
      json: { schoolId: a.id },
    });
    expect(missing.status).toBe(404);
    expect(await api.db.kysely.selectFrom('audit_log').selectAll().execute()).toEqual([]);
  });
});
