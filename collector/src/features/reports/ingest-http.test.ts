import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Listening } from '../../main.ts';
import { listen } from '../../main.ts';
import { enrollTestAgent, goldenReport } from '../../testing/agent-factory.ts';
import type { TestApp } from '../../testing/test-app.ts';
import { createTestApp } from '../../testing/test-app.ts';

let api: TestApp;
let server: Listening;
beforeEach(async () => {
  api = await createTestApp({ config: { enrollRatePerMinute: 2, maxReportBytes: 16 * 1024 } });
  server = await listen(api.app, { host: '127.0.0.1', port: 0 });
});
afterEach(async () => {
  await server.close();
  await api.close();
});

describe('ingest over real HTTP', () => {
  it('accepts a report posted to 127.0.0.1 with the agent token', async () => {
    const agent = await enrollTestAgent(api);
    const report = goldenReport();
    const res = await fetch(`${server.url}/api/v1/reports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${agent.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(report),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ reportId: report.reportId, duplicate: false });
    const rows = await api.db.kysely.selectFrom('interface_samples').selectAll().execute();
    expect(rows).toHaveLength(1);
  });

  it('caps the body by its Content-Length, or as it streams when chunked, and reads it straight', async () => {
    const agent = await enrollTestAgent(api);
    const send = (body: string, chunked = false) =>
      fetch(`${server.url}/api/v1/reports`, {
        method: 'POST',
        headers: { authorization: `Bearer ${agent.token}`, 'content-type': 'application/json' },
        // A stream has no length, so fetch sends it chunked.
        ...(chunked
          ? { body: new Blob([body]).stream(), duplex: 'half' as const }
          : { body: body }),
      });
    const report = goldenReport();
    const big = JSON.stringify({
      ...report,
      host: { ...report.host, tried: ['x'.repeat(20_000)] },
    });
    for (const chunked of [false, true]) {
      const res = await send(big, chunked);
      expect(res.status).toBe(413);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
        'PAYLOAD_TOO_LARGE',
      );
    }
    expect((await send(JSON.stringify(goldenReport()), true)).status).toBe(200);
    // As fetch's text() reads it: a leading byte-order mark is dropped.
    expect((await send(`\ufeff${JSON.stringify(goldenReport())}`)).status).toBe(200);
    expect((await send('{"schemaVersion": 1,')).status).toBe(400);
    expect(await api.db.kysely.selectFrom('reports').selectAll().execute()).toHaveLength(2);
  });

  it('limits enrollment attempts by the peer address', async () => {
    const attempt = () =>
      fetch(`${server.url}/api/v1/enroll`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: 'AAAA-BBBB-CCCC-DDDD' }),
      });
    expect((await attempt()).status).toBe(401);
    expect((await attempt()).status).toBe(401);
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('30');
  });
});
