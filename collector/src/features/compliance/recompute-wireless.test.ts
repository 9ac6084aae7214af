import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../testing/fixed-clock.ts';
import type { FixedClock } from '../../testing/fixed-clock.ts';
import type { TestDb } from '../../testing/test-db.ts';
import { createTestDb } from '../../testing/test-db.ts';
import { recomputeDay } from './recompute-day.ts';
import type { ComplianceWorld } from './testing/compliance-world.ts';
import { complianceWorld } from './testing/compliance-world.ts';
import { resultOf } from './testing/read-results.ts';

const DAY = '2026-11-27';
let db: TestDb;
let clock: FixedClock;
let w: ComplianceWorld;
beforeEach(async () => {
  db = await createTestDb();
  clock = fixedClock('2026-11-28T02:00:00.000Z');
  w = await complianceWorld(db.kysely, clock);
});
afterEach(() => db.close());

describe('recomputeDay wireless figures', () => {
  it('counts APs on the county AC for the school their group names, each AP once however many radio rows', async () => {
    const a = await w.school({ rooms: 3 });
    const b = await w.school({ rooms: 1 });
    for (const s of [a, b]) await s.poll(DAY, ['23:55']);
    const countyAgent = await w.inventory.agent(w.county.id, [a.school.id, b.school.id]);
    const ac = await w.inventory.device(
      { agentId: countyAgent.id, countyId: w.county.id, schoolId: null },
      { role: 'wlc', vendor: 'Huawei' },
    );
    await w.c.rule(w.county.id, 'group', 'GC-Teaching', a.school.id);
    await w.c.convention(w.county.id, '^GC-(?<room>\\d+)$');
    const ap = (name: string, serial: string) =>
      w.inventory.ap(ac, { name, serial, ap_group: 'gc-teaching' });
    const radios = [await ap('GC-101', 'SN-1'), await ap('GC-101', 'SN-1')];
    const offline = await ap('GC-102', 'SN-2');
    const oldOnline = await ap('GC-103', 'SN-3');
    const elsewhere = await w.inventory.ap(ac, { name: 'GC-101', ap_group: 'other' });
    for (const r of radios) await w.c.apDay(r.id, DAY, 10, 10);
    await w.c.apDay(offline.id, DAY, 10, 0);
    await w.c.apDay(oldOnline.id, '2026-11-21', 10, 3); // first day of the 7-day window
    await w.c.apDay(oldOnline.id, DAY, 10, 0);
    await w.c.apDay(elsewhere.id, DAY, 10, 10);

    await recomputeDay({ db: db.kysely, clock, input: { countyId: w.county.id, day: DAY } });
    expect(await resultOf(db.kysely, a.school.id, DAY, 'ap_online_ratio')).toMatchObject({
      numerator: 1,
      denominator: 3,
      details: { apsKnown: 3, apsOnlineToday: 1, apsOnlineInWindow: 2 },
    });
    expect(await resultOf(db.kysely, a.school.id, DAY, 'room_coverage')).toMatchObject({
      numerator: 2, // 101 today, 103 on the 21st; 102's AP never online
      denominator: 3,
    });
    expect(await resultOf(db.kysely, a.school.id, DAY, 'has_wireless')).toMatchObject({ value: 1 });
    // The unattributed AP counts for no school: b has no AP at all.
    expect(await resultOf(db.kysely, b.school.id, DAY, 'has_wireless')).toMatchObject({ value: 0 });
    expect(await resultOf(db.kysely, b.school.id, DAY, 'ap_online_ratio')).toMatchObject({
      status: 'unknown',
      unknown_reason: 'no_ap_data',
    });
  });

  it('lets an AP go out of the window: online on the 20th covers nothing on the 27th', async () => {
    const a = await w.school({ rooms: 1 });
    await a.poll(DAY, ['23:55']);
    const ap = await w.inventory.ap(a.sw, { name: 'AP' });
    const [room] = a.rooms;
    if (room !== undefined) await w.c.assignRoom(ap.id, room.id);
    await w.c.apDay(ap.id, '2026-11-20', 10, 10);
    await w.c.apDay(ap.id, DAY, 10, 0);
    await recomputeDay({ db: db.kysely, clock, input: { countyId: w.county.id, day: DAY } });
    expect(await resultOf(db.kysely, a.school.id, DAY, 'room_coverage')).toMatchObject({
      numerator: 0,
      denominator: 1,
    });
  });
});
