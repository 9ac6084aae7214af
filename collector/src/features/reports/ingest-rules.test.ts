import type { DeviceResult, Report } from '@xiaowang/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EnrolledAgent } from '../../testing/agent-factory.ts';
import { enrollTestAgent, goldenReport } from '../../testing/agent-factory.ts';
import type { TestApp } from '../../testing/test-app.ts';
import { createTestApp } from '../../testing/test-app.ts';
import type { IngestResult } from './schema.ts';

let api: TestApp;
beforeEach(async () => {
  api = await createTestApp();
});
afterEach(() => api.close());

const db = () => api.db.kysely;
const post = (agent: EnrolledAgent, report: Report) =>
  api.request<IngestResult>('POST', '/api/v1/reports', { token: agent.token, json: report });

type OkResult = Extract<DeviceResult, { outcome: 'ok' }>;

/** The golden report at another poll time, with the ok devices changed by `change`. */
function report(at: string, change: (d: OkResult) => DeviceResult = (d) => d): Report {
  const base = goldenReport();
  const devices = base.devices.map((d) => {
    const moved = { ...d, meta: { ...d.meta, startedAt: at } };
    return moved.outcome === 'ok' ? change(moved) : moved;
  });
  return { ...base, pollStartedAt: at, pollFinishedAt: at, devices };
}

const deviceNamed = (name: string) =>
  db().selectFrom('devices').selectAll().where('target_name', '=', name).executeTakeFirstOrThrow();

describe('ingest rules', () => {
  it('puts a multi-school agent’s devices at their schools, and uncoded ones at county level', async () => {
    const centre = await enrollTestAgent(api, { schools: 2 });
    const second = centre.schools[1]?.code ?? '';
    const res = await post(
      centre,
      report('2026-11-27T02:00:00.000Z', (d) =>
        d.target.name === 'core' ? { ...d, target: { ...d.target, school: second } } : d,
      ),
    );
    expect(res.status).toBe(200);
    expect((await deviceNamed('core')).school_id).toBe(centre.schools[1]?.id);
    expect((await deviceNamed('ac')).school_id).toBeNull();
    expect((await deviceNamed('library switch')).school_id).toBeNull();
  });

  it('samples designated uplinks as well as inferred ones, with the agent’s rates', async () => {
    const agent = await enrollTestAgent(api);
    await post(agent, report('2026-11-27T02:00:00.000Z'));
    const core = await deviceNamed('core');
    await db()
      .insertInto('uplink_designations')
      .values({
        school_id: agent.schools[0]?.id ?? 0,
        device_id: core.id,
        if_index: 6,
        designated_by: 'admin',
        designated_at: '2026-11-27T03:00:00.000Z',
      })
      .execute();
    const rates = [
      { ifIndex: 10, inBps: 5e8, outBps: 1e8, intervalS: 300, dropped: null },
      { ifIndex: 7, inBps: 2e6, outBps: 3e6, intervalS: 300, dropped: null },
      { ifIndex: 6, inBps: null, outBps: null, intervalS: null, dropped: 'counter-reset' as const },
    ];
    const res = await post(
      agent,
      report('2026-11-27T02:05:00.000Z', (d) => (d.target.name === 'core' ? { ...d, rates } : d)),
    );
    expect(res.body.stored.samples).toBe(2);
    const samples = await db()
      .selectFrom('interface_samples as s')
      .innerJoin('interfaces as i', 'i.id', 's.interface_id')
      .select(['i.if_index', 's.in_bps', 's.out_bps', 's.interval_s', 's.rate_dropped'])
      .where('s.sampled_at', '=', '2026-11-27T02:05:00.000Z')
      .orderBy('i.if_index')
      .execute();
    expect(samples).toEqual([
      { if_index: 6, in_bps: null, out_bps: null, interval_s: null, rate_dropped: 'counter-reset' },
      { if_index: 10, in_bps: 5e8, out_bps: 1e8, interval_s: 300, rate_dropped: null },
    ]);
    const daily = await db()
      .selectFrom('interface_daily as d')
      .innerJoin('interfaces as i', 'i.id', 'd.interface_id')
      .select(['i.if_index', 'd.samples', 'd.up_samples', 'd.max_in_bps', 'd.min_speed_mbps'])
      .where('i.device_id', '=', core.id)
      .where('i.if_index', 'in', [7, 8])
      .orderBy('i.if_index')
      .execute();
    expect(daily).toEqual([
      { if_index: 7, samples: 2, up_samples: 2, max_in_bps: 2e6, min_speed_mbps: 1000 },
      { if_index: 8, samples: 2, up_samples: 0, max_in_bps: null, min_speed_mbps: 1000 },
    ]);
  });

  it('keeps APs the controller no longer lists, with when they were last seen', async () => {
    const agent = await enrollTestAgent(api);
    await post(agent, report('2026-11-27T02:00:00.000Z'));
    const res = await post(
      agent,
      report('2026-11-27T02:05:00.000Z', (d) => {
        const first = d.snapshot.aps?.[0];
        if (first === undefined) return d;
        const aps = [{ ...first, mac: first.mac?.toUpperCase() ?? null, online: false }];
        return { ...d, snapshot: { ...d.snapshot, aps } };
      }),
    );
    expect(res.body.stored.aps).toBe(1);
    const aps = await db().selectFrom('aps').selectAll().orderBy('mac').execute();
    expect(aps.map((a) => [a.online, a.last_seen_at, a.last_online_at])).toEqual([
      [0, '2026-11-27T02:05:00.000Z', '2026-11-27T02:00:00.000Z'],
      [1, '2026-11-27T02:00:00.000Z', '2026-11-27T02:00:00.000Z'],
      [1, '2026-11-27T02:00:00.000Z', '2026-11-27T02:00:00.000Z'],
    ]);
    const day = await db().selectFrom('ap_daily').selectAll().where('ap_id', '=', 1).execute();
    expect(day).toEqual([{ ap_id: 1, day: '2026-11-27', samples: 2, online_samples: 1 }]);
  });

  it('stores nothing in aps for a controller that only gives counts', async () => {
    const agent = await enrollTestAgent(api);
    const res = await post(
      agent,
      report('2026-11-27T02:00:00.000Z', (d) => ({ ...d, snapshot: { ...d.snapshot, aps: null } })),
    );
    expect(res.body.stored.aps).toBe(0);
    expect(await db().selectFrom('aps').selectAll().execute()).toEqual([]);
  });

  it('lets a late report add samples but not roll back what a newer one stored', async () => {
    const agent = await enrollTestAgent(api);
    await post(agent, report('2026-11-27T03:00:00.000Z'));
    const late = report('2026-11-27T02:00:00.000Z', (d) => {
      if (d.snapshot.entity === null) return d;
      const entity = { ...d.snapshot.entity, firmware: 'OLD' };
      return { ...d, snapshot: { ...d.snapshot, entity, lldpNeighbors: [] } };
    });
    for (const d of late.devices) {
      if (d.outcome !== 'ok') continue;
      d.snapshot.aps = d.snapshot.aps?.map((ap) => ({ ...ap, name: 'OLD', online: false })) ?? null;
    }
    expect((await post(agent, late)).body.stored.samples).toBe(1);
    const core = await deviceNamed('core');
    expect(core).toMatchObject({
      firmware: 'V200R011C10SPC600',
      last_seen_at: '2026-11-27T03:00:00.000Z',
    });
    expect(await db().selectFrom('device_history').selectAll().execute()).toEqual([]);
    expect(await db().selectFrom('lldp_neighbors').selectAll().execute()).toHaveLength(1);
    expect(await db().selectFrom('interface_samples').selectAll().execute()).toHaveLength(2);
    const ap = await db()
      .selectFrom('aps')
      .selectAll()
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    expect(ap).toMatchObject({
      name: '城关小学-1F-101',
      online: 1,
      first_seen_at: '2026-11-27T02:00:00.000Z',
      last_seen_at: '2026-11-27T03:00:00.000Z',
      last_online_at: '2026-11-27T03:00:00.000Z',
    });
  });

  it('keeps the fields and lists of a part that failed to read', async () => {
    const agent = await enrollTestAgent(api);
    await post(agent, report('2026-11-27T02:00:00.000Z'));
    const partial = report('2026-11-27T02:05:00.000Z', (d) => ({
      ...d,
      snapshot: { ...d.snapshot, entity: null, ipv6: [], lldpNeighbors: [] },
      partErrors: (['entity', 'ipv6', 'lldp'] as const).map((part) => ({
        part,
        code: 'TIMEOUT' as const,
        message: 'stopped answering',
        retryable: true,
      })),
    }));
    expect((await post(agent, partial)).status).toBe(200);
    expect(await deviceNamed('core')).toMatchObject({ serial: '2102351931P0K0000003' });
    expect(await db().selectFrom('device_history').selectAll().execute()).toEqual([]);
    expect(await db().selectFrom('device_ipv6_addresses').selectAll().execute()).toHaveLength(1);
    expect(await db().selectFrom('lldp_neighbors').selectAll().execute()).toHaveLength(1);
  });
});
