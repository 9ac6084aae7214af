import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../testing/test-app.ts';
import { createTestApp } from '../../../testing/test-app.ts';
import { recomputeDay } from '../recompute-day.ts';
import { pollTimes, probesAt, shanghai } from '../testing/fixtures.ts';
import type { ComplianceWorld } from '../testing/compliance-world.ts';
import { complianceWorld } from '../testing/compliance-world.ts';
import type { Evidence } from './evidence-schema.ts';

const DAY = '2026-11-27';
let api: TestApp;
let w: ComplianceWorld;
beforeEach(async () => {
  api = await createTestApp();
  api.clock.set('2026-11-28T02:00:00.000Z');
  w = await complianceWorld(api.db.kysely, api.clock);
});
afterEach(() => api.close());

/** A school whose APs sit on the county AC, with a designated uplink carrying IPv6. */
async function school() {
  const a = await w.school({ rooms: 3 });
  await w.places.room(a.school.id, { name: '办公室', kind: 'office' });
  const reports = await a.poll(
    DAY,
    pollTimes('08:02', '08:30'),
    () => ({}),
    probesAt(4, shanghai(DAY, '08:02')),
  );
  await w.c.ipv6(a.sw.id, 1, '2001:db8::1');
  const countyAgent = await w.inventory.agent(w.county.id, [a.school.id]);
  const ac = await w.inventory.device(
    { agentId: countyAgent.id, countyId: w.county.id, schoolId: null },
    { vendor: 'Huawei', sys_name: 'CK-AC-01' },
  );
  await w.c.rule(w.county.id, 'group', 'GC', a.school.id);
  await w.c.convention(w.county.id, '^GC-(?<room>\\d+)$');
  const on = await w.inventory.ap(ac, { name: 'GC-101', ap_group: 'GC', serial: 'S1' });
  const off = await w.inventory.ap(ac, { name: 'GC-102', ap_group: 'GC', serial: 'S2' });
  await w.c.apDay(on.id, DAY, 10, 10);
  await w.c.apDay(off.id, DAY, 10, 0);
  await recomputeDay({
    db: api.db.kysely,
    clock: api.clock,
    input: { countyId: w.county.id, day: DAY },
  });
  return { a, ac, on, off, reports };
}

const evidence = (schoolId: number, indicator: string) =>
  api.request<Evidence>(
    'GET',
    `/api/v1/schools/${schoolId}/evidence?indicator=${indicator}&date=${DAY}`,
  );

describe('GET /schools/:id/evidence', () => {
  it('says why each teaching room is covered or not, with the APs, their controller and AP table', async () => {
    const { a, ac, on, off } = await school();
    const res = await evidence(a.school.id, 'room_coverage');
    expect(res.status).toBe(200);
    expect(res.body.stored).toMatchObject({ numerator: 1, denominator: 3, status: 'no_target' });
    expect(res.body.recomputed).toMatchObject({
      numerator: 1,
      denominator: 3,
      status: 'no_target',
    });
    expect(res.body.rooms.map((r) => [r.name, r.covered, r.why])).toEqual([
      ['101', true, 'covered'],
      ['102', false, 'aps-offline'],
      ['103', false, 'no-ap'],
    ]);
    expect(res.body.rooms[0]).toMatchObject({ apIds: [on.id], lastOnlineDay: DAY });
    expect(res.body.aps.find((x) => x.apId === off.id)).toMatchObject({
      attributedBy: 'rule:group',
      roomBy: 'name-convention',
      controllerDeviceId: ac.id,
      windowOnlineSamples: 0,
    });
    expect(res.body.devices).toEqual([
      expect.objectContaining({ id: ac.id, name: 'CK-AC-01', why: 'ap-controller' }),
    ]);
    expect(res.body.oids).toEqual([
      { name: 'HUAWEI-WLAN-AP-MIB::hwWlanApTable', oid: '1.3.6.1.4.1.2011.6.139.13.3.3.1' },
    ]);
    expect(res.body.reports[0]).toMatchObject({ why: 'latest', agentId: a.agent.id });
  });

  it('lists the uplink port with how it was found, its samples’ reports and the IF-MIB OIDs', async () => {
    const { a, reports } = await school();
    const res = await evidence(a.school.id, 'uplink_1000m');
    expect(res.body.recomputed).toMatchObject({ numerator: 6, denominator: 6 });
    expect(res.body.interfaces).toEqual([
      expect.objectContaining({
        deviceId: a.sw.id,
        ifIndex: 1,
        ifName: 'GE0/0/1',
        how: 'designated',
        samples: 6,
      }),
    ]);
    const oids = res.body.interfaces[0]?.oids.map((o) => o.oid);
    expect(oids).toEqual(
      expect.arrayContaining([
        '1.3.6.1.2.1.31.1.1.1.15.1',
        '1.3.6.1.2.1.2.2.1.8.1',
        '1.3.6.1.2.1.2.2.1.5.1',
      ]),
    );
    expect(res.body.reports.filter((r) => r.why === 'samples').map((r) => r.id)).toEqual(reports);
    expect(res.body.devices).toEqual([expect.objectContaining({ id: a.sw.id, why: 'uplink' })]);
  });

  it('shows the IPv6 level with the uplink address, the probe report and the IP-MIB table', async () => {
    const { a, reports } = await school();
    const res = await evidence(a.school.id, 'ipv6');
    expect(res.body.recomputed).toMatchObject({
      value: 4,
      details: { level: 4, level5: 'no school site set' },
    });
    expect(res.body.interfaces[0]?.globalIpv6).toEqual(['2001:db8::1']);
    expect(res.body.reports.map((r) => r.why)).toEqual(['latest', 'probes']);
    expect(res.body.reports[1]?.id).toBe(reports.at(-1));
    expect(res.body.oids.map((o) => o.oid)).toContain('1.3.6.1.2.1.4.34.1');
    expect(res.body.notes).toEqual(['compliance.ipv6.level5NeedsSite']);
  });

  it('refuses an unknown indicator or school', async () => {
    const { a } = await school();
    expect((await evidence(a.school.id, 'speed')).status).toBe(400);
    expect((await evidence(999, 'ipv6')).status).toBe(404);
    const noIndicator = await api.request('GET', `/api/v1/schools/${a.school.id}/evidence`);
    expect(noIndicator.status).toBe(400);
  });
});
