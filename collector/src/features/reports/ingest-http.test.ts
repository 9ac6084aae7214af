import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Listening } from '../../main.ts';
import { listen } from '../../main.ts';
import { enrollTestAgent, goldenReport } from '../../testing/agent-factory.ts';
import type { TestApp } from '../../testing/test-app.ts';
import { createTestApp } from '../../testing/test-app.ts';

let api: TestApp;
let server: Listening;
beforeEach(async () => {
  api = await createTestApp({ config: { enrollRatePerMinute: 2 } });
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
