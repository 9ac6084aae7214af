import { schoolAcWalk, schoolSwitchWalk, startSnmpResponder } from '@xiaowang/seeds';
import type { SnmpResponder } from '@xiaowang/seeds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOtherUdpService } from '../testing/loopback-servers.ts';
import { main } from './main.ts';

let responder: SnmpResponder;
const school = { school: '新华小学', code: 'xhxx', seed: 11, ipv6: false, aps: 5 };

beforeAll(async () => {
  responder = await startSnmpResponder({
    devices: { 'sw-c0mmunity': schoolSwitchWalk(school), 'xhxx-ac': schoolAcWalk(school) },
  });
});
afterAll(async () => {
  await responder.close();
});

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, {
    stdout: (t) => (out += `${t}\n`),
    stderr: (t) => (err += `${t}\n`),
  });
  return { code, out, err };
}

function device(community: string): string[] {
  return [
    'probe',
    '--host',
    '127.0.0.1',
    '--port',
    String(responder.port),
    '--community',
    community,
  ];
}

describe('xiaowang-agent probe', () => {
  it('prints a Chinese summary by default and English with --lang en', async () => {
    const zh = await cli(...device('xhxx-ac'));
    expect(zh.code).toBe(0);
    expect(zh.out).toContain('无线 AP：已知 5 台');
    expect(zh.out).toContain('新华小学-1F-101');
    const en = await cli(...device('xhxx-ac'), '--lang', 'en');
    expect(en.out).toContain('Access points: 5 known');
  });

  it('prints one JSON document with the fixture field names', async () => {
    const { code, out } = await cli(...device('sw-c0mmunity'), '--json');
    expect(code).toBe(0);
    const doc = JSON.parse(out) as Record<string, unknown>;
    for (const field of [
      'sysObjectID',
      'sysDescr',
      'sysName',
      'vendor',
      'role',
      'interfaces',
      'ipv6',
      'ipv6Forwarding',
      'ipv6DefaultRoutes',
      'apCount',
      'apsOnline',
      'aps',
      'lldpNeighbors',
      'entity',
    ]) {
      expect(doc, field).toHaveProperty(field);
    }
    expect(out).not.toContain('c0mmunity');
  });

  it('exits 1 and says what to check when the device does not answer', async () => {
    const zh = await cli(...device('wrong'), '--timeout', '200', '--retries', '0');
    expect(zh.code).toBe(1);
    expect(zh.err).toContain('没有应答');
    const en = await cli(...device('wrong'), '--timeout', '200', '--retries', '0', '--lang', 'en');
    expect(en.err).toContain('check the address'.replace('check', 'Check'));
  });

  it('says the port answers with something else when it is not an SNMP port', async () => {
    const other = await startOtherUdpService();
    try {
      const at = ['probe', '--host', '127.0.0.1', '--port', String(other.port)];
      const args = [...at, '--community', 'public', '--timeout', '200', '--retries', '0'];
      const zh = await cli(...args);
      expect(zh.code).toBe(1);
      expect(zh.err).toContain(`127.0.0.1:${other.port} 有应答，但不是 SNMP`);
      expect(zh.err).toContain('请检查端口');
      expect(zh.err).not.toContain('团体名');
      const en = await cli(...args, '--lang', 'en');
      expect(en.err).toContain('answers, but not with SNMP');
      expect(en.err).toContain(`another service seems to listen on UDP ${other.port}`);
    } finally {
      await other.close();
    }
  });

  it('exits 2 naming the bad option, in the chosen language', async () => {
    const unknown = await cli('probe', '--host', 'h', '--comunity', 'x');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('未知选项 --comunity');
    const missing = await cli('probe', '--host', '127.0.0.1', '--lang', 'en');
    expect(missing.err).toContain('--community is required');
    const badPort = await cli('probe', '--host', 'h', '--community', 'c', '--port', '99999');
    expect(badPort.err).toContain('--port');
    const v3 = await cli('probe', '--host', 'h', '--snmp-version', '3', '--lang', 'en');
    expect(v3.err).toContain('--v3-user');
    const lang = await cli('probe', '--host', 'h', '--lang', 'fr');
    expect(lang.code).toBe(2);
    expect((await cli('frobnicate')).err).toContain('未知命令');
  });
});
