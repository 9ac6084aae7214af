import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../http/render-error.ts';
import { placeFactory } from '../../testing/factories.ts';
import { inventoryFactory } from '../../testing/inventory-factories.ts';
import type { TestApp } from '../../testing/test-app.ts';
import { createTestApp } from '../../testing/test-app.ts';
import type { Session } from '../../testing/user-factory.ts';
import { signIn, userFactory } from '../../testing/user-factory.ts';

let api: TestApp;
beforeEach(async () => {
  api = await createTestApp();
});
afterEach(() => api.close());

/**
 * County C with the technician's school (mine) and another (theirs), each with its own
 * agent, switch (port 1) and AP; county D elsewhere. One user of each role in C.
 */
async function world() {
  const places = placeFactory(api.db.kysely, api.clock);
  const inventory = inventoryFactory(api.db.kysely, api.clock);
  const county = await places.county();
  const town = await places.town(county.id);
  const mine = await places.school(town.id);
  const theirs = await places.school(town.id);
  const room = await places.room(mine.id, { name: '101' });
  const elsewhere = await places.county();
  const farSchool = await places.school((await places.town(elsewhere.id)).id);
  const devices = [];
  const aps = [];
  for (const school of [mine, theirs]) {
    const agent = await inventory.agent(county.id, [school.id]);
    const device = await inventory.device({
      agentId: agent.id,
      countyId: county.id,
      schoolId: school.id,
    });
    await inventory.iface(device.id, 1);
    devices.push(device);
    aps.push(await inventory.ap(device));
  }
  const make = userFactory(api.db.kysely, api.clock);
  await make('technician', county.id, { username: 'tech', schoolIds: [mine.id] });
  await make('county_viewer', county.id, { username: 'viewer' });
  await make('county_admin', county.id, { username: 'admin' });
  const [myDevice, theirDevice] = devices;
  const [myAp, theirAp] = aps;
  if (!myDevice || !theirDevice || !myAp || !theirAp) throw new Error('world incomplete');
  return {
    county,
    town,
    mine,
    theirs,
    room,
    elsewhere,
    farSchool,
    myDevice,
    theirDevice,
    myAp,
    theirAp,
  };
}

type World = Awaited<ReturnType<typeof world>>;

function as(s: Session) {
  return <T = unknown>(method: string, path: string, json?: unknown) =>
    api.request<T>(method, path, {
      token: null,
      headers: s.headers,
      ...(json === undefined ? {} : { json }),
    });
}

describe('a technician', () => {
  let w: World;
  let tech: ReturnType<typeof as>;
  beforeEach(async () => {
    w = await world();
    tech = as(await signIn(api, 'tech'));
  });

  it('reads their own school and gets 403 on another school, route by route', async () => {
    const routes = (s: number, d: number, ap: number) => [
      `/api/v1/schools/${s}`,
      `/api/v1/schools/${s}/devices`,
      `/api/v1/schools/${s}/aps`,
      `/api/v1/schools/${s}/uplinks`,
      `/api/v1/schools/${s}/compliance`,
      `/api/v1/schools/${s}/evidence?indicator=room_coverage`,
      `/api/v1/devices/${d}`,
      `/api/v1/devices/${d}/interfaces`,
      `/api/v1/devices/${d}/history`,
      `/api/v1/aps/${ap}`,
    ];
    for (const path of routes(w.mine.id, w.myDevice.id, w.myAp.id)) {
      expect((await tech('GET', path)).status, path).toBe(200);
    }
    for (const path of [
      ...routes(w.theirs.id, w.theirDevice.id, w.theirAp.id),
      `/api/v1/schools/${w.farSchool.id}`,
    ]) {
      const res = await tech<ErrorBody>('GET', path);
      expect(res.status, path).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
  });

  it('manages uplinks and AP rooms of their own school only', async () => {
    const uplinks = [{ deviceId: w.myDevice.id, ifIndex: 1 }];
    expect((await tech('PUT', `/api/v1/schools/${w.mine.id}/uplinks`, uplinks)).status).toBe(200);
    expect((await tech('DELETE', `/api/v1/schools/${w.mine.id}/uplinks`)).status).toBe(200);
    const theirUplinks = [{ deviceId: w.theirDevice.id, ifIndex: 1 }];
    expect((await tech('PUT', `/api/v1/schools/${w.theirs.id}/uplinks`, theirUplinks)).status).toBe(
      403,
    );
    expect((await tech('DELETE', `/api/v1/schools/${w.theirs.id}/uplinks`)).status).toBe(403);

    const assign = await tech('PUT', `/api/v1/aps/${w.myAp.id}/assignment`, { roomId: w.room.id });
    expect(assign.status).toBe(200);
    expect((await tech('DELETE', `/api/v1/aps/${w.myAp.id}/assignment`)).status).toBe(200);
    expect(
      (await tech('PUT', `/api/v1/aps/${w.theirAp.id}/assignment`, { schoolId: w.mine.id })).status,
    ).toBe(403);
    expect(
      (await tech('PUT', `/api/v1/aps/${w.myAp.id}/assignment`, { schoolId: w.theirs.id })).status,
    ).toBe(403);
    expect((await tech('DELETE', `/api/v1/aps/${w.theirAp.id}/assignment`)).status).toBe(403);

    const actors = await api.db.kysely
      .selectFrom('audit_log')
      .select(['actor', 'action'])
      .orderBy('id')
      .execute();
    expect(actors.filter((a) => a.action !== 'user.create')).toEqual([
      { actor: 'tech', action: 'uplinks.designate' },
      { actor: 'tech', action: 'uplinks.clear' },
      { actor: 'tech', action: 'ap.assign' },
      { actor: 'tech', action: 'ap.unassign' },
    ]);
  });

  it('sees only their schools in county-wide lists, and nothing county-level', async () => {
    const c = w.county.id;
    const ids = async (path: string) =>
      (await tech<{ items: { id: number }[] }>('GET', path)).body.items.map((i) => i.id);
    expect(await ids('/api/v1/schools')).toEqual([w.mine.id]);
    expect(await ids(`/api/v1/schools?countyId=${w.elsewhere.id}`)).toEqual([]);
    expect(await ids(`/api/v1/counties/${c}/devices`)).toEqual([w.myDevice.id]);
    expect(await ids(`/api/v1/counties/${c}/aps`)).toEqual([w.myAp.id]);
    expect(await ids('/api/v1/rooms')).toEqual([w.room.id]);
    expect(await ids('/api/v1/counties')).toEqual([]);
    for (const path of [
      `/api/v1/counties/${c}`,
      `/api/v1/counties/${c}/compliance`,
      `/api/v1/towns/${w.town.id}/compliance`,
      `/api/v1/counties/${c}/targets`,
      `/api/v1/ledger?countyId=${c}`,
      `/api/v1/counties/${w.elsewhere.id}/devices`,
    ]) {
      expect((await tech('GET', path)).status, path).toBe(403);
    }
    expect((await tech('PATCH', `/api/v1/schools/${w.mine.id}`, { name: '改名' })).status).toBe(
      403,
    );
  });
});

describe('county roles', () => {
  it('a viewer reads the whole county and changes nothing', async () => {
    const w = await world();
    const viewer = as(await signIn(api, 'viewer'));
    for (const path of [
      `/api/v1/counties/${w.county.id}`,
      `/api/v1/counties/${w.county.id}/compliance`,
      `/api/v1/schools/${w.theirs.id}/devices`,
      `/api/v1/devices/${w.theirDevice.id}`,
      `/api/v1/ledger?countyId=${w.county.id}`,
      `/api/v1/agents`,
    ]) {
      expect((await viewer('GET', path)).status, path).toBe(200);
    }
    const agents = await viewer<{ items: unknown[] }>('GET', '/api/v1/agents');
    expect(agents.body.items).toHaveLength(2);
    expect((await viewer('GET', `/api/v1/counties/${w.elsewhere.id}`)).status).toBe(403);
    expect((await viewer('GET', `/api/v1/schools/${w.farSchool.id}`)).status).toBe(403);
    const writes: [string, string, unknown][] = [
      ['PUT', `/api/v1/schools/${w.mine.id}/uplinks`, [{ deviceId: w.myDevice.id, ifIndex: 1 }]],
      ['PUT', `/api/v1/counties/${w.county.id}/metro-pattern`, { pattern: null }],
      ['POST', '/api/v1/towns', { countyId: w.county.id, name: '新镇' }],
      ['PATCH', `/api/v1/schools/${w.mine.id}`, { name: '改名' }],
    ];
    for (const [method, path, body] of writes) {
      expect((await viewer(method, path, body)).status, path).toBe(403);
    }
  });

  it('an administrator administers their county only, and the audit log names them', async () => {
    const w = await world();
    const admin = as(await signIn(api, 'admin'));
    const pattern = { pattern: '^CK-Metro' };
    expect(
      (await admin('PUT', `/api/v1/counties/${w.county.id}/metro-pattern`, pattern)).status,
    ).toBe(200);
    expect(
      (await admin('PUT', `/api/v1/counties/${w.elsewhere.id}/metro-pattern`, pattern)).status,
    ).toBe(403);
    expect((await admin('POST', '/api/v1/counties', { name: '新县' })).status).toBe(403);
    const audit = await api.db.kysely
      .selectFrom('audit_log')
      .select(['actor', 'action'])
      .where('action', '=', 'county.metro-pattern.set')
      .execute();
    expect(audit.map((a) => a.actor)).toEqual(['admin']);
  });

  it('nobody signed in gets 401 everywhere but the open routes', async () => {
    const w = await world();
    for (const path of [`/api/v1/schools/${w.mine.id}`, '/api/v1/counties', '/api/v1/session']) {
      expect((await api.request('GET', path, { token: null })).status, path).toBe(401);
    }
    expect((await api.request('GET', '/api/v1/health', { token: null })).status).toBe(200);
  });
});
