import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../testing/test-app.ts';
import { createTestApp } from '../../../testing/test-app.ts';
import { recomputeDay } from '../recompute-day.ts';
import type { ComplianceWorld } from '../testing/compliance-world.ts';
import { complianceWorld } from '../testing/compliance-world.ts';
import type { CountyCompliance, SchoolCompliance, TownCompliance } from './schema.ts';

const DAY = '2026-11-27';
const BEFORE = '2026-11-26';
let api: TestApp;
let w: ComplianceWorld;
beforeEach(async () => {
  api = await createTestApp();
  api.clock.set('2026-11-28T02:00:00.000Z');
  w = await complianceWorld(api.db.kysely, api.clock);
});
afterEach(() => api.close());

/** A meets 100 % coverage; B reaches 2/4 → 3/4 rooms; the teaching point has gone silent. */
async function county() {
  const target = await w.c.target(w.county.id, 'room_coverage', [
    ['2022-01-01', 0.6],
    ['2025-01-01', 1],
  ]);
  const a = await w.school({ rooms: 2 });
  const b = await w.school({ rooms: 4 });
  const point = await w.school({ rooms: 1, kind: 'teaching_point' });
  for (const [s, onBefore, onDay] of [
    [a, 2, 2],
    [b, 2, 3],
  ] as const) {
    for (const [i, room] of s.rooms.entries()) {
      const ap = await w.inventory.ap(s.sw, { name: `AP-${s.school.id}-${i}` });
      await w.c.assignRoom(ap.id, room.id);
      await w.c.apDay(ap.id, BEFORE, 10, i < onBefore ? 10 : 0);
      await w.c.apDay(ap.id, DAY, 10, i < onDay ? 10 : 0);
    }
    await s.poll(BEFORE, ['23:55']);
    await s.poll(DAY, ['23:55']);
  }
  await point.poll('2026-11-20', ['09:00']);
  for (const day of [BEFORE, DAY]) {
    await recomputeDay({
      db: api.db.kysely,
      clock: api.clock,
      input: { countyId: w.county.id, day },
    });
  }
  return { target, a, b, point };
}

describe('compliance read API', () => {
  it('gives the county’s day: targets with their source, rollups with change, the schools to report', async () => {
    const { target, b, point } = await county();
    const res = await api.request<CountyCompliance>(
      'GET',
      `/api/v1/counties/${w.county.id}/compliance?date=${DAY}&indicator=room_coverage`,
    );
    expect(res.status).toBe(200);
    const coverage = res.body.indicators.find((i) => i.indicator === 'room_coverage');
    expect(coverage).toEqual({
      indicator: 'room_coverage',
      target: {
        targetId: target.id,
        stepId: target.stepIds[1],
        threshold: 1,
        effectiveFrom: '2025-01-01',
        document: '城口县教育事业发展“十四五”规划',
        sourceSentence: '到2022年，无线覆盖率达到60%，2025年达到100%。',
        note: null,
      },
      rollup: expect.objectContaining({
        numerator: 5,
        denominator: 6,
        threshold: 1,
        schools: 3,
        schoolsMet: 1,
        schoolsNotMet: 1,
        schoolsUnknown: 1,
        teachingPoints: 1,
        teachingPointsUnknown: 1,
      }) as unknown,
      previous: expect.objectContaining({ numerator: 4, denominator: 6 }) as unknown,
      change: {
        value: expect.closeTo(1 / 6) as unknown,
        schoolsMet: 0,
        schoolsNotMet: 0,
        schoolsUnknown: 0,
      },
    });
    expect(res.body.towns).toHaveLength(1);
    expect(
      res.body.towns[0]?.indicators.find((i) => i.indicator === 'room_coverage')?.rollup,
    ).toMatchObject({
      numerator: 5,
    });
    expect(res.body.settings).toMatchObject({ coverageWindowDays: 7, isDefault: true });
    expect(
      res.body.schools.map((s) => [s.schoolId, s.status, s.unknownReason, s.failingSince]),
    ).toEqual([
      [b.school.id, 'not_met', null, BEFORE],
      [point.school.id, 'unknown', 'stale', null],
    ]);
    expect(res.body.schools[0]).toMatchObject({
      value: 0.75,
      numerator: 3,
      denominator: 4,
      threshold: 1,
    });
    expect(res.body.schools[1]).toMatchObject({
      teachingPoint: true,
      lastReportAt: '2026-11-20T01:00:00.000Z',
    });
  });

  it('gives a town’s figures and every school’s results', async () => {
    const { a } = await county();
    const res = await api.request<TownCompliance>(
      'GET',
      `/api/v1/towns/${w.town.id}/compliance?date=${DAY}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.schools).toHaveLength(3);
    const ofA = res.body.schools.find((s) => s.schoolId === a.school.id);
    expect(ofA?.results).toHaveLength(7);
    expect(ofA?.results.find((r) => r.indicator === 'room_coverage')).toMatchObject({
      status: 'met',
      value: 1,
    });
    expect(
      res.body.indicators.find((i) => i.indicator === 'room_coverage')?.rollup?.numerator,
    ).toBe(5);
  });

  it('gives a school’s figures per indicator with their trend', async () => {
    const { b } = await county();
    const res = await api.request<SchoolCompliance>(
      'GET',
      `/api/v1/schools/${b.school.id}/compliance?date=${DAY}&days=7`,
    );
    expect(res.status).toBe(200);
    const coverage = res.body.indicators.find((i) => i.indicator === 'room_coverage');
    expect(coverage?.result).toMatchObject({
      status: 'not_met',
      value: 0.75,
      numerator: 3,
      denominator: 4,
      threshold: 1,
      failingSince: BEFORE,
      details: { teachingRooms: 4, coveredRooms: 3, freshness: 'fresh' },
    });
    expect(coverage?.trend).toEqual([
      { day: BEFORE, status: 'not_met', value: 0.5, numerator: 2, denominator: 4 },
      { day: DAY, status: 'not_met', value: 0.75, numerator: 3, denominator: 4 },
    ]);
    expect(res.body.indicators).toHaveLength(7);
  });

  it('defaults to the county’s today, and refuses a date that does not exist', async () => {
    await county();
    const today = await api.request<CountyCompliance>(
      'GET',
      `/api/v1/counties/${w.county.id}/compliance`,
    );
    expect(today.body.date).toBe('2026-11-28');
    expect(today.body.indicators.every((i) => i.rollup === null)).toBe(true);
    const bad = await api.request(
      'GET',
      `/api/v1/counties/${w.county.id}/compliance?date=2026-02-30`,
    );
    expect(bad.status).toBe(400);
    expect((await api.request('GET', `/api/v1/schools/999/compliance`)).status).toBe(404);
    expect(
      (await api.request('GET', `/api/v1/towns/${w.town.id}/compliance`, { token: null })).status,
    ).toBe(401);
  });
});
