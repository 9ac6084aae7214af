import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../http/render-error.ts';
import { placeFactory } from '../../testing/factories.ts';
import type { TestApp } from '../../testing/test-app.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { DAY, EVIL_NAME, ledgerCounty } from './testing/ledger-county.ts';
import type { Ledger } from './schema.ts';

let api: TestApp;
beforeEach(async () => {
  api = await createTestApp();
});
afterEach(() => api.close());

const ledger = (query: string) => api.request<Ledger>('GET', `/api/v1/ledger?${query}`);

describe('GET /api/v1/ledger (JSON)', () => {
  it('lists, per target in force, the schools not met and unknown, with their places', async () => {
    const { county, evil, gecheng } = await ledgerCounty(api);
    const res = await ledger(`countyId=${county.id}&date=${DAY}`);
    expect(res.status).toBe(200);
    expect(res.body.county).toEqual({ id: county.id, name: '城口县' });
    expect(
      res.body.targets.map((t) => [t.indicator, t.step.threshold, t.schools, t.notMet, t.unknown]),
    ).toEqual([
      ['room_coverage', 1, 3, 1, 1],
      ['has_wireless', 1, 3, 0, 0],
      ['uplink_1000m', 1000, 1, 1, 0],
    ]);
    expect(res.body.targets[0]?.sourceSentence).toContain('“1+3彩云计划”');
    expect(res.body.rows.map((r) => [r.indicator, r.status, r.schoolCode])).toEqual([
      ['room_coverage', 'not_met', 'A001'],
      ['room_coverage', 'unknown', 'B002'],
      ['uplink_1000m', 'not_met', 'A001'],
    ]);
    expect(res.body.rows[0]).toEqual({
      indicator: 'room_coverage',
      status: 'not_met',
      townId: gecheng.id,
      town: '葛城街道',
      schoolId: evil.id,
      school: EVIL_NAME,
      schoolCode: 'A001',
      kind: 'complete_primary',
      value: 0.75,
      numerator: 3,
      denominator: 4,
      threshold: 1,
      unknownReason: null,
      failingSince: '2026-11-01',
      document: '城口县教育事业发展“十四五”规划',
    });
    expect(res.body.rows[1]).toMatchObject({ unknownReason: 'room_list_missing', value: null });
  });

  it('filters by indicator, town and status; a date before every step has no targets', async () => {
    const { county, bashan } = await ledgerCounty(api);
    const base = `countyId=${county.id}&date=${DAY}`;
    const codes = async (query: string) =>
      (await ledger(`${base}&${query}`)).body.rows.map((r) => `${r.indicator}:${r.schoolCode}`);
    expect(await codes('indicator=uplink_1000m')).toEqual(['uplink_1000m:A001']);
    expect(await codes(`townId=${bashan.id}`)).toEqual(['room_coverage:B002']);
    expect(await codes('status=not_met')).toEqual(['room_coverage:A001', 'uplink_1000m:A001']);
    expect(await codes('status=unknown')).toEqual(['room_coverage:B002']);
    const early = await ledger(`countyId=${county.id}&date=2019-06-01`);
    expect(early.body).toMatchObject({ targets: [], rows: [] });
  });

  it('names bad filters, and refuses a town of another county', async () => {
    const { county } = await ledgerCounty(api);
    const places = placeFactory(api.db.kysely, api.clock);
    const farTown = await places.town((await places.county()).id);
    const bad = await api.request<ErrorBody>(
      'GET',
      `/api/v1/ledger?countyId=${county.id}&date=27-11-2026&indicator=speed&format=pdf`,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.details?.map((d) => d.path).sort()).toEqual([
      'date',
      'format',
      'indicator',
    ]);
    const far = await api.request<ErrorBody>(
      'GET',
      `/api/v1/ledger?countyId=${county.id}&townId=${farTown.id}`,
    );
    expect(far.body.error.details?.map((d) => d.path)).toEqual(['townId']);
    expect((await ledger('countyId=9999')).status).toBe(404);
    expect((await api.request('GET', '/api/v1/ledger?countyId=1', { token: null })).status).toBe(
      401,
    );
  });
});
