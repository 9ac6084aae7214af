import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { complianceFactory } from '../../testing/compliance-factories.ts';
import { placeFactory } from '../../testing/factories.ts';
import type { TestApp } from '../../testing/test-app.ts';
import { createTestApp } from '../../testing/test-app.ts';
import type { Target, TargetHistory } from './schema.ts';

let api: TestApp;
beforeEach(async () => {
  api = await createTestApp();
});
afterEach(() => api.close());

async function chengkou() {
  const places = placeFactory(api.db.kysely, api.clock);
  const county = await places.county();
  const school = await places.school((await places.town(county.id)).id);
  const target = await api.request<Target>('POST', `/api/v1/counties/${county.id}/targets`, {
    json: {
      indicator: 'room_coverage',
      document: '城口县教育事业发展“十四五”规划',
      sourceSentence: '到2022年,无线覆盖率达到60%,2025年达到100%。',
      steps: [
        { effectiveFrom: '2022-01-01', threshold: 0.6 },
        { effectiveFrom: '2025-01-01', threshold: 1 },
      ],
    },
  });
  return { school, target: target.body };
}

describe('target history', () => {
  it('records who changed what and when, with the target before and after', async () => {
    const { target } = await chengkou();
    api.clock.set('2026-03-02T08:00:00.000Z');
    const steps = [{ effectiveFrom: '2022-01-01', threshold: 0.7 }];
    const put = await api.request<Target>('PUT', `/api/v1/targets/${target.id}/steps`, {
      json: { steps },
    });
    expect(put.body.steps).toEqual([expect.objectContaining({ threshold: 0.7, note: null })]);
    // The same schedule again is no change, so nothing is recorded.
    await api.request('PUT', `/api/v1/targets/${target.id}/steps`, { json: { steps } });
    api.clock.set('2026-03-03T08:00:00.000Z');
    expect((await api.request('DELETE', `/api/v1/targets/${target.id}`)).body).toEqual(put.body);

    const history = await api.request<TargetHistory>('GET', `/api/v1/targets/${target.id}/history`);
    expect(history.status).toBe(200);
    expect(history.body.items.map((h) => [h.action, h.actor, h.at])).toEqual([
      ['target.create', 'admin-token', '2026-03-01T00:00:00.000Z'],
      ['target.replace-steps', 'admin-token', '2026-03-02T08:00:00.000Z'],
      ['target.delete', 'admin-token', '2026-03-03T08:00:00.000Z'],
    ]);
    const [create, replace, remove] = history.body.items;
    expect(create?.before).toBeNull();
    expect(create?.after).toEqual(target);
    expect(replace?.before?.steps.map((s) => s.threshold)).toEqual([0.6, 1]);
    expect(replace?.after?.steps.map((s) => s.threshold)).toEqual([0.7]);
    expect(remove?.before).toEqual(put.body);
    expect(remove?.after).toBeNull();
    expect((await api.request('GET', '/api/v1/targets/9999/history')).status).toBe(404);
    expect((await api.request('DELETE', `/api/v1/targets/${target.id}`)).status).toBe(404);
  });

  it('keeps a kept step’s id, and unlinks results from a removed one, keeping their threshold', async () => {
    const { school, target } = await chengkou();
    const [step2022, step2025] = target.steps;
    const results = complianceFactory(api.db.kysely, api.clock);
    const day = { day: '2025-06-01', indicator: 'room_coverage' } as const;
    await results.result(school, day, { target_step_id: step2025?.id, threshold: 1 });

    const res = await api.request<Target>('PUT', `/api/v1/targets/${target.id}/steps`, {
      json: { steps: [{ effectiveFrom: '2022-01-01', threshold: 0.8 }] },
    });
    expect(res.status).toBe(200);
    expect(res.body.steps.map((s) => [s.id, s.threshold])).toEqual([[step2022?.id, 0.8]]);
    const stored = await api.db.kysely
      .selectFrom('school_daily_results')
      .select(['target_step_id', 'threshold'])
      .executeTakeFirst();
    expect(stored).toEqual({ target_step_id: null, threshold: 1 });

    expect((await api.request('DELETE', `/api/v1/targets/${target.id}`)).status).toBe(200);
    expect(await api.db.kysely.selectFrom('target_steps').selectAll().execute()).toEqual([]);
  });
});
