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
  agent = await enrollTestAgent(api);
});
afterEach(() => api.close());

const post = (report: Report, token = agent.token) =>
  api.request<IngestResult>('POST', '/api/v1/reports', { token, json: report });

const db = () => api.db.kysely;

/** The golden report polled at another time, as the next cycle would send it. */
function later(at: string, change: (d: DeviceResult) => DeviceResult = (d) => d): Report {
  const base = goldenReport();
  return {
    ...base,
    pollStartedAt: at,
    pollFinishedAt: at,
    devices: base.devices.map((d) => change({ ...d, meta: { ...d.meta, startedAt: at } })),
  };
}

const okDevice = (d: DeviceResult) => (d.outcome === 'ok' ? d : undefined);

describe('POST /api/v1/reports with the golden school report', () => {
  it('stores devices, interfaces, uplink samples, IPv6, LLDP, APs and daily rows', async () => {
    const report = goldenReport();
    const res = await post(report);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      accepted: true,
      reportId: report.reportId,
      duplicate: false,
      devices: { ok: 2, error: 1 },
      stored: { interfaces: 9, samples: 1, aps: 3 },
    });

    const devices = await db().selectFrom('devices').selectAll().orderBy('id').execute();
    expect(devices.map((d) => [d.target_name, d.school_id, d.last_outcome])).toEqual([
      ['core', agent.schools[0]?.id, 'ok'],
      ['ac', agent.schools[0]?.id, 'ok'],
      ['library switch', agent.schools[0]?.id, 'error'],
    ]);
    expect(devices[0]).toMatchObject({
      sys_name: 'cgxx-core',
      model: 'S5720-28X-PWR-SI-AC',
      serial: '2102351931P0K0000003',
      firmware: 'V200R011C10SPC600',
      vendor: 'Huawei',
      role: 'switch',
      first_seen_at: '2026-11-27T02:00:00.000Z',
      ipv6_forwarding: null,
      ipv6_default_routes: null,
    });
    expect(devices[2]).toMatchObject({ model: null, last_error_code: 'TIMEOUT', last_ok_at: null });

    const samples = await db()
      .selectFrom('interface_samples as s')
      .innerJoin('interfaces as i', 'i.id', 's.interface_id')
      .select(['i.if_alias', 's.in_octets', 's.out_octets', 's.sampled_at', 's.in_bps'])
      .execute();
    expect(samples).toEqual([
      {
        if_alias: '上联-县教育城域网',
        in_octets: '7570557477185503',
        out_octets: '1950607724022120',
        sampled_at: '2026-11-27T02:00:00.000Z',
        in_bps: null,
      },
    ]);
    expect(await db().selectFrom('interfaces').selectAll().execute()).toHaveLength(9);
    const ipv6 = await db().selectFrom('device_ipv6_addresses').selectAll().execute();
    expect(ipv6).toEqual([expect.objectContaining({ address: '2001:db8:3:1::1', if_index: 10 })]);
    const lldp = await db().selectFrom('lldp_neighbors').selectAll().execute();
    expect(lldp).toEqual([expect.objectContaining({ remote_sys_name: 'county-metro-core' })]);

    const aps = await db().selectFrom('aps').selectAll().orderBy('mac').execute();
    expect(aps.map((a) => [a.mac, a.name, a.online, a.clients])).toEqual([
      ['50:6f:77:a3:00:01', '城关小学-1F-101', 1, 15],
      ['50:6f:77:a3:00:02', '城关小学-1F-102', 1, 24],
      ['50:6f:77:a3:00:03', '城关小学-1F-103', 1, 8],
    ]);
    expect(aps[0]).toMatchObject({
      controller_device_id: devices[1]?.id,
      reported_by_agent_id: agent.agentId,
      last_online_at: '2026-11-27T02:00:00.000Z',
    });
    const apDaily = await db().selectFrom('ap_daily').selectAll().execute();
    expect(apDaily).toHaveLength(3);
    expect(apDaily[0]).toMatchObject({ day: '2026-11-27', samples: 1, online_samples: 1 });

    const daily = await db().selectFrom('interface_daily').selectAll().execute();
    expect(daily).toHaveLength(9);
    expect(new Set(daily.map((d) => d.day))).toEqual(new Set(['2026-11-27']));

    const stored = await db().selectFrom('reports').selectAll().executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ report_uuid: report.reportId, devices_ok: 2, devices_error: 1 });
    expect(JSON.parse(stored.host_probes ?? 'null')).toEqual(report.host);
    const row = await db().selectFrom('agents').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      last_report_uuid: report.reportId,
      last_report_at: '2026-03-01T00:00:00.000Z',
      agent_version: '0.1.0',
      hostname: 'cgxx-gateway',
    });
  });

  it('acknowledges a repeated report once and stores it once, even when sent at once', async () => {
    const report = goldenReport();
    const [a, b] = await Promise.all([post(report), post(report)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([a.body.duplicate, b.body.duplicate].sort()).toEqual([false, true]);
    const again = await post(report);
    expect(again.body).toMatchObject({ duplicate: true, devices: { ok: 2, error: 1 } });
    expect(await db().selectFrom('reports').selectAll().execute()).toHaveLength(1);
    expect(await db().selectFrom('interface_samples').selectAll().execute()).toHaveLength(1);
    const daily = await db().selectFrom('interface_daily').select('samples').execute();
    expect(daily.every((d) => d.samples === 1)).toBe(true);
  });

  it('appends inventory changes to device_history and keeps first_seen_at', async () => {
    await post(goldenReport());
    const upgraded = later('2026-11-28T02:00:00.000Z', (d) => {
      const ok = okDevice(d);
      if (ok?.target.name !== 'core' || ok.snapshot.entity === null) return d;
      const entity = { ...ok.snapshot.entity, firmware: 'V200R019C10SPC500' };
      return { ...ok, snapshot: { ...ok.snapshot, entity } };
    });
    expect((await post(upgraded)).status).toBe(200);
    const history = await db().selectFrom('device_history').selectAll().execute();
    expect(history).toEqual([
      expect.objectContaining({
        field: 'firmware',
        old_value: 'V200R011C10SPC600',
        new_value: 'V200R019C10SPC500',
        changed_at: '2026-11-28T02:00:00.000Z',
      }),
    ]);
    const core = await db()
      .selectFrom('devices')
      .selectAll()
      .where('target_name', '=', 'core')
      .executeTakeFirstOrThrow();
    expect(core).toMatchObject({
      firmware: 'V200R019C10SPC500',
      first_seen_at: '2026-11-27T02:00:00.000Z',
      last_seen_at: '2026-11-28T02:00:00.000Z',
    });
  });

  it('keeps the last good inventory when a device errors', async () => {
    await post(goldenReport());
    const down = later('2026-11-27T03:00:00.000Z', (d) =>
      d.target.name === 'core'
        ? {
            outcome: 'error',
            target: d.target,
            meta: d.meta,
            error: { code: 'UNREACHABLE', message: 'no route', retryable: true },
          }
        : d,
    );
    expect((await post(down)).body.devices).toEqual({ ok: 1, error: 2 });
    const core = await db()
      .selectFrom('devices')
      .selectAll()
      .where('target_name', '=', 'core')
      .executeTakeFirstOrThrow();
    expect(core).toMatchObject({
      last_outcome: 'error',
      last_error_code: 'UNREACHABLE',
      last_seen_at: '2026-11-27T03:00:00.000Z',
      last_ok_at: '2026-11-27T02:00:00.000Z',
      model: 'S5720-28X-PWR-SI-AC',
      serial: '2102351931P0K0000003',
      sys_name: 'cgxx-core',
    });
    expect(await db().selectFrom('device_history').selectAll().execute()).toEqual([]);
    expect(await db().selectFrom('lldp_neighbors').selectAll().execute()).toHaveLength(1);
  });

  it("counts a poll in the county's local day across midnight in Asia/Shanghai", async () => {
    await post(later('2026-11-27T15:59:00.000Z'));
    await post(later('2026-11-27T16:30:00.000Z'));
    const days = await db()
      .selectFrom('interface_daily')
      .select(['day', 'samples'])
      .where('interface_id', '=', 1)
      .orderBy('day')
      .execute();
    expect(days).toEqual([
      { day: '2026-11-27', samples: 1 },
      { day: '2026-11-28', samples: 1 },
    ]);
    const apDays = await db().selectFrom('ap_daily').select('day').distinct().execute();
    expect(apDays.map((d) => d.day).sort()).toEqual(['2026-11-27', '2026-11-28']);
  });
});
