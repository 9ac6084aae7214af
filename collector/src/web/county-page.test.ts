import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recomputeDay } from '../features/compliance/recompute-day.ts';
import { buildScenarioCounty } from '../features/compliance/scenario/scenario-county.ts';
import type { ScenarioCounty } from '../features/compliance/scenario/scenario-county.ts';
import { localAt } from '../features/compliance/scenario/scenario-time.ts';
import { fixedClock } from '../testing/fixed-clock.ts';
import type { TestApp } from '../testing/test-app.ts';
import { createTestApp } from '../testing/test-app.ts';
import { signIn, userFactory } from '../testing/user-factory.ts';

/*
 * The county page keeps its rendered figures between requests; anything that changes them
 * (a recompute, a renamed school) must show on the very next request.
 */

const DAY = '2026-11-27';
let api: TestApp;
let scenario: ScenarioCounty;
let cookie: string;

beforeEach(async () => {
  api = await createTestApp();
  scenario = await buildScenarioCounty(api.db.kysely, fixedClock('2026-11-01T00:00:00.000Z'));
  await recomputeDay({
    db: api.db.kysely,
    clock: fixedClock(localAt('2026-11-28', '00:10')),
    input: { countyId: scenario.countyId, day: DAY },
  });
  const user = await userFactory(api.db.kysely, api.clock)('county_viewer', scenario.countyId);
  cookie = (await signIn(api, user.username)).cookie;
});
afterEach(() => api.close());

async function page(): Promise<string> {
  const res = await api.app.request(`/counties/${scenario.countyId}?date=${DAY}`, {
    headers: { cookie, 'accept-language': 'en' },
  });
  expect(res.status).toBe(200);
  return res.text();
}

describe('the county page', () => {
  it('shows a renamed town on the next request, though the figures are kept', async () => {
    const before = await page();
    expect(await page()).toBe(before);
    await api.db.kysely
      .updateTable('towns')
      .set({ name: '改名后的镇', updated_at: '2026-11-28T03:00:00.000Z' })
      .where('id', '=', scenario.townIds.A)
      .execute();
    const after = await page();
    expect(after).not.toBe(before);
    expect(after).toContain('改名后的镇');
  });

  it('shows a recompute on the next request', async () => {
    const before = await page();
    await api.db.kysely
      .updateTable('rollup_daily_results')
      .set({ value: 0.123456, computed_at: '2026-11-28T05:00:00.000Z' })
      .where('county_id', '=', scenario.countyId)
      .where('scope', '=', 'county')
      .where('day', '=', DAY)
      .where('indicator', '=', 'room_coverage')
      .execute();
    const after = await page();
    expect(after).not.toBe(before);
    expect(after).toContain('12.3%');
  });
});
