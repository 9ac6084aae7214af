import { schoolSwitchWalk, startSnmpResponder } from '@xiaowang/seeds';
import { describe, expect, it } from 'vitest';
import { Secret } from '@xiaowang/shared';
import { pollDevices } from './poll-many.ts';

describe('pollDevices', () => {
  it('bounds concurrency and lets a slow device delay only itself', async () => {
    const walk = schoolSwitchWalk({ school: '河西村小', code: 'hxcx', seed: 7, accessPorts: 8 });
    const responder = await startSnmpResponder({
      devices: { a: walk, b: walk, c: walk, slow: walk },
    });
    try {
      responder.device('slow')?.setFaults({ silentAfterRequests: 0 });
      const targets = ['slow', 'a', 'b', 'c'].map((community) => ({
        name: community,
        host: responder.host,
        port: responder.port,
        credentials: { version: '2c' as const, community: new Secret(community) },
      }));
      const started = Date.now();
      const results = await pollDevices(targets, {
        concurrency: 2,
        timing: { timeoutMs: 400, retries: 0 },
      });
      expect(results.map((r) => r.target.name)).toEqual(['slow', 'a', 'b', 'c']);
      expect(results.map((r) => r.outcome)).toEqual(['error', 'ok', 'ok', 'ok']);
      // The three healthy devices finished while the silent one waited out its timeout.
      expect(Date.now() - started).toBeLessThan(1500);
    } finally {
      await responder.close();
    }
  });
});
