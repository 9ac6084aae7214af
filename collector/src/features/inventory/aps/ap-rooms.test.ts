import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../../http/render-error.ts';
import { placeFactory } from '../../../testing/factories.ts';
import { inventoryFactory } from '../../../testing/inventory-factories.ts';
import type { TestApp } from '../../../testing/test-app.ts';
import { createTestApp } from '../../../testing/test-app.ts';
import type { ApView, RoomConvention } from './schema.ts';

let api: TestApp;
beforeEach(async () => {
  api = await createTestApp();
});
afterEach(() => api.close());

/** Two schools served by one agent, APs named school-floor-room, rooms 101 and 102 in school A. */
async function schoolsWithAps() {
  const places = placeFactory(api.db.kysely, api.clock);
  const inventory = inventoryFactory(api.db.kysely, api.clock);
  const county = await places.county();
  const town = await places.town(county.id);
  const a = await places.school(town.id);
  const b = await places.school(town.id);
  const r101 = await places.room(a.id, { name: '101' });
  const lab = await places.room(a.id, { name: '机房' });
  const roomOfB = await places.room(b.id, { name: '101' });
  const agent = await inventory.agent(county.id, [a.id, b.id]);
  const ac = await inventory.device({ agentId: agent.id, countyId: county.id, schoolId: null });
  const ap = (name: string) => inventory.ap(ac, { name });
  const aps = {
    in101: await ap('GC-1F-101'),
    in999: await ap('GC-9F-999'),
    odd: await ap('lobby'),
  };
  await api.request('POST', `/api/v1/counties/${county.id}/ap-rules`, {
    json: { kind: 'prefix', pattern: 'GC-', schoolId: a.id },
  });
  await api.request('POST', `/api/v1/counties/${county.id}/ap-rules`, {
    json: { kind: 'prefix', pattern: 'lobby', schoolId: a.id },
  });
  return { county, a, b, r101, lab, roomOfB, aps };
}

const CONVENTION = '^(?<school>[^-]+)-\\d+F-(?<room>\\d+)$';

describe('AP → room', () => {
  it('maps rooms by the county convention and says why when it cannot', async () => {
    const { county, a, r101 } = await schoolsWithAps();
    const conventionPath = `/api/v1/counties/${county.id}/ap-room-convention`;
    expect((await api.request<RoomConvention>('GET', conventionPath)).body.pattern).toBeNull();
    const put = await api.request<RoomConvention>('PUT', conventionPath, {
      json: { pattern: CONVENTION },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ pattern: CONVENTION, setBy: 'admin-token' });

    const aps = (await api.request<{ items: ApView[] }>('GET', `/api/v1/schools/${a.id}/aps`)).body
      .items;
    const byName: Record<string, ApView> = Object.fromEntries(aps.map((ap) => [ap.name ?? '', ap]));
    expect(byName['GC-1F-101']).toMatchObject({
      room: { id: r101.id, name: '101' },
      roomMapping: { how: 'name-convention', matched: '101', miss: null },
    });
    expect(byName['GC-9F-999']).toMatchObject({
      room: null,
      roomMapping: { how: null, matched: '999', miss: 'room-not-found' },
    });
    expect(byName['lobby']?.roomMapping.miss).toBe('name-no-match');

    const cleared = await api.request<RoomConvention>('PUT', conventionPath, {
      json: { pattern: null },
    });
    expect(cleared.body).toEqual({ countyId: county.id, pattern: null, setBy: null, setAt: null });
    const audit = await api.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('entity', '=', 'county')
      .execute();
    expect(audit).toEqual([
      { action: 'ap-room-convention.set', entity_id: county.id },
      { action: 'ap-room-convention.clear', entity_id: county.id },
    ]);
  });

  it('takes an explicit room of the AP’s school over the convention, and refuses another school’s', async () => {
    const { county, lab, roomOfB, aps } = await schoolsWithAps();
    await api.request('PUT', `/api/v1/counties/${county.id}/ap-room-convention`, {
      json: { pattern: CONVENTION },
    });
    const put = await api.request<ApView>('PUT', `/api/v1/aps/${aps.in101.id}/assignment`, {
      json: { roomId: lab.id },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      attribution: { how: 'rule:prefix' },
      room: { id: lab.id, name: '机房' },
      roomMapping: { how: 'explicit' },
    });

    const wrong = await api.request<ErrorBody>('PUT', `/api/v1/aps/${aps.in101.id}/assignment`, {
      json: { roomId: roomOfB.id },
      lang: 'en',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details?.map((d) => d.path)).toEqual(['roomId']);
    expect(wrong.body.error.details?.[0]?.message).toContain('belongs to another school');
    const stillLab = await api.request<ApView>('GET', `/api/v1/aps/${aps.in101.id}`);
    expect(stillLab.body.room?.id).toBe(lab.id);
  });

  it('accepts a room of the school given with it, moving the AP there', async () => {
    const { b, roomOfB, aps } = await schoolsWithAps();
    const put = await api.request<ApView>('PUT', `/api/v1/aps/${aps.odd.id}/assignment`, {
      json: { schoolId: b.id, roomId: roomOfB.id },
    });
    expect(put.body).toMatchObject({
      school: { id: b.id },
      attribution: { how: 'explicit' },
      room: { id: roomOfB.id },
      roomMapping: { how: 'explicit' },
    });
  });

  it.each([
    ['(?<room>\\d+', /regular expression/],
    ['^(?<school>[^-]+)-(\\d+)$', /named group "room"/],
    ['^(?<room>(\\d+)+)$', /repeats a group/],
    ['x'.repeat(201), /at most 200/],
  ])('rejects the convention %s, naming the field', async (pattern, message) => {
    const { county } = await schoolsWithAps();
    const res = await api.request<ErrorBody>(
      'PUT',
      `/api/v1/counties/${county.id}/ap-room-convention`,
      { json: { pattern }, lang: 'en' },
    );
    expect(res.status).toBe(400);
    expect(res.body.error.details?.map((d) => d.path)).toEqual(['pattern']);
    expect(res.body.error.details?.[0]?.message).toMatch(message);
  });
});
