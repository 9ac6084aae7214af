import { schoolAcWalk, schoolSwitchWalk, startSnmpResponder } from '@xiaowang/seeds';
import type { SnmpResponder } from '@xiaowang/seeds';
import { Secret } from '@xiaowang/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollDevices } from '../../agent/src/poll/poll-many.ts';
import { buildReport } from '../../agent/src/report/build-report.ts';
import { enrollTestAgent } from '../../collector/src/testing/agent-factory.ts';
import { createTestApp } from '../../collector/src/testing/test-app.ts';

const SCHOOL = { school: '城关小学', code: 'cgxx', seed: 42, ipv6: true, aps: 12 };

// One responder per device, so the switch and the AC have their own address:port.
let responders: SnmpResponder[] = [];
beforeAll(async () => {
  responders = [
    await startSnmpResponder({ devices: { switch: schoolSwitchWalk(SCHOOL) } }),
    await startSnmpResponder({ devices: { ac: schoolAcWalk(SCHOOL) } }),
  ];
});
afterAll(async () => {
  await Promise.all(responders.map((r) => r.close()));
});

describe('a simulated school, polled by the agent, ingested by the collector', () => {
  it('ends up as the school’s devices, uplink sample and APs in the database', async () => {
    const targets = responders.map((r, i) => ({
      name: i === 0 ? 'core switch' : 'wireless controller',
      host: r.host,
      port: r.port,
      credentials: { version: '2c' as const, community: new Secret(i === 0 ? 'switch' : 'ac') },
    }));
    const started = new Date();
    const devices = await pollDevices(targets, { timing: { timeoutMs: 500, retries: 0 } });
    const report = buildReport({
      devices,
      pollStartedAt: started,
      pollFinishedAt: new Date(),
      agentHostname: 'cgxx-gateway',
    });

    const api = await createTestApp();
    try {
      const agent = await enrollTestAgent(api);
      const res = await api.request('POST', '/api/v1/reports', {
        token: agent.token,
        json: report,
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ devices: { ok: 2, error: 0 }, stored: { aps: 12 } });

      const db = api.db.kysely;
      const stored = await db
        .selectFrom('devices')
        .select(['target_name', 'school_id', 'role', 'sys_name', 'last_outcome'])
        .where('school_id', '=', agent.schools[0]?.id ?? 0)
        .orderBy('id')
        .execute();
      expect(stored).toEqual([
        expect.objectContaining({ target_name: 'core switch', role: 'switch', last_outcome: 'ok' }),
        expect.objectContaining({ target_name: 'wireless controller', role: 'wlc' }),
      ]);
      const uplinkSamples = await db
        .selectFrom('interface_samples as s')
        .innerJoin('interfaces as i', 'i.id', 's.interface_id')
        .select(['i.if_alias', 's.in_octets'])
        .execute();
      expect(uplinkSamples.map((s) => s.if_alias)).toEqual(['上联-县教育城域网']);
      expect(uplinkSamples[0]?.in_octets).toMatch(/^\d+$/);
      const ipv6 = await db.selectFrom('device_ipv6_addresses').selectAll().execute();
      expect(ipv6).toHaveLength(1);
      const aps = await db.selectFrom('aps').select('name').execute();
      expect(aps).toHaveLength(12);
      expect(aps[0]?.name).toMatch(/^城关小学-1F-/);
    } finally {
      await api.close();
    }
  });
});
