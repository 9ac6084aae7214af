import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FixedClock } from '../../testing/fixed-clock.ts';
import { fixedClock } from '../../testing/fixed-clock.ts';
import type { TestDb } from '../../testing/test-db.ts';
import { createTestDb } from '../../testing/test-db.ts';
import { INDICATORS } from './indicators.ts';
import { recomputeDay } from './recompute-day.ts';
import { pollTimes, probesAt, shanghai } from './testing/fixtures.ts';
import type { ComplianceWorld } from './testing/compliance-world.ts';
import { complianceWorld } from './testing/compliance-world.ts';
import { resultOf, rollupOf } from './testing/read-results.ts';

const DAY = '2026-11-27';
const SCHOOL_HOURS = pollTimes('08:02', '17:00');
let db: TestDb;
let clock: FixedClock;
let w: ComplianceWorld;
beforeEach(async () => {
  db = await createTestDb();
  clock = fixedClock('2026-11-28T02:00:00.000Z'); // 10:00 on the 28th in Shanghai
  w = await complianceWorld(db.kysely, clock);
});
afterEach(() => db.close());

const recompute = (day: string, countyId = w.county.id) =>
  recomputeDay({ db: db.kysely, clock, input: { countyId, day } });
const snapshot = async () => ({
  results: await db.kysely
    .selectFrom('school_daily_results')
    .selectAll()
    .orderBy('school_id')
    .orderBy('day')
    .orderBy('indicator')
    .execute(),
  rollups: await db.kysely
    .selectFrom('rollup_daily_results')
    .selectAll()
    .orderBy('county_id')
    .orderBy('scope')
    .orderBy('scope_id')
    .orderBy('indicator')
    .execute(),
});

describe('recomputeDay', () => {
  it('stores every school × indicator and each town and county rollup, the same rows every time', async () => {
    const a = await w.school({ rooms: 2 });
    await a.poll(DAY, SCHOOL_HOURS);
    const other = await w.places.county();
    await w.places.school((await w.places.town(other.id)).id);
    expect(await recompute(DAY, other.id)).toEqual({ schools: 1, results: 7, rollups: 14 });

    expect(await recompute(DAY)).toEqual({ schools: 1, results: 7, rollups: 14 });
    const first = await snapshot();
    clock.advance(60_000); // a later run of a finished day computes the same figures
    expect(await recompute(DAY)).toEqual({ schools: 1, results: 7, rollups: 14 });
    const second = await snapshot();
    const strip = (rows: { computed_at: string }[]) =>
      rows.map(({ computed_at: _, ...rest }) => rest);
    expect(strip(second.results)).toEqual(strip(first.results));
    expect(strip(second.rollups)).toEqual(strip(first.rollups));
    expect(second.results.filter((r) => r.county_id === other.id)).toHaveLength(7);
  });

  it('rejects a day that does not exist', async () => {
    await expect(recompute('2026-02-30')).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('takes a local day from local midnight: a poll at 23:30Z on the 26th belongs to the 27th', async () => {
    await db.kysely
      .insertInto('compliance_settings')
      .values({
        county_id: w.county.id,
        coverage_window_days: 7,
        school_hours_start: '07:00',
        school_hours_end: '17:00',
        uplink_required_share: 0.95,
        late_window_minutes: 10,
        stale_window_hours: 24,
        ipv6_https_successes: 1,
        updated_by: 'test',
        updated_at: clock().toISOString(),
      })
      .execute();
    const a = await w.school();
    await w.c.report(a.agent.id, shanghai('2026-11-26', '23:55'));
    // 00:30 on the 27th is 16:30Z on the 26th: its probes are the 27th's, not the 26th's.
    await w.c.report(a.agent.id, '2026-11-26T16:30:00.000Z', {
      hostProbes: probesAt(4, '2026-11-26T16:30:00.000Z'),
    });
    await w.c.ipv6(a.sw.id, 1, '2001:db8::1');
    const [early] = await a.poll(DAY, ['07:30', '09:00', '23:30'], (t) => ({
      speedMbps: t === '09:00' ? 100 : 1000,
    }));
    expect(shanghai(DAY, '07:30')).toBe('2026-11-26T23:30:00.000Z');

    await recompute('2026-11-26');
    await recompute(DAY);
    expect(await resultOf(db.kysely, a.school.id, DAY, 'uplink_1000m')).toMatchObject({
      numerator: 1, // 07:30 at 1000M; 09:00 at 100M; 23:30 is after school hours
      denominator: 2,
      status: 'no_target',
      details: { firstPollAt: '2026-11-26T23:30:00.000Z' },
    });
    expect(await resultOf(db.kysely, a.school.id, '2026-11-26', 'uplink_1000m')).toMatchObject({
      status: 'unknown',
      unknown_reason: 'no_samples_in_school_hours',
    });
    expect(early).toBeDefined();
    expect(await resultOf(db.kysely, a.school.id, DAY, 'ipv6')).toMatchObject({ value: 4 });
    expect(await resultOf(db.kysely, a.school.id, '2026-11-26', 'ipv6')).toMatchObject({
      unknown_reason: 'no_probe_data',
    });
  });

  it('judges each day against the step in force that day, one taking effect today', async () => {
    const steps = await w.c.target(w.county.id, 'room_coverage', [
      ['2022-01-01', 0.6],
      [DAY, 1],
    ]);
    const a = await w.school({ rooms: 4 });
    for (const [i, room] of a.rooms.slice(0, 3).entries()) {
      const ap = await w.inventory.ap(a.sw, { name: `AP-${i}` });
      await w.c.assignRoom(ap.id, room.id);
      await w.c.apDay(ap.id, '2026-11-26', 12, 12);
      await w.c.apDay(ap.id, DAY, 12, 12);
    }
    await a.poll('2026-11-26', ['23:55']);
    await a.poll(DAY, ['23:55']);
    await recompute('2026-11-26');
    await recompute(DAY);

    expect(await resultOf(db.kysely, a.school.id, '2026-11-26', 'room_coverage')).toMatchObject({
      value: 0.75,
      numerator: 3,
      denominator: 4,
      threshold: 0.6,
      target_step_id: steps.stepIds[0],
      status: 'met',
      failing_since: null,
    });
    expect(await resultOf(db.kysely, a.school.id, DAY, 'room_coverage')).toMatchObject({
      value: 0.75,
      threshold: 1,
      target_step_id: steps.stepIds[1],
      status: 'not_met',
      failing_since: DAY,
    });
    expect(await rollupOf(db.kysely, 'county', w.county.id, DAY, 'room_coverage')).toMatchObject({
      threshold: 1,
      schools_not_met: 1,
    });
  });

  it('makes every figure of a stale or never-reporting school unknown, with the last report time', async () => {
    const stale = await w.school({ rooms: 2 });
    await stale.poll('2026-11-25', ['12:00']);
    const silent = await w.places.school(w.town.id);
    await recompute(DAY);
    for (const indicator of INDICATORS) {
      expect(await resultOf(db.kysely, stale.school.id, DAY, indicator)).toMatchObject({
        status: 'unknown',
        unknown_reason: 'stale',
        value: null,
        details: { freshness: 'stale', lastReportAt: shanghai('2026-11-25', '12:00') },
      });
      expect(await resultOf(db.kysely, silent.id, DAY, indicator)).toMatchObject({
        status: 'unknown',
        unknown_reason: 'never_reported',
        details: { lastReportAt: null },
      });
    }
  });

  it('gives no coverage figure without a room list, only the AP counts', async () => {
    const a = await w.school({ rooms: 0 });
    await a.poll(DAY, ['23:55']);
    const on = await w.inventory.ap(a.sw, { name: 'AP-1' });
    const off = await w.inventory.ap(a.sw, { name: 'AP-2' });
    await w.c.apDay(on.id, DAY, 10, 10);
    await w.c.apDay(off.id, DAY, 10, 0);
    await recompute(DAY);
    expect(await resultOf(db.kysely, a.school.id, DAY, 'room_coverage')).toMatchObject({
      status: 'unknown',
      unknown_reason: 'room_list_missing',
      value: null,
      numerator: null,
      denominator: null,
      details: { apsKnown: 2, apsOnlineToday: 1 },
    });
    expect(await resultOf(db.kysely, a.school.id, DAY, 'full_coverage')).toMatchObject({
      unknown_reason: 'room_list_missing',
    });
    expect(await resultOf(db.kysely, a.school.id, DAY, 'ap_online_ratio')).toMatchObject({
      numerator: 1,
      denominator: 2,
    });
  });
});
