import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { reportSchema } from '@xiaowang/shared';
import { schoolAcWalk, schoolSwitchWalk, startSnmpResponder } from '@xiaowang/seeds';
import { describe, expect, it } from 'vitest';
import { pollDevices } from '../agent/src/poll/poll-many.ts';
import { buildReport } from '../agent/src/report/build-report.ts';
import { Secret } from '@xiaowang/shared';
import { REPO_ROOT } from './support/paths.ts';

const GOLDEN = path.join(REPO_ROOT, 'test/fixtures/reports');

describe('the report contract', () => {
  const files = readdirSync(GOLDEN).filter((f) => f.endsWith('.json'));

  it('has golden payloads for every schema version', () => {
    expect(files.some((f) => f.startsWith('v1-'))).toBe(true);
  });

  it.each(files)('parses the golden payload %s', (file) => {
    const payload: unknown = JSON.parse(readFileSync(path.join(GOLDEN, file), 'utf8'));
    const parsed = reportSchema.safeParse(payload);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('rejects a report carrying a credential field, naming the field', () => {
    const payload = JSON.parse(readFileSync(path.join(GOLDEN, 'v1-school.json'), 'utf8')) as {
      devices: { target: Record<string, unknown> }[];
    };
    const first = payload.devices[0];
    if (first === undefined) throw new Error('golden report has no device');
    first.target['community'] = 'public';
    const parsed = reportSchema.safeParse(payload);
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain('community');
  });

  it('round-trips a report built from a live poll of the simulated school', async () => {
    const school = { school: '实验小学', code: 'syxx', seed: 9, ipv6: true };
    const responder = await startSnmpResponder({
      devices: { core: schoolSwitchWalk(school), ac: schoolAcWalk(school) },
    });
    try {
      const started = new Date();
      const devices = await pollDevices(
        ['core', 'ac'].map((c) => ({
          name: c,
          host: responder.host,
          port: responder.port,
          credentials: { version: '2c' as const, community: new Secret(c) },
        })),
      );
      const report = buildReport({ devices, pollStartedAt: started, pollFinishedAt: new Date() });
      const wire = JSON.parse(JSON.stringify(report)) as unknown;
      expect(reportSchema.parse(wire)).toEqual(report);
      expect(JSON.stringify(report)).not.toMatch(/"(community|authKey|privKey)"/);
    } finally {
      await responder.close();
    }
  });
});
