import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import PQueue from 'p-queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareWithExpected } from '../support/compare-expected.ts';
import type { Mismatch } from '../support/compare-expected.ts';
import { hasSharedFixtures, REPO_ROOT, SHARED_FIXTURES } from '../support/paths.ts';
import { hasSnmpsim, startSnmpsim } from '../support/snmpsim.ts';
import type { Snmpsim } from '../support/snmpsim.ts';

const run = promisify(execFile);
const BIN = path.join(REPO_ROOT, 'agent/bin/xiaowang-agent.mjs');
const DIRS = ['devices', 'synthetic-ac'].map((d) => path.join(SHARED_FIXTURES, d));
const V3 = { user: 'xiaowang', authKey: 'conformance-auth-1', privKey: 'conformance-priv-1' };

const enabled = hasSharedFixtures && hasSnmpsim;
if (!enabled) {
  console.warn(
    `[conformance] SKIPPED: ${hasSharedFixtures ? '' : `no fixtures at ${SHARED_FIXTURES}; `}` +
      `${hasSnmpsim ? '' : 'snmpsimd not installed (apt-get install -y snmpsim)'}`,
  );
}

function walks(): { name: string; dir: string }[] {
  if (!hasSharedFixtures) return [];
  return DIRS.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.snmprec'))
      .map((f) => ({ name: f.slice(0, -'.snmprec'.length), dir })),
  ).sort((a, b) => a.name.localeCompare(b.name));
}

async function probe(
  sim: Snmpsim,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [BIN, 'probe', '--host', sim.host, '--port', String(sim.port), '--timeout', '5000', ...args],
      { maxBuffer: 64 * 1024 * 1024 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe.skipIf(!enabled)(
  'conformance: every shared walk served by snmpsim, read by the probe',
  () => {
    let sim: Snmpsim;
    const startedAt = Date.now();

    beforeAll(async () => {
      sim = await startSnmpsim({ dataDirs: DIRS, probeCommunity: 'linux', v3: V3 });
    });
    afterAll(async () => {
      await sim?.stop();
    });

    it('matches every listed field of every expected.json', async () => {
      const list = walks();
      expect(list.length).toBe(25);
      const queue = new PQueue({ concurrency: 4 });
      const mismatches: Mismatch[] = [];
      let fields = 0;
      const failedRuns: string[] = [];
      await Promise.all(
        list.map((w) =>
          queue.add(async () => {
            const out = await probe(sim, ['--community', w.name, '--json']);
            if (out.code !== 0) {
              failedRuns.push(`${w.name}: exit ${out.code} ${out.stderr.slice(0, 500)}`);
              return;
            }
            const got = JSON.parse(out.stdout) as Record<string, unknown>;
            const expected = JSON.parse(
              readFileSync(path.join(w.dir, `${w.name}.expected.json`), 'utf8'),
            ) as Record<string, unknown>;
            const c = compareWithExpected(w.name, expected, got);
            fields += c.fieldsCompared;
            mismatches.push(...c.mismatches);
          }),
        ),
      );
      const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
      console.log(
        `[conformance] ${list.length - failedRuns.length - new Set(mismatches.map((m) => m.device)).size}/${list.length} walks matched; ${fields} fields compared; ${mismatches.length} mismatches; ${seconds} s`,
      );
      for (const m of mismatches.slice(0, 60)) {
        console.log(
          `  ${m.device} ${m.field}: expected ${JSON.stringify(m.expected)} got ${JSON.stringify(m.got)}`,
        );
      }
      expect(failedRuns).toEqual([]);
      expect(mismatches).toEqual([]);
    });

    it('reads a device over SNMPv3 (SHA + AES) with the context naming the walk', async () => {
      const out = await probe(sim, [
        '--snmp-version',
        '3',
        '--v3-user',
        V3.user,
        '--v3-auth-protocol',
        'sha',
        '--v3-auth-key',
        V3.authKey,
        '--v3-priv-protocol',
        'aes',
        '--v3-priv-key',
        V3.privKey,
        '--v3-context',
        'vrp_5720',
        '--json',
      ]);
      expect(out.stderr).toBe('');
      expect(out.code).toBe(0);
      const got = JSON.parse(out.stdout) as { sysObjectID: string; interfaces: unknown[] };
      expect(got.sysObjectID).toBe('1.3.6.1.4.1.2011.2.23.291');
      expect(got.interfaces.length).toBeGreaterThan(0);
    });

    it('names the v3 parameter when authentication fails, in Chinese and English', async () => {
      const base = [
        '--snmp-version',
        '3',
        '--v3-user',
        V3.user,
        '--v3-auth-key',
        'wrong-key-123',
        '--v3-priv-key',
        V3.privKey,
        '--v3-context',
        'vrp_5720',
        '--retries',
        '0',
      ];
      const zh = await probe(sim, base);
      expect(zh.code).toBe(1);
      expect(zh.stderr).toContain('SNMPv3 认证失败');
      expect(zh.stderr).toContain('--v3-auth-key');
      const en = await probe(sim, [...base, '--lang', 'en']);
      expect(en.stderr).toContain('authentication failed');
      // snmpsim drops requests from an unknown user without a report, so the probe can only
      // say that nothing answered and that the v3 user is one of the things to check.
      const user = await probe(sim, [
        ...base.map((a) => (a === V3.user ? 'nobody-here' : a)),
        '--lang',
        'en',
        '--timeout',
        '500',
      ]);
      expect(user.code).toBe(1);
      expect(user.stderr).toContain('v3 user');
    });

    it('says what to check when a community gets no answer', async () => {
      const out = await probe(sim, [
        '--community',
        'no-such-walk',
        '--timeout',
        '300',
        '--retries',
        '0',
      ]);
      expect(out.code).toBe(1);
      expect(out.stderr).toContain('没有应答');
      expect(out.stderr).toContain('团体名');
    });
  },
);
