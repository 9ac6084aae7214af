import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/schema.ts';
import { fixedClock } from '../../testing/fixed-clock.ts';
import type { FixedClock } from '../../testing/fixed-clock.ts';
import type { TestDb } from '../../testing/test-db.ts';
import { createTestDb } from '../../testing/test-db.ts';
import { recomputeDay } from './recompute-day.ts';
import { pollTimes } from './testing/fixtures.ts';
import type { ComplianceWorld, WorldSchool } from './testing/compliance-world.ts';
import { complianceWorld } from './testing/compliance-world.ts';
import { resultOf, rollupOf } from './testing/read-results.ts';

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

const recompute = (day: string, on: Db = db.kysely) =>
  recomputeDay({ db: on, clock, input: { countyId: w.county.id, day } });

/** APs on the school's own switch, one per room, each online on `day` when asked. */
async function coverRooms(s: WorldSchool, online: readonly boolean[]) {
  for (const [i, room] of s.rooms.entries()) {
    const ap = await w.inventory.ap(s.sw, { name: `AP-${s.school.id}-${i}` });
    await w.c.assignRoom(ap.id, room.id);
    await w.c.apDay(ap.id, DAY, 10, online[i] === true ? 10 : 0);
  }
}

describe('recomputeDay rollups', () => {
  it('weights coverage by rooms, counts teaching points apart and in, and rolls up every town', async () => {
    const full = await w.school({ rooms: 2 });
    await coverRooms(full, [true, true]);
    const point = await w.school({ rooms: 1, kind: 'teaching_point' });
    await coverRooms(point, [false]);
    const townB = await w.places.town(w.county.id);
    const stalePoint = await w.school({ rooms: 3, kind: 'teaching_point', townId: townB.id });
    const emptyTown = await w.places.town(w.county.id);
    for (const s of [full, point]) await s.poll(DAY, ['23:55']);
    await stalePoint.poll('2026-11-20', ['10:00']);
    await w.c.target(w.county.id, 'room_coverage', [['2022-01-01', 1]]);

    expect(await recompute(DAY)).toEqual({ schools: 3, results: 21, rollups: 4 * 7 });
    expect(await rollupOf(db.kysely, 'county', w.county.id, DAY, 'room_coverage')).toMatchObject({
      numerator: 2, // the stale school's 3 rooms are not counted: its figure is unknown
      denominator: 3,
      value: 2 / 3,
      threshold: 1,
      schools: 3,
      schools_met: 1,
      schools_not_met: 1,
      schools_unknown: 1,
      teaching_points: 2,
      teaching_points_met: 0,
      teaching_points_not_met: 1,
      teaching_points_unknown: 1,
    });
    expect(await rollupOf(db.kysely, 'town', townB.id, DAY, 'room_coverage')).toMatchObject({
      numerator: null,
      value: null,
      schools: 1,
      schools_unknown: 1,
      teaching_points_unknown: 1,
    });
    expect(await rollupOf(db.kysely, 'town', emptyTown.id, DAY, 'room_coverage')).toMatchObject({
      schools: 0,
      value: null,
    });
    expect(await rollupOf(db.kysely, 'county', w.county.id, DAY, 'has_wireless')).toMatchObject({
      numerator: 1, // schools with wireless ÷ schools whose figure is known
      denominator: 2,
      threshold: null,
    });
  });

  it('reads the county in a fixed number of queries, whatever its number of schools', async () => {
    const count = async (schools: number) => {
      for (let i = 0; i < schools; i++) {
        const s = await w.school({ rooms: 2 });
        await coverRooms(s, [true, false]);
        await s.poll(DAY, pollTimes('08:02', '09:00'));
      }
      let selects = 0;
      const counting = db.kysely.withPlugin({
        transformQuery: (args) => {
          if (args.node.kind === 'SelectQueryNode') selects += 1;
          return args.node;
        },
        transformResult: (args) => Promise.resolve(args.result),
      });
      await recompute(DAY, counting);
      return selects;
    };
    const one = await count(1);
    const nine = await count(8);
    expect(one).toBeGreaterThan(10);
    expect(nine).toBe(one);
  });

  it('carries failing_since across not_met days and ends it on a met day', async () => {
    await w.c.target(w.county.id, 'uplink_1000m', [['2020-07-01', 1000]]);
    const a = await w.school();
    const hours = pollTimes('08:02', '17:00');
    const days = ['2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28'];
    await a.poll(days[0] ?? '', hours, () => ({ speedMbps: 100 }));
    // a port flapping: down at 9 of 108 polls (every 13th) ⇒ 99/108 < 95 %
    await a.poll(days[1] ?? '', hours, (_t, i) => (i % 13 === 0 ? { status: 'down' } : {}));
    // 3 polls down and a reboot at noon (rates dropped, samples go on) ⇒ 105/108 ≥ 95 %
    await a.poll(days[2] ?? '', hours, (t, i) =>
      i < 3
        ? { status: 'down' }
        : t === '12:02'
          ? { inBps: null, dropped: 'device-restarted' }
          : { inBps: 1e8, outBps: 1e7 },
    );
    await a.poll(days[3] ?? '', pollTimes('08:02', '10:00'), () => ({ speedMbps: 100 }));
    for (const day of days) await recompute(day);

    const got = await Promise.all(
      days.map((d) => resultOf(db.kysely, a.school.id, d, 'uplink_1000m')),
    );
    expect(got.map((r) => [r?.status, r?.numerator, r?.denominator, r?.failing_since])).toEqual([
      ['not_met', 0, 108, '2026-11-25'],
      ['not_met', 99, 108, '2026-11-25'],
      ['met', 105, 108, null],
      ['not_met', 0, 24, '2026-11-28'],
    ]);
    expect(got[2]?.details).toMatchObject({
      polls: { down: 3, pass: 105 },
      utilisation: { dropped: { 'device-restarted': 1 } },
    });
  });
});
