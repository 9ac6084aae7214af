import type { DeviceResult, Report } from '@xiaowang/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EnrolledAgent } from '../../testing/agent-factory.ts';
import { enrollTestAgent, goldenReport } from '../../testing/agent-factory.ts';
import type { TestApp } from '../../testing/test-app.ts';
import { createTestApp } from '../../testing/test-app.ts';
import type { IngestResult } from './schema.ts';

let api: TestApp;
let agent: EnrolledAgent;
beforeEach(async () => {
  api = await createTestApp();
  agent = await enrollTestAgent(api, { schools: 2 });
});
afterEach(() => api.close());

const db = () => api.db.kysely;
const post = (report: Report) =>
  api.request<IngestResult>('POST', '/api/v1/reports', { token: agent.token, json: report });

type OkResult = Extract<DeviceResult, { outcome: 'ok' }>;
type Snapshot = OkResult['snapshot'];

const ROUTE = { nextHop: 'fe80::1', ifIndex: 10, routeType: 'remote' as const, protocol: 2 };
const OTHER_ROUTE = { nextHop: 'fe80::2', ifIndex: 11, routeType: 'remote' as const, protocol: 2 };

/** The golden report polled at `at`, with the core switch's snapshot changed by `change`. */
function poll(at: string, change: (s: Snapshot) => Partial<Snapshot> = () => ({})): Report {
  const base = goldenReport();
  const devices = base.devices.map((d): DeviceResult => {
    const moved = { ...d, meta: { ...d.meta, startedAt: at } };
    if (moved.outcome !== 'ok' || moved.target.name !== 'core') return moved;
    const snapshot = { ...moved.snapshot, ipv6DefaultRoutes: [ROUTE] };
    return { ...moved, snapshot: { ...snapshot, ...change(snapshot) } };
  });
  return { ...base, pollStartedAt: at, pollFinishedAt: at, devices };
}

const core = () =>
  db()
    .selectFrom('devices')
    .selectAll()
    .where('target_name', '=', 'core')
    .executeTakeFirstOrThrow();

async function stored() {
  const { id } = await core();
  const [addresses, routes, lldp] = await Promise.all([
    db().selectFrom('device_ipv6_addresses').selectAll().where('device_id', '=', id).execute(),
    db().selectFrom('device_ipv6_default_routes').selectAll().where('device_id', '=', id).execute(),
    db()
      .selectFrom('lldp_neighbors')
      .selectAll()
      .where('device_id', '=', id)
      .orderBy('id')
      .execute(),
  ]);
  return { addresses, routes, lldp };
}

const T1 = '2026-11-27T02:00:00.000Z';
const T2 = '2026-11-27T02:05:00.000Z';
const T3 = '2026-11-27T02:10:00.000Z';
const T4 = '2026-11-27T02:15:00.000Z';

describe('a device’s IPv6 addresses, default routes and LLDP neighbours', () => {
  it('are refreshed in place when a poll lists what is stored, and replaced when it does not', async () => {
    expect((await post(poll(T1))).status).toBe(200);
    const first = await stored();
    expect([first.addresses.length, first.routes.length, first.lldp.length]).toEqual([1, 1, 1]);

    expect((await post(poll(T2))).status).toBe(200);
    const same = await stored();
    const at = (rows: readonly { last_seen_at: string }[]) => rows.map((r) => r.last_seen_at);
    expect([...at(same.addresses), ...at(same.routes), ...at(same.lldp)]).toEqual([T2, T2, T2]);
    const withT2 = <R extends { last_seen_at: string }>(rows: R[]) =>
      rows.map((r) => ({ ...r, last_seen_at: T2 }));
    expect(same).toEqual({
      addresses: withT2(first.addresses),
      routes: withT2(first.routes),
      lldp: withT2(first.lldp), // the same ids: updated, not re-inserted
    });

    // A new neighbour name, a second route listed first, an address listed twice.
    const changed = poll(T3, (s) => ({
      lldpNeighbors: s.lldpNeighbors.map((n) => ({ ...n, remoteSysName: 'county-core-2' })),
      ipv6DefaultRoutes: [OTHER_ROUTE, ROUTE],
      ipv6: [...s.ipv6, ...s.ipv6.map((a) => ({ ...a, prefixLength: 48 }))],
    }));
    expect((await post(changed)).status).toBe(200);
    const next = await stored();
    expect(next.lldp.map((n) => [n.remote_sys_name, n.last_seen_at])).toEqual([
      ['county-core-2', T3],
    ]);
    expect(next.lldp[0]?.id).not.toBe(first.lldp[0]?.id);
    expect(next.routes.map((r) => [r.next_hop, r.last_seen_at]).sort()).toEqual([
      ['fe80::1', T3],
      ['fe80::2', T3],
    ]);
    // The first of an address listed twice is kept, as before.
    expect(next.addresses.map((a) => [a.address, a.prefix_length, a.last_seen_at])).toEqual([
      ['2001:db8:3:1::1', 64, T3],
    ]);

    // The same lists again, the routes in the other order: nothing to replace.
    const again = poll(T4, (s) => ({
      lldpNeighbors: s.lldpNeighbors.map((n) => ({ ...n, remoteSysName: 'county-core-2' })),
      ipv6DefaultRoutes: [ROUTE, OTHER_ROUTE],
      ipv6: [...s.ipv6, ...s.ipv6.map((a) => ({ ...a, prefixLength: 48 }))],
    }));
    expect((await post(again)).status).toBe(200);
    const last = await stored();
    expect(last.lldp.map((n) => n.id)).toEqual(next.lldp.map((n) => n.id));
    expect(last.routes.map((r) => [r.next_hop, r.last_seen_at]).sort()).toEqual([
      ['fe80::1', T4],
      ['fe80::2', T4],
    ]);

    // Emptied lists empty the tables.
    const empty = poll('2026-11-27T02:20:00.000Z', () => ({
      ipv6: [],
      ipv6DefaultRoutes: [],
      lldpNeighbors: [],
    }));
    expect((await post(empty)).status).toBe(200);
    expect(await stored()).toEqual({ addresses: [], routes: [], lldp: [] });
  });

  it('write a device’s changed columns, and keep the others', async () => {
    const [first, second] = agent.schools;
    const at = (school: string | undefined, when: string, change = (d: OkResult) => d) => {
      const report = poll(when);
      const devices = report.devices.map((d) =>
        d.outcome === 'ok' && d.target.name === 'core'
          ? change({ ...d, target: { ...d.target, ...(school === undefined ? {} : { school }) } })
          : d,
      );
      return { ...report, devices };
    };
    expect((await post(at(first?.code, T1))).status).toBe(200);
    const before = await core();
    expect((await post(at(second?.code, T2))).status).toBe(200);
    const moved = await core();
    expect(moved).toEqual({
      ...before,
      school_id: second?.id,
      last_seen_at: T2,
      last_ok_at: T2,
      last_report_id: moved.last_report_id,
    });
    expect(moved.last_report_id).not.toBe(before.last_report_id);

    const renamed = at(second?.code, T3, (d) => ({
      ...d,
      snapshot: { ...d.snapshot, sysName: 'cgxx-core-2', sysUpTime: 1 },
    }));
    expect((await post(renamed)).status).toBe(200);
    expect(await core()).toMatchObject({
      school_id: second?.id,
      sys_name: 'cgxx-core-2',
      sys_up_time: 1,
      last_seen_at: T3,
    });
    const history = await db().selectFrom('device_history').selectAll().execute();
    expect(history.map((h) => [h.field, h.old_value, h.new_value])).toEqual([
      ['sys_name', before.sys_name, 'cgxx-core-2'],
    ]);
  });
});
