import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { placeFactory } from '../../../testing/factories.ts';
import { inventoryFactory } from '../../../testing/inventory-factories.ts';
import type { TestApp } from '../../../testing/test-app.ts';
import { createTestApp } from '../../../testing/test-app.ts';
import type { Device, DeviceDetail, DeviceHistoryEntry, Interface } from './schema.ts';

let api: TestApp;
beforeEach(async () => {
  api = await createTestApp();
});
afterEach(() => api.close());

async function seed() {
  const places = placeFactory(api.db.kysely, api.clock);
  const inventory = inventoryFactory(api.db.kysely, api.clock);
  const county = await places.county();
  const school = await places.school((await places.town(county.id)).id);
  const agent = await inventory.agent(county.id, [school.id]);
  const sw = await inventory.device(
    { agentId: agent.id, countyId: county.id, schoolId: school.id },
    {
      target_name: 'core',
      sys_name: '<script>alert(1)</script>',
      vendor: 'huawei',
      model: 'S5735-L48T4X',
      serial: '2102351234',
      firmware: 'V200R021',
      ipv6_forwarding: 1,
      ipv6_default_routes: 1,
      last_outcome: 'error',
      last_error_code: 'TIMEOUT',
      last_error_message: 'no answer in 3 s',
    },
  );
  const ac = await inventory.device(
    { agentId: agent.id, countyId: county.id, schoolId: null },
    { target_name: 'county-ac', role: 'wlc' },
  );
  await inventory.iface(sw.id, 2, { if_alias: '="cmd"|calc' });
  await inventory.iface(sw.id, 1);
  await inventory.lldp(sw.id, { local_if_index: 1, remote_sys_name: 'metro-1' });
  const db = api.db.kysely;
  await db
    .insertInto('device_ipv6_addresses')
    .values({
      device_id: sw.id,
      if_index: 1,
      address: '2001:db8::1',
      prefix_length: 64,
      type: 'global',
      source: 'ipAddressTable',
      last_seen_at: '2026-03-01T00:00:00.000Z',
    })
    .execute();
  await db
    .insertInto('device_history')
    .values([
      {
        device_id: sw.id,
        field: 'firmware',
        old_value: 'V200R019',
        new_value: 'V200R021',
        changed_at: '2026-02-01T00:00:00.000Z',
      },
      {
        device_id: sw.id,
        field: 'serial',
        old_value: null,
        new_value: '2102351234',
        changed_at: '2026-01-01T00:00:00.000Z',
      },
    ])
    .execute();
  return { county, school, sw, ac };
}

describe('device inventory reads', () => {
  it('lists a school’s and a county’s devices with inventory and last outcome', async () => {
    const { county, school, sw } = await seed();
    const ofSchool = await api.request<{ items: Device[] }>(
      'GET',
      `/api/v1/schools/${school.id}/devices`,
    );
    expect(ofSchool.body.items).toEqual([
      expect.objectContaining({
        id: sw.id,
        schoolId: school.id,
        model: 'S5735-L48T4X',
        serial: '2102351234',
        firmware: 'V200R021',
        vendor: 'huawei',
        role: 'switch',
        firstSeenAt: '2026-03-01T00:00:00.000Z',
        lastOutcome: 'error',
        lastErrorCode: 'TIMEOUT',
        lastErrorMessage: 'no answer in 3 s',
      }),
    ]);
    const ofCounty = await api.request<{ items: Device[] }>(
      'GET',
      `/api/v1/counties/${county.id}/devices`,
    );
    expect(ofCounty.body.items.map((d) => [d.targetName, d.schoolId])).toEqual([
      ['core', school.id],
      ['county-ac', null],
    ]);
  });

  it('returns a device with interfaces, IPv6 addresses and LLDP neighbours, text as plain JSON', async () => {
    const { sw } = await seed();
    const res = await api.request<DeviceDetail>('GET', `/api/v1/devices/${sw.id}`);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.body).toMatchObject({
      sysName: '<script>alert(1)</script>',
      ipv6Forwarding: true,
      ipv6DefaultRoutes: 1,
      interfaces: [{ ifIndex: 1 }, { ifIndex: 2, ifAlias: '="cmd"|calc', octets64bit: true }],
      ipv6Addresses: [{ ifIndex: 1, address: '2001:db8::1', prefixLength: 64, type: 'global' }],
      lldpNeighbors: [{ localIfIndex: 1, remoteSysName: 'metro-1' }],
    });
    const ifaces = await api.request<{ items: Interface[] }>(
      'GET',
      `/api/v1/devices/${sw.id}/interfaces`,
    );
    expect(ifaces.body.items).toEqual(res.body.interfaces);
  });

  it('returns the history newest first, and 404 for unknown ids', async () => {
    const { sw } = await seed();
    const history = await api.request<{ items: DeviceHistoryEntry[] }>(
      'GET',
      `/api/v1/devices/${sw.id}/history`,
    );
    expect(history.body.items.map((h) => [h.field, h.oldValue, h.newValue])).toEqual([
      ['firmware', 'V200R019', 'V200R021'],
      ['serial', null, '2102351234'],
    ]);
    for (const path of [
      '/api/v1/devices/999',
      '/api/v1/devices/999/history',
      '/api/v1/schools/999/devices',
    ]) {
      expect((await api.request('GET', path)).status).toBe(404);
    }
    expect((await api.request('GET', `/api/v1/devices/${sw.id}`, { token: null })).status).toBe(
      401,
    );
  });
});
