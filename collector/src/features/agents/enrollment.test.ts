import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { placeFactory } from '../../testing/factories.ts';
import type { TestApp } from '../../testing/test-app.ts';
import { createTestApp } from '../../testing/test-app.ts';
import type { Agent, CreatedEnrollmentCode, EnrollmentCode, Enrollment } from './schema.ts';

let api: TestApp;
beforeEach(async () => {
  api = await createTestApp();
});
afterEach(() => api.close());

interface ErrorBody {
  error: { code: string; message: string; details?: { path: string; message: string }[] };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function county(schools = 1) {
  const places = placeFactory(api.db.kysely, api.clock);
  const c = await places.county();
  const town = await places.town(c.id);
  const list = [];
  for (let i = 0; i < schools; i++) list.push(await places.school(town.id));
  return { county: c, schools: list };
}

function issue(countyId: number, body: Record<string, unknown>) {
  return api.request<CreatedEnrollmentCode>(
    'POST',
    `/api/v1/counties/${countyId}/enrollment-codes`,
    { json: { label: '城关小学网关', ...body } },
  );
}

const enroll = (code: string, lang = 'en') =>
  api.request<Enrollment & ErrorBody>('POST', '/api/v1/enroll', {
    token: null,
    lang,
    json: { code, agentName: '城关小学', hostname: 'cgxx-gw' },
  });

describe('enrollment', () => {
  it('issues a code once, stores only its hash, and exchanges it for a token once', async () => {
    const { county: c, schools } = await county();
    const issued = await issue(c.id, { schoolIds: [schools[0]?.id] });
    expect(issued.status).toBe(201);
    expect(issued.body.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(issued.body).toMatchObject({ status: 'unused', usedAt: null, agentId: null });
    expect(issued.body.expiresAt).toBe('2026-03-08T00:00:00.000Z');

    const stored = await api.db.kysely.selectFrom('enrollment_codes').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(issued.body.code.replace(/-/g, ''));
    expect(stored[0]?.code_hash).toBe(sha256(issued.body.code.replace(/-/g, '')));

    // People type codes in lower case and without dashes.
    const res = await enroll(issued.body.code.toLowerCase().replace(/-/g, ' '));
    expect(res.status).toBe(201);
    expect(res.body.token).toMatch(/^xw_[A-Za-z0-9_-]{43}$/);
    expect(res.body.schools).toEqual([
      { id: schools[0]?.id, code: schools[0]?.code, name: schools[0]?.name },
    ]);
    const agent = await api.db.kysely.selectFrom('agents').selectAll().executeTakeFirstOrThrow();
    expect(agent).toMatchObject({ name: '城关小学', hostname: 'cgxx-gw', revoked_at: null });
    expect(agent.token_hash).toBe(sha256(res.body.token));
    expect(JSON.stringify(agent)).not.toContain(res.body.token);

    const codes = await api.request<{ items: EnrollmentCode[] }>(
      'GET',
      `/api/v1/counties/${c.id}/enrollment-codes`,
    );
    expect(codes.body.items).toEqual([
      expect.objectContaining({ status: 'used', agentId: res.body.agentId }),
    ]);
    expect(codes.body.items[0]).not.toHaveProperty('code');

    const again = await enroll(issued.body.code);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/already used .* ask the county administrator/);
    expect(again.body.error.details?.[0]?.path).toBe('code');
    expect(await api.db.kysely.selectFrom('agents').selectAll().execute()).toHaveLength(1);
  });

  it('gives a multi-school code to the county centre agent', async () => {
    const { county: c, schools } = await county(3);
    const issued = await issue(c.id, { schoolIds: schools.map((s) => s.id) });
    const res = await enroll(issued.body.code);
    expect(res.body.schools.map((s) => s.id).sort()).toEqual(schools.map((s) => s.id).sort());
    const links = await api.db.kysely.selectFrom('agent_schools').selectAll().execute();
    expect(links).toHaveLength(3);
  });

  it('refuses an expired code and lists it as expired', async () => {
    const { county: c, schools } = await county();
    const issued = await issue(c.id, { schoolIds: [schools[0]?.id], expiresInHours: 1 });
    api.clock.advance(61 * 60_000);
    const res = await enroll(issued.body.code);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('expired at 2026-03-01T01:00:00.000Z');
    const codes = await api.request<{ items: EnrollmentCode[] }>(
      'GET',
      `/api/v1/counties/${c.id}/enrollment-codes`,
    );
    expect(codes.body.items[0]?.status).toBe('expired');
  });

  it('answers a wrong code with 401 and a malformed one with 400 naming the field', async () => {
    const { county: c, schools } = await county();
    await issue(c.id, { schoolIds: [schools[0]?.id] });
    const wrong = await enroll('AAAA-BBBB-CCCC-DDDD');
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.message).toMatch(/not valid/);
    const malformed = await enroll('hello');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details?.map((d) => d.path)).toEqual(['code']);
    expect(malformed.body.error.details?.[0]?.message).toMatch(/16 letters and digits/);
  });

  it('accepts only schools of the county, naming each bad one', async () => {
    const home = await county(1);
    const other = await county(1);
    const res = await api.request<ErrorBody>(
      'POST',
      `/api/v1/counties/${home.county.id}/enrollment-codes`,
      {
        lang: 'en',
        json: { label: 'x', schoolIds: [home.schools[0]?.id, other.schools[0]?.id, 9999] },
      },
    );
    expect(res.status).toBe(400);
    expect(res.body.error.details?.map((d) => d.path)).toEqual(['schoolIds.1', 'schoolIds.2']);
    expect(res.body.error.details?.[0]?.message).toContain('another county');
    const none = await issue(home.county.id, { schoolIds: [] });
    expect(none.status).toBe(400);
    expect(await api.db.kysely.selectFrom('enrollment_codes').selectAll().execute()).toEqual([]);
    expect((await issue(9999, { schoolIds: [1] })).status).toBe(404);
  });

  it('needs the admin token to issue codes and list agents', async () => {
    const { county: c, schools } = await county();
    const res = await api.request('POST', `/api/v1/counties/${c.id}/enrollment-codes`, {
      token: null,
      json: { label: 'x', schoolIds: [schools[0]?.id] },
    });
    expect(res.status).toBe(401);
    expect((await api.request('GET', '/api/v1/agents', { token: 'xw_nope' })).status).toBe(401);
  });

  it('slows down guessing: a few attempts per minute per address, then 429', async () => {
    const limited = await createTestApp({ config: { enrollRatePerMinute: 3 } });
    try {
      const attempt = () =>
        limited.request('POST', '/api/v1/enroll', {
          token: null,
          json: { code: 'AAAA-BBBB-CCCC-DDDD' },
        });
      for (let i = 0; i < 3; i++) expect((await attempt()).status).toBe(401);
      const res = await attempt();
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('20');
      limited.clock.advance(20_000);
      expect((await attempt()).status).toBe(401);
    } finally {
      await limited.close();
    }
  });
});

describe('agents', () => {
  it('lists agents without tokens and revokes one', async () => {
    const { county: c, schools } = await county();
    const issued = await issue(c.id, { schoolIds: [schools[0]?.id] });
    const enrolled = await enroll(issued.body.code);
    const list = await api.request<{ items: Agent[] }>('GET', `/api/v1/agents?countyId=${c.id}`);
    expect(list.body.items).toEqual([
      {
        id: enrolled.body.agentId,
        countyId: c.id,
        name: '城关小学',
        schools: [{ id: schools[0]?.id, code: schools[0]?.code, name: schools[0]?.name }],
        createdAt: '2026-03-01T00:00:00.000Z',
        revokedAt: null,
        lastReportAt: null,
        agentVersion: null,
        hostname: 'cgxx-gw',
        tokenHint: enrolled.body.token.slice(0, 7),
      },
    ]);
    expect(JSON.stringify(list.body)).not.toContain(enrolled.body.token);

    const me = await api.request<Agent>('GET', '/api/v1/agents/me', { token: enrolled.body.token });
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(enrolled.body.agentId);
    expect((await api.request('GET', '/api/v1/agents/me')).status).toBe(401);

    api.clock.advance(1000);
    const revoked = await api.request<Agent>(
      'POST',
      `/api/v1/agents/${enrolled.body.agentId}/revoke`,
    );
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toBe('2026-03-01T00:00:01.000Z');
    api.clock.advance(1000);
    await api.request('POST', `/api/v1/agents/${enrolled.body.agentId}/revoke`);
    const again = await api.request<Agent>('GET', `/api/v1/agents/${enrolled.body.agentId}`);
    const meRevoked = await api.request('GET', '/api/v1/agents/me', { token: enrolled.body.token });
    expect(meRevoked.status).toBe(401);
    expect(again.body.revokedAt).toBe('2026-03-01T00:00:01.000Z');
    expect((await api.request('POST', '/api/v1/agents/999/revoke')).status).toBe(404);
    const audit = await api.db.kysely.selectFrom('audit_log').selectAll().orderBy('id').execute();
    expect(audit.map((a) => [a.actor, a.action, a.entity_id])).toEqual([
      ['admin-token', 'enrollment-code.create', issued.body.id],
      [`enrollment-code:${issued.body.id}`, 'agent.enroll', enrolled.body.agentId],
      ['admin-token', 'agent.revoke', enrolled.body.agentId],
    ]);
    expect(JSON.stringify(audit)).not.toContain(issued.body.code);
    expect(JSON.stringify(audit)).not.toContain(enrolled.body.token);
  });
});
