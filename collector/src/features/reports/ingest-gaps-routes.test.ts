import type { DeviceResult, Report } from '@xiaowang/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enrollTestAgent, goldenReport } from '../../testing/agent-factory.ts';
import type { TestApp } from '../../testing/test-app.ts';
import { createTestApp } from '../../testing/test-app.ts';

let api: TestApp;
beforeEach(async () => {
  api = await createTestApp();
});
afterEach(() => api.close());

type OkResult = Extract<DeviceResult, { outcome: 'ok' }>;

const gap = {
  id: 'max-age:1-40',
  reason: 'max-age' as const,
  count: 40,
  firstReportId: 'aaaaaaaa-0000-4000-8000-000000000001',
  lastReportId: 'aaaaaaaa-0000-4000-8000-000000000040',
  firstSpooledAt: '2026-10-01T00:00:00.000Z',
  lastSpooledAt: '2026-10-01T03:15:00.000Z',
  droppedAt: '2026-11-15T00:00:00.000Z',
};

/** The golden report with the core switch's IPv6 default route and an LLDP address added. */
function withRouteAndAddress(base: Report): Report {
  const devices = base.devices.map((d): DeviceResult => {
    if (d.outcome !== 'ok' || d.target.name !== 'core') return d;
    const ok: OkResult = d;
    const lldp = ok.snapshot.lldpNeighbors.map((n) => ({
      ...n,
      remoteSysName: 'edge-7',
      remoteManagementAddress: '10.20.0.1',
    }));
    return {
      ...ok,
      snapshot: {
        ...ok.snapshot,
        lldpNeighbors: lldp,
        ipv6DefaultRoutes: [{ nextHop: 'fe80::1', ifIndex: 7, routeType: 'remote', protocol: 2 }],
      },
    };
  });
  return { ...base, devices };
}

describe('ingest of gaps, default routes and LLDP addresses', () => {
  it('records a spool gap once, however often it is resent', async () => {
    const agent = await enrollTestAgent(api);
    const first = { ...goldenReport(), spoolGaps: [gap] };
    const second = {
      ...goldenReport(),
      reportId: 'bbbbbbbb-0000-4000-8000-000000000002',
      spoolGaps: [gap],
    };
    for (const r of [first, second]) {
      expect(
        (await api.request('POST', '/api/v1/reports', { token: agent.token, json: r })).status,
      ).toBe(200);
    }
    const rows = await api.db.kysely.selectFrom('report_gaps').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ gap_key: 'max-age:1-40', count: 40, reason: 'max-age' });
  });

  it('stores the IPv6 default route port and infers the uplink from it', async () => {
    const agent = await enrollTestAgent(api);
    const report = withRouteAndAddress(goldenReport());
    expect(
      (await api.request('POST', '/api/v1/reports', { token: agent.token, json: report })).status,
    ).toBe(200);
    const routes = await api.db.kysely
      .selectFrom('device_ipv6_default_routes')
      .selectAll()
      .execute();
    expect(routes).toEqual([
      expect.objectContaining({ if_index: 7, next_hop: 'fe80::1', route_type: 'remote' }),
    ]);
    const lldp = await api.db.kysely
      .selectFrom('lldp_neighbors')
      .select('remote_management_address')
      .execute();
    expect(lldp.map((n) => n.remote_management_address)).toContain('10.20.0.1');
    const schoolId = agent.schools[0]?.id ?? 0;
    const uplinks = await api.request<{ uplinks: { ifIndex: number; how: string }[] }>(
      'GET',
      `/api/v1/schools/${schoolId}/uplinks`,
    );
    expect(uplinks.body.uplinks.map((u) => [u.ifIndex, u.how])).toContainEqual([
      7,
      'default-route',
    ]);
  });

  it('keeps the stored inventory when a report skipped it on purpose', async () => {
    const agent = await enrollTestAgent(api);
    const first = goldenReport();
    await api.request('POST', '/api/v1/reports', { token: agent.token, json: first });
    const later: Report = {
      ...goldenReport(),
      reportId: 'cccccccc-0000-4000-8000-000000000003',
      pollStartedAt: '2026-11-27T03:00:00.000Z',
      pollFinishedAt: '2026-11-27T03:00:01.000Z',
      devices: first.devices.map((d) =>
        d.outcome === 'ok'
          ? {
              ...d,
              meta: { ...d.meta, startedAt: '2026-11-27T03:00:00.000Z' },
              skipped: ['entity' as const],
              snapshot: { ...d.snapshot, entity: null },
            }
          : d,
      ),
    };
    expect(
      (await api.request('POST', '/api/v1/reports', { token: agent.token, json: later })).status,
    ).toBe(200);
    const core = await api.db.kysely
      .selectFrom('devices')
      .selectAll()
      .where('target_name', '=', 'core')
      .executeTakeFirstOrThrow();
    expect(core.serial).not.toBeNull();
    expect(core.model).not.toBeNull();
    expect(core.last_seen_at).toBe('2026-11-27T03:00:00.000Z');
    const history = await api.db.kysely.selectFrom('device_history').selectAll().execute();
    expect(history.filter((h) => h.field === 'serial' && h.new_value === null)).toEqual([]);
  });
});
