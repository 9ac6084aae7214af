import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../http/render-error.ts';
import { placeFactory } from '../../testing/factories.ts';
import type { TestApp } from '../../testing/test-app.ts';
import { createTestApp } from '../../testing/test-app.ts';
import type { ApplyPresetResult, CountyTargets, TargetPresets } from './schema.ts';

let api: TestApp;
beforeEach(async () => {
  api = await createTestApp();
});
afterEach(() => api.close());

const county = () => placeFactory(api.db.kysely, api.clock).county();
const apply = (countyId: number, preset: string) =>
  api.request<ApplyPresetResult>('POST', `/api/v1/counties/${countyId}/targets/apply-preset`, {
    json: { preset },
  });

describe('target presets', () => {
  it('lists the plans with their source sentences and units', async () => {
    const res = await api.request<TargetPresets>('GET', '/api/v1/target-presets');
    expect(res.status).toBe(200);
    expect(res.body.items.map((p) => p.key)).toEqual([
      'chengkou',
      'xingqing',
      'district-ipv6',
      'national-egress',
    ]);
    const xingqing = res.body.items.find((p) => p.key === 'xingqing');
    expect(xingqing?.targets.map((t) => [t.indicator, t.unit, t.sourceSentence])).toEqual([
      ['uplink_1000m', 'mbps', '学校上联端口1000M接入城域网'],
      ['has_wireless', 'fraction', '实现学校无线网全覆盖'],
    ]);
    expect((await api.request('GET', '/api/v1/target-presets', { token: null })).status).toBe(401);
  });

  it('applies a preset once: a second application changes and records nothing', async () => {
    const c = await county();
    const first = await apply(c.id, 'xingqing');
    expect(first.status).toBe(200);
    expect(first.body.items.map((i) => [i.action, i.target.indicator, i.target.preset])).toEqual([
      ['created', 'uplink_1000m', 'xingqing-uplink-1000m'],
      ['created', 'has_wireless', 'xingqing-has-wireless'],
    ]);
    expect(first.body.items[0]?.target).toMatchObject({
      countyId: c.id,
      document: '兴庆区“互联网+教育”三年发展规划(2019-2022年)',
      steps: [{ effectiveFrom: '2020-07-01', threshold: 1000 }],
    });
    const again = await apply(c.id, 'xingqing');
    expect(again.body.items.map((i) => i.action)).toEqual(['unchanged', 'unchanged']);
    const audit = await api.db.kysely.selectFrom('audit_log').select('action').execute();
    expect(audit.map((a) => a.action)).toEqual(['target.create', 'target.create']);
  });

  it('brings a changed target back to the preset, and applies one target by its own key', async () => {
    const c = await county();
    const [created] = (await apply(c.id, 'chengkou')).body.items;
    await api.request('PUT', `/api/v1/targets/${created?.target.id}/steps`, {
      json: { steps: [{ effectiveFrom: '2023-01-01', threshold: 0.5 }] },
    });
    const restored = await apply(c.id, 'chengkou');
    expect(restored.body.items[0]?.action).toBe('updated');
    expect(restored.body.items[0]?.target.steps.map((s) => s.threshold)).toEqual([0.6, 1]);

    const single = await apply(c.id, 'national-egress-100m');
    expect(single.body.preset).toBe('national-egress-100m');
    const list = await api.request<CountyTargets>('GET', `/api/v1/counties/${c.id}/targets`);
    expect(list.body.items.map((t) => t.indicator)).toEqual(['room_coverage', 'egress_100m']);
  });

  it('names an unknown preset and lists the known ones; 404 for an unknown county', async () => {
    const c = await county();
    const bad = await apply(c.id, 'atlantis');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { details: [{ path: 'preset' }] } });
    expect((bad.body as unknown as ErrorBody).error.details?.[0]?.message).toContain('chengkou');
    expect((await apply(9999, 'chengkou')).status).toBe(404);
  });
});
