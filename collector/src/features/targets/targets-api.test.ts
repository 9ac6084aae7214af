import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../http/render-error.ts';
import { placeFactory } from '../../testing/factories.ts';
import type { TestApp } from '../../testing/test-app.ts';
import { createTestApp } from '../../testing/test-app.ts';
import type { CountyTargets, Target } from './schema.ts';

let api: TestApp;
beforeEach(async () => {
  api = await createTestApp();
});
afterEach(() => api.close());

const county = () => placeFactory(api.db.kysely, api.clock).county();
const coverage = {
  indicator: 'room_coverage',
  document: '城口县教育事业发展“十四五”规划',
  sourceSentence: '到2022年,无线覆盖率达到60%,2025年达到100%。',
  steps: [
    { effectiveFrom: '2025-01-01', threshold: 1 },
    { effectiveFrom: '2022-01-01', threshold: 0.6, note: '到2022年' },
  ],
};

describe('targets API', () => {
  it('gives the step in force on each date, and today in the county by default', async () => {
    const c = await county();
    const created = await api.request<Target>('POST', `/api/v1/counties/${c.id}/targets`, {
      json: coverage,
    });
    expect(created.status).toBe(201);
    expect(created.body.steps.map((s) => s.effectiveFrom)).toEqual(['2022-01-01', '2025-01-01']);
    const inForce = async (query: string) => {
      const res = await api.request<CountyTargets>(
        'GET',
        `/api/v1/counties/${c.id}/targets${query}`,
      );
      return [res.body.date, res.body.items[0]?.inForce?.threshold ?? null];
    };
    expect(await inForce('?date=2021-12-31')).toEqual(['2021-12-31', null]);
    expect(await inForce('?date=2022-01-01')).toEqual(['2022-01-01', 0.6]);
    expect(await inForce('?date=2024-12-31')).toEqual(['2024-12-31', 0.6]);
    expect(await inForce('?date=2025-01-01')).toEqual(['2025-01-01', 1]);
    api.clock.set('2024-12-31T16:30:00Z'); // already 2025-01-01 in Asia/Shanghai
    expect(await inForce('')).toEqual(['2025-01-01', 1]);
    const bad = await api.request<ErrorBody>(
      'GET',
      `/api/v1/counties/${c.id}/targets?date=2025-02-30`,
    );
    expect(bad.body.error.details?.map((d) => d.path)).toEqual(['date']);
  });

  it('names every bad field of a new target in one answer', async () => {
    const c = await county();
    const res = await api.request<ErrorBody>('POST', `/api/v1/counties/${c.id}/targets`, {
      lang: 'en',
      json: {
        indicator: 'room_coverage',
        document: '',
        sourceSentence: 'x',
        steps: [
          { effectiveFrom: '2025-01-01', threshold: 1.5 },
          { effectiveFrom: '2025-01-01', threshold: 0.5 },
          { effectiveFrom: '2025-13-01', threshold: -0.1 },
          { effectiveFrom: '2026-01-01', threshold: 'high' },
        ],
      },
    });
    expect(res.status).toBe(400);
    const details = Object.fromEntries(
      (res.body.error.details ?? []).map((d) => [d.path, d.message]),
    );
    expect(Object.keys(details).sort()).toEqual([
      'document',
      'steps.0.threshold',
      'steps.1.effectiveFrom',
      'steps.2.effectiveFrom',
      'steps.2.threshold',
      'steps.3.threshold',
    ]);
    expect(details['steps.0.threshold']).toContain('fraction from 0 to 1');
    expect(details['steps.1.effectiveFrom']).toContain('same date');
    expect(details['steps.2.effectiveFrom']).toContain('YYYY-MM-DD');
    expect(details['steps.3.threshold']).toBe('Must be a number.');
  });

  it('refuses a body that is not an object with 400, not a 500 from the step checks', async () => {
    const c = await county();
    const created = await api.request<Target>('POST', `/api/v1/counties/${c.id}/targets`, {
      json: coverage,
    });
    for (const body of ['null', '[]', '"steps"', '7']) {
      const headers = { 'content-type': 'application/json' };
      const put = await api.request<ErrorBody>('PUT', `/api/v1/targets/${created.body.id}/steps`, {
        body,
        headers,
      });
      const post = await api.request<ErrorBody>('POST', `/api/v1/counties/${c.id}/targets`, {
        body,
        headers,
      });
      expect([put.status, post.status], body).toEqual([400, 400]);
      expect(put.body.error.details?.[0]?.path).toBe('');
    }
  });

  it('checks a new schedule against the unit of the stored indicator', async () => {
    const c = await county();
    const target = async (indicator: string, threshold: number) =>
      (
        await api.request<Target>('POST', `/api/v1/counties/${c.id}/targets`, {
          json: { ...coverage, indicator, steps: [{ effectiveFrom: '2020-01-01', threshold }] },
        })
      ).body;
    const put = async (id: number, thresholds: number[]) => {
      const steps = thresholds.map((threshold, i) => ({
        effectiveFrom: `202${i}-01-01`,
        threshold,
      }));
      const res = await api.request<ErrorBody>('PUT', `/api/v1/targets/${id}/steps`, {
        lang: 'en',
        json: { steps },
      });
      return (res.body.error.details ?? []).map((d) => `${d.path}: ${d.message}`);
    };
    const uplink = await target('uplink_1000m', 1000);
    expect(await put(uplink.id, [0, 100, -5, 1e6])).toEqual([
      expect.stringMatching(/^steps\.0\.threshold: .*Mbit\/s/),
      expect.stringMatching(/^steps\.2\.threshold: /),
      expect.stringMatching(/^steps\.3\.threshold: /),
    ]);
    const ipv6 = await target('ipv6', 4);
    expect(await put(ipv6.id, [4.5, 6, 0, 5])).toEqual([
      expect.stringMatching(/^steps\.0\.threshold: .*IPv6 level/),
      expect.stringMatching(/^steps\.1\.threshold: /),
    ]);
    expect(await put(ipv6.id, [])).toEqual([expect.stringMatching(/^steps: /)]);
  });

  it('refuses a second target for the same indicator, naming the field', async () => {
    const c = await county();
    const path = `/api/v1/counties/${c.id}/targets`;
    const first = await api.request<Target>('POST', path, { json: coverage });
    const second = await api.request<ErrorBody>('POST', path, { json: coverage });
    expect(second.status).toBe(409);
    expect(second.body.error.details?.[0]?.path).toBe('indicator');
    expect(second.body.error.message).toContain(`/api/v1/targets/${first.body.id}/steps`);
  });
});
