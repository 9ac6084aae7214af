import type { Report } from '@xiaowang/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EnrolledAgent } from '../../testing/agent-factory.ts';
import { countAllRows, enrollTestAgent, goldenReport } from '../../testing/agent-factory.ts';
import type { TestApp, TestAppOptions } from '../../testing/test-app.ts';
import { createTestApp, TEST_ADMIN_TOKEN } from '../../testing/test-app.ts';

let api: TestApp;
let agent: EnrolledAgent;
async function setUp(options: TestAppOptions = {}) {
  await api?.close();
  api = await createTestApp(options);
  agent = await enrollTestAgent(api);
}
beforeEach(() => setUp());
afterEach(() => api.close());

interface ErrorBody {
  error: { code: string; message: string; details?: { path: string; message: string }[] };
}

const post = (body: unknown, o: { token?: string | null; raw?: boolean } = {}) =>
  api.request<ErrorBody>('POST', '/api/v1/reports', {
    token: o.token === undefined ? agent.token : o.token,
    lang: 'en',
    ...(o.raw === true
      ? { body: body as string, headers: { 'content-type': 'application/json' } }
      : { json: body }),
  });

function withSchool(report: Report, index: number, school: string): Report {
  const devices = report.devices.map((d, i) =>
    i === index ? { ...d, target: { ...d.target, school } } : d,
  );
  return { ...report, devices };
}

describe('POST /api/v1/reports refuses', () => {
  it('a device of another school with 403, writing nothing in any table', async () => {
    const other = await enrollTestAgent(api, { county: agent.county });
    const before = await countAllRows(api.db.kysely);
    const res = await post(withSchool(goldenReport(), 1, other.schools[0]?.code ?? ''));
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
    expect(res.body.error.message).toContain('nothing was stored');
    expect(res.body.error.details?.map((d) => d.path)).toEqual(['devices.1.target.school']);
    expect(res.body.error.details?.[0]?.message).toContain(
      `"${other.schools[0]?.code}" is not one of`,
    );
    expect(await countAllRows(api.db.kysely)).toEqual(before);
  });

  it('a malformed report with 400 naming every bad field', async () => {
    const report = goldenReport() as unknown as {
      devices: { snapshot: { interfaces: Record<string, unknown>[] } }[];
      pollStartedAt: unknown;
    };
    const port = report.devices[0]?.snapshot.interfaces[3];
    if (port !== undefined) port['inOctets'] = 12345;
    report.pollStartedAt = 'yesterday';
    const before = await countAllRows(api.db.kysely);
    const res = await post(report);
    expect(res.status).toBe(400);
    expect(res.body.error.details?.map((d) => d.path).sort()).toEqual([
      'devices.0.snapshot.interfaces.3.inOctets',
      'pollStartedAt',
    ]);
    expect(await countAllRows(api.db.kysely)).toEqual(before);
  });

  it('an unsupported schemaVersion with 400 saying to upgrade', async () => {
    const res = await post({ ...goldenReport(), schemaVersion: 2 });
    expect(res.status).toBe(400);
    expect(res.body.error.details?.map((d) => d.path)).toEqual(['schemaVersion']);
    expect(res.body.error.details?.[0]?.message).toMatch(/schemaVersion 2 .*Upgrade/);
  });

  it('a body that is not JSON with 400, and the same device twice with 400', async () => {
    expect((await post('{"schemaVersion": 1,', { raw: true })).status).toBe(400);
    const report = goldenReport();
    const twice = { ...report, devices: [...report.devices, ...report.devices.slice(0, 1)] };
    const res = await post(twice);
    expect(res.status).toBe(400);
    expect(res.body.error.details?.[0]?.path).toBe('devices.3.target');
  });

  it('a body over the report limit with 413', async () => {
    await setUp({ config: { maxReportBytes: 16 * 1024 } });
    const report = goldenReport();
    const res = await post({ ...report, host: { ...report.host, tried: ['x'.repeat(20_000)] } });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await post(goldenReport())).status).toBe(200);
  });

  it('an agent over its rate with 429 and Retry-After, per token', async () => {
    await setUp({ config: { reportRatePerMinute: 60, reportBurst: 2 } });
    expect((await post(goldenReport())).status).toBe(200);
    expect((await post(goldenReport())).status).toBe(200);
    const res = await post(goldenReport());
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(res.body.error.message).toMatch(/too often/);
    const other = await enrollTestAgent(api);
    expect((await post(goldenReport(), { token: other.token })).status).toBe(200);
    api.clock.advance(1000);
    expect((await post(goldenReport())).status).toBe(200);
  });

  it('missing, unknown, admin and revoked tokens with 401', async () => {
    expect((await post(goldenReport(), { token: null })).status).toBe(401);
    expect((await post(goldenReport(), { token: `xw_${'A'.repeat(43)}` })).status).toBe(401);
    expect((await post(goldenReport(), { token: TEST_ADMIN_TOKEN })).status).toBe(401);
    expect((await post(goldenReport())).status).toBe(200);
    await api.request('POST', `/api/v1/agents/${agent.agentId}/revoke`);
    const res = await post(goldenReport());
    expect(res.status).toBe(401);
    expect(res.body.error.message).toMatch(/revoked .* enroll the agent again/);
    expect(await api.db.kysely.selectFrom('reports').selectAll().execute()).toHaveLength(1);
  });

  it('a report id another agent already used with 409', async () => {
    const report = goldenReport();
    expect((await post(report)).status).toBe(200);
    const other = await enrollTestAgent(api);
    const res = await post(report, { token: other.token });
    expect(res.status).toBe(409);
    expect(res.body.error.details?.[0]?.path).toBe('reportId');
  });
});
