import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/test-app.ts';
import { createTestApp } from '../../testing/test-app.ts';
import type { County, Room, School, Town } from './schema.ts';

let api: TestApp;
beforeEach(async () => {
  api = await createTestApp();
});
afterEach(() => api.close());

async function seed() {
  const county = (
    await api.request<County>('POST', '/api/v1/counties', { json: { name: '城口县' } })
  ).body;
  const town = (
    await api.request<Town>('POST', '/api/v1/towns', {
      json: { countyId: county.id, name: '葛城街道' },
    })
  ).body;
  const school = (
    await api.request<School>('POST', '/api/v1/schools', {
      json: {
        townId: town.id,
        name: '城口县第一小学',
        code: '5002290001',
        kind: 'central',
        contractedEgressMbps: 500,
      },
    })
  ).body;
  return { county, town, school };
}

describe('places API', () => {
  it('creates a county with the default time zone and timestamps from the clock', async () => {
    const res = await api.request('POST', '/api/v1/counties', { json: { name: ' 城口县 ' } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: 1,
      name: '城口县',
      timezone: 'Asia/Shanghai',
      createdAt: '2026-03-01T00:00:00.000Z',
      updatedAt: '2026-03-01T00:00:00.000Z',
    });
  });

  it('creates, reads, lists and changes towns, schools and rooms', async () => {
    const { county, town, school } = await seed();
    expect(school).toMatchObject({
      countyId: county.id,
      townId: town.id,
      kind: 'central',
      isTeachingPoint: false,
    });

    const room = await api.request<Room>('POST', '/api/v1/rooms', {
      json: { schoolId: school.id, name: '一年级一班' },
    });
    expect(room.status).toBe(201);
    expect(room.body).toMatchObject({ kind: 'ordinary_classroom', isTeachingRoom: true });

    expect((await api.request('GET', `/api/v1/schools/${school.id}`)).body).toEqual(school);
    expect((await api.request('GET', `/api/v1/towns?countyId=${county.id}`)).body).toEqual({
      items: [town],
    });

    api.clock.advance(60_000);
    const office = await api.request<Room>('PATCH', `/api/v1/rooms/${room.body.id}`, {
      json: { kind: 'office' },
    });
    expect(office.body).toMatchObject({
      name: '一年级一班',
      kind: 'office',
      isTeachingRoom: false,
    });
    expect(office.body.updatedAt).toBe('2026-03-01T00:01:00.000Z');
    expect(office.body.createdAt).toBe('2026-03-01T00:00:00.000Z');
  });

  it('filters schools by county, town and kind', async () => {
    const { county, town } = await seed();
    const other = (
      await api.request<Town>('POST', '/api/v1/towns', {
        json: { countyId: county.id, name: '修齐镇' },
      })
    ).body;
    await api.request('POST', '/api/v1/schools', {
      json: { townId: other.id, name: '东安教学点', code: '5002290002', kind: 'teaching_point' },
    });
    const byTown = await api.request<{ items: School[] }>(
      'GET',
      `/api/v1/schools?townId=${town.id}`,
    );
    expect(byTown.body.items.map((s) => s.name)).toEqual(['城口县第一小学']);
    const points = await api.request<{ items: School[] }>(
      'GET',
      `/api/v1/schools?countyId=${county.id}&kind=teaching_point`,
    );
    expect(points.body.items).toEqual([
      expect.objectContaining({ name: '东安教学点', isTeachingPoint: true }),
    ]);
  });

  it('moves a school to another town of the same county, not to another county', async () => {
    const { county, school } = await seed();
    const next = (
      await api.request<Town>('POST', '/api/v1/towns', {
        json: { countyId: county.id, name: '修齐镇' },
      })
    ).body;
    const moved = await api.request<School>('PATCH', `/api/v1/schools/${school.id}`, {
      json: { townId: next.id },
    });
    expect(moved.body.townId).toBe(next.id);

    const elsewhere = (
      await api.request<County>('POST', '/api/v1/counties', { json: { name: '巫溪县' } })
    ).body;
    const far = (
      await api.request<Town>('POST', '/api/v1/towns', {
        json: { countyId: elsewhere.id, name: '城厢镇' },
      })
    ).body;
    const refused = await api.request('PATCH', `/api/v1/schools/${school.id}`, {
      json: { townId: far.id },
      lang: 'en',
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error: { details: [{ path: 'townId' }] } });
  });

  it('clears a contracted bandwidth with null and keeps it when the field is left out', async () => {
    const { school } = await seed();
    const renamed = await api.request<School>('PATCH', `/api/v1/schools/${school.id}`, {
      json: { name: '城口一小' },
    });
    expect(renamed.body.contractedEgressMbps).toBe(500);
    const cleared = await api.request<School>('PATCH', `/api/v1/schools/${school.id}`, {
      json: { contractedEgressMbps: null },
    });
    expect(cleared.body.contractedEgressMbps).toBeNull();
  });
});
