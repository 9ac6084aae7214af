import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../../http/render-error.ts';
import { placeFactory } from '../../../testing/factories.ts';
import { inventoryFactory } from '../../../testing/inventory-factories.ts';
import type { TestApp } from '../../../testing/test-app.ts';
import { createTestApp } from '../../../testing/test-app.ts';
import type { MetroPattern, SchoolUplinks } from './schema.ts';

let api: TestApp;
beforeEach(async () => {
  api = await createTestApp();
});
afterEach(() => api.close());

/** A school with a core switch (LLDP to the metro on port 49) and an access switch. */
async function school() {
  const places = placeFactory(api.db.kysely, api.clock);
  const inventory = inventoryFactory(api.db.kysely, api.clock);
  const county = await places.county();
  const town = await places.town(county.id);
  const s = await places.school(town.id);
  const neighbour = await places.school(town.id);
  const agent = await inventory.agent(county.id, [s.id, neighbour.id]);
  const at = { agentId: agent.id, countyId: county.id };
  const core = await inventory.device({ ...at, schoolId: s.id }, { sys_name: 'GC-Core' });
  const access = await inventory.device({ ...at, schoolId: s.id });
  const foreign = await inventory.device({ ...at, schoolId: neighbour.id });
  await inventory.iface(core.id, 49, { if_alias: null, speed_mbps: 1000 });
  await inventory.iface(core.id, 50, { if_alias: '上联-电信', oper_status: 'down' });
  await inventory.iface(access.id, 24);
  await inventory.iface(foreign.id, 1);
  await inventory.lldp(core.id, { local_if_index: 49, remote_sys_name: 'CK-Metro-S12700' });
  return {
    inventory,
    county,
    school: s,
    core,
    access,
    foreign,
    path: `/api/v1/schools/${s.id}/uplinks`,
  };
}

const summary = (body: SchoolUplinks) =>
  body.uplinks.map((u) => [u.deviceId, u.ifIndex, u.how, u.port?.operStatus ?? null]);

describe('uplink designation', () => {
  it('infers uplinks until a person designates one, with how, evidence and port state', async () => {
    const { core, path } = await school();
    const inferred = await api.request<SchoolUplinks>('GET', path);
    expect(inferred.status).toBe(200);
    expect(inferred.body.source).toBe('inferred');
    expect(summary(inferred.body)).toEqual([
      [core.id, 49, 'lldp-metro', 'up'],
      [core.id, 50, 'alias', 'down'],
    ]);
    expect(inferred.body.uplinks[0]).toMatchObject({
      deviceName: 'GC-Core',
      evidence: 'CK-Metro-S12700',
      designatedBy: null,
      port: { speedMbps: 1000, ifName: 'GE0/0/49' },
    });
  });

  it('replaces inference with the designation, which later polled data never changes', async () => {
    const { inventory, core, access, path } = await school();
    const put = await api.request<SchoolUplinks>('PUT', path, {
      json: [{ deviceId: access.id, ifIndex: 24, note: '电信千兆专线' }],
    });
    expect(put.status).toBe(200);
    expect(put.body.source).toBe('designated');
    expect(put.body.uplinks).toEqual([
      expect.objectContaining({
        deviceId: access.id,
        ifIndex: 24,
        how: 'designated',
        evidence: null,
        designatedBy: 'admin-token',
        designatedAt: '2026-03-01T00:00:00.000Z',
        note: '电信千兆专线',
      }),
    ]);

    // A later poll: the port goes down and is re-created, a new metro neighbour appears.
    api.clock.advance(60_000);
    const db = api.db.kysely;
    await db.deleteFrom('interfaces').where('device_id', '=', access.id).execute();
    await inventory.iface(access.id, 24, { oper_status: 'down', if_alias: 'to classroom' });
    await inventory.lldp(access.id, { local_if_index: 24, remote_sys_name: 'not-special' });
    await inventory.lldp(core.id, { local_if_index: 50, remote_sys_name: 'CK-Metro-2' });

    const after = await api.request<SchoolUplinks>('GET', path);
    expect(after.body.source).toBe('designated');
    expect(summary(after.body)).toEqual([[access.id, 24, 'designated', 'down']]);
    expect(after.body.uplinks[0]).toMatchObject({
      designatedAt: '2026-03-01T00:00:00.000Z',
      note: '电信千兆专线',
      port: { ifAlias: 'to classroom', lastSeenAt: '2026-03-01T00:01:00.000Z' },
    });
    expect(await db.selectFrom('uplink_designations').selectAll().execute()).toHaveLength(1);
  });

  it('clears designations back to inference, and audit-logs both changes', async () => {
    const { school: s, core, access, path } = await school();
    await api.request('PUT', path, { json: [{ deviceId: access.id, ifIndex: 24 }] });
    await api.request('PUT', path, { json: [{ deviceId: core.id, ifIndex: 50 }] });
    const cleared = await api.request<SchoolUplinks>('DELETE', path);
    expect(cleared.body.source).toBe('inferred');

    const audit = await api.db.kysely.selectFrom('audit_log').selectAll().orderBy('id').execute();
    expect(audit.map((r) => [r.actor, r.action, r.entity, r.entity_id])).toEqual([
      ['admin-token', 'uplinks.designate', 'school', s.id],
      ['admin-token', 'uplinks.designate', 'school', s.id],
      ['admin-token', 'uplinks.clear', 'school', s.id],
    ]);
    expect(JSON.parse(audit[1]?.detail ?? 'null')).toEqual({
      before: [{ deviceId: access.id, ifIndex: 24, note: null }],
      after: [{ deviceId: core.id, ifIndex: 50, note: null }],
    });
  });

  it('names each bad port and writes nothing', async () => {
    const { core, foreign, path } = await school();
    const res = await api.request<ErrorBody>('PUT', path, {
      json: [
        { deviceId: foreign.id, ifIndex: 1 },
        { deviceId: core.id, ifIndex: 7 },
        { deviceId: 999, ifIndex: 1 },
        { deviceId: core.id, ifIndex: 49 },
        { deviceId: core.id, ifIndex: 49 },
      ],
      lang: 'en',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details?.map((d) => d.path)).toEqual([
      '0.deviceId',
      '1.ifIndex',
      '2.deviceId',
      '4',
    ]);
    expect(res.body.error.details?.[1]?.message).toContain('ifIndex 7');
    const empty = await api.request<ErrorBody>('PUT', path, { json: [] });
    expect(empty.status).toBe(400);
    expect((await api.request('PUT', '/api/v1/schools/999/uplinks', { json: [] })).status).toBe(
      400,
    );
    expect(
      (
        await api.request('PUT', '/api/v1/schools/999/uplinks', {
          json: [{ deviceId: 1, ifIndex: 1 }],
        })
      ).status,
    ).toBe(404);
    expect(await api.db.kysely.selectFrom('uplink_designations').selectAll().execute()).toEqual([]);
    expect(await api.db.kysely.selectFrom('audit_log').selectAll().execute()).toEqual([]);
  });
});

describe('metro name pattern', () => {
  it('changes which neighbours count as metro, and rejects unsafe patterns', async () => {
    const { county, core, path } = await school();
    const patternPath = `/api/v1/counties/${county.id}/metro-pattern`;
    expect((await api.request<MetroPattern>('GET', patternPath)).body).toEqual({
      countyId: county.id,
      pattern: null,
      effectivePattern: '城域|metro',
    });
    const set = await api.request<MetroPattern>('PUT', patternPath, {
      json: { pattern: '^ck-core-' },
    });
    expect(set.body).toMatchObject({ pattern: '^ck-core-', effectivePattern: '^ck-core-' });
    const uplinks = await api.request<SchoolUplinks>('GET', path);
    expect(summary(uplinks.body)).toEqual([[core.id, 50, 'alias', 'down']]);

    const unsafe = await api.request<ErrorBody>('PUT', patternPath, {
      json: { pattern: '(a|aa)+$' },
    });
    expect(unsafe.status).toBe(400);
    expect(unsafe.body.error.details?.[0]?.path).toBe('pattern');
    const audit = await api.db.kysely.selectFrom('audit_log').selectAll().execute();
    expect(audit.map((r) => [r.action, r.detail])).toEqual([
      ['county.metro-pattern.set', JSON.stringify({ before: null, after: '^ck-core-' })],
    ]);
  });
});
