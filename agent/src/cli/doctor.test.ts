import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { schoolAcWalk, schoolSwitchWalk, startSnmpResponder } from '@xiaowang/seeds';
import type { SnmpResponder } from '@xiaowang/seeds';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closedPort, startOtherUdpService } from '../testing/loopback-servers.ts';
import { main } from './main.ts';

const TOKEN = 'xw_doctor_test_token_0123456789';
const school = { school: '城关小学', code: 'cgxx', seed: 7, ipv6: true, aps: 3 };

/** How the stand-in collector behaves in the current test. */
const collector = { skewMs: 0, meRoute: true };
let responder: SnmpResponder;
let server: http.Server;
let collectorUrl = '';
let dir = '';

beforeAll(async () => {
  responder = await startSnmpResponder({
    devices: { 'sw-ok': schoolSwitchWalk(school), 'ac-ok': schoolAcWalk(school) },
  });
  server = http.createServer((req, res) => {
    res.setHeader('date', new Date(Date.now() + collector.skewMs).toUTCString());
    if (req.url === '/api/v1/health') return void res.writeHead(200).end('{"status":"ok"}');
    if (req.url === '/api/v1/agents/me' && collector.meRoute) {
      const ok = req.headers.authorization === `Bearer ${TOKEN}`;
      return void res.writeHead(ok ? 200 : 401).end();
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  collectorUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  dir = mkdtempSync(path.join(tmpdir(), 'xw-doctor-'));
});

afterAll(async () => {
  await responder.close();
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  collector.skewMs = 0;
  collector.meRoute = true;
});

function config(change: Record<string, unknown> = {}): Record<string, unknown> {
  const spool = path.join(dir, 'spool');
  mkdirSync(spool, { recursive: true });
  return {
    collector: { url: collectorUrl, token: TOKEN, timeoutMs: 2000 },
    schedule: { requestTimeoutMs: 300, retries: 0 },
    credentials: { campus: { version: '2c', community: 'sw-ok' } },
    devices: [
      { name: '核心交换机', host: '127.0.0.1', port: responder.port, credentials: 'campus' },
    ],
    spool: { dir: spool },
    // The host's own IPv6 probes would reach beyond loopback; they are tested in host/.
    ipv6: { enabled: false },
    ...change,
  };
}

async function doctor(raw: unknown, ...argv: string[]) {
  const file = path.join(dir, `agent-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, typeof raw === 'string' ? raw : JSON.stringify(raw));
  let out = '';
  let err = '';
  const code = await main(['doctor', '--config', file, ...argv], {
    stdout: (text) => (out += `${text}\n`),
    stderr: (text) => (err += `${text}\n`),
  });
  return { code, out, err };
}

describe('xiaowang-agent doctor against a simulated school and collector', () => {
  it('passes a healthy setup, in Chinese by default', async () => {
    const { code, out } = await doctor(config());
    expect(code).toBe(0);
    expect(out).toContain('✓ 配置文件可以读取：1 台设备，1 组凭据');
    expect(out).toMatch(
      /✓ 设备 核心交换机（127\.0\.0\.1:\d+）有应答：sysName \S+，sysObjectID 1\.3\.6\.1\.4\.1\.2011/,
    );
    expect(out).toContain(
      '✓ 设备 核心交换机：各表均有应答（ifXTable, ipAddressTable, LLDP, ENTITY）',
    );
    expect(out).toContain('- 汇聚端 127.0.0.1 是 IP 地址，无需 DNS 解析');
    expect(out).toContain('✓ 令牌有效，汇聚端已接受');
    expect(out).toMatch(/✓ 本机时间与汇聚端一致（相差 [01] 秒）/);
    expect(out).toContain('没有未发送的报告');
    expect(out).toContain('全部检查通过');
  });

  it('speaks English with --lang en', async () => {
    const { code, out } = await doctor(config(), '--lang', 'en');
    expect(code).toBe(0);
    expect(out).toContain('✓ Config loads: 1 device(s), 1 credential set(s)');
    expect(out).toContain('✓ Token accepted by the collector');
    expect(out).toContain('All checks passed');
  });

  it('lists every config problem and exits 1', async () => {
    const bad = {
      ...config(),
      colector: {},
      devices: [{ name: 'a', host: 'bad host!', credentials: 'nope' }],
    };
    const { code, out } = await doctor(bad);
    expect(code).toBe(1);
    expect(out).toMatch(/✗ 配置文件 \S+ 有 3 处问题：/);
    // In the reader's language, the schema's own words and zod's alike.
    expect(out).toContain('(file)：未知的键 "colector"：请删除，或检查拼写');
    expect(out).toContain('devices.0.host：应为 IPv4/IPv6 地址或主机名');
    expect(out).toContain('devices.0.credentials：没有名为 "nope" 的凭据');
    expect(out).not.toMatch(/expected|unknown key|no credentials/);
    expect(out).toContain('→ 逐条改正上面列出的问题');
    expect(out).toContain('- 其余检查已跳过');
  });

  it('says a missing or broken file is the problem', async () => {
    const missing = await main(
      ['doctor', '--config', path.join(dir, 'nope.json'), '--lang', 'en'],
      {
        stdout: (text) => expect(text).toContain('(file): not found: run "xiaowang-agent enroll'),
        stderr: () => undefined,
      },
    );
    expect(missing).toBe(1);
    const broken = await doctor('{ not json', '--lang', 'en');
    expect(broken.out).toContain('(file): is not valid JSON');
  });

  it('gives the community/ACL/UDP advice for a wrong community', async () => {
    const { code, out } = await doctor(
      config({ credentials: { campus: { version: '2c', community: 'wrong' } } }),
    );
    expect(code).toBe(1);
    expect(out).toMatch(/✗ 设备 核心交换机（127\.0\.0\.1:\d+）没有应答/);
    expect(out).toContain(
      '请检查 credentials.campus 中的团体名是否与设备一致、设备 ACL 是否允许本机访问',
    );
    expect(out).toMatch(/UDP \d+ 端口是否开放/);
    const en = await doctor(
      config({ credentials: { campus: { version: '2c', community: 'wrong' } } }),
      '--lang',
      'en',
    );
    expect(en.out).toContain('→ Check the community in credentials.campus');
  });

  it('names the port, not the community, when another service answers on it', async () => {
    const other = await startOtherUdpService();
    try {
      const device = {
        name: '核心交换机',
        host: '127.0.0.1',
        port: other.port,
        credentials: 'campus',
      };
      const { code, out } = await doctor(config({ devices: [device] }));
      expect(code).toBe(1);
      expect(out).toMatch(/✗ 设备 核心交换机（127\.0\.0\.1:\d+）有应答，但不是 SNMP/);
      expect(out).toContain('请检查配置中的 devices[0].port');
      expect(out).not.toContain('团体名');
      const en = await doctor(config({ devices: [device] }), '--lang', 'en');
      expect(en.out).toContain('→ Check devices[0].port in the config');
    } finally {
      await other.close();
    }
  });

  it('warns, without failing, about tables a device does not answer', async () => {
    const ac = { name: 'AC', host: '127.0.0.1', port: responder.port, credentials: 'ac' };
    const { code, out } = await doctor(
      config({
        credentials: {
          campus: { version: '2c', community: 'sw-ok' },
          ac: { version: '2c', community: 'ac-ok' },
        },
        devices: [ac],
      }),
    );
    expect(code).toBe(0);
    expect(out).toMatch(/! 设备 AC：有应答的表：.*；没有应答：/);
    expect(out).toContain('→ 如设备支持，请在设备的 SNMP 视图中放开这些表');
  });

  it('fails a refused token with the re-enrol advice', async () => {
    const { code, out } = await doctor(
      config({ collector: { url: collectorUrl, token: `${TOKEN}x` } }),
    );
    expect(code).toBe(1);
    expect(out).toContain('✗ 汇聚端拒绝了令牌（HTTP 401）');
    expect(out).toContain('xiaowang-agent enroll');
  });

  it('skips the token check on a collector without /api/v1/agents/me', async () => {
    collector.meRoute = false;
    const { code, out } = await doctor(config(), '--lang', 'en');
    expect(code).toBe(0);
    expect(out).toContain(
      '- Token not checked: this collector does not support GET /api/v1/agents/me',
    );
  });

  it('fails a clock 5 minutes off the collector', async () => {
    collector.skewMs = 5 * 60_000;
    const { code, out } = await doctor(config());
    expect(code).toBe(1);
    expect(out).toMatch(/✗ 本机时间比汇聚端慢 30[01] 秒（允许 60 秒）/);
    expect(out).toContain('timedatectl set-ntp true');
  });

  it('fails an unreachable collector and skips what depends on it', async () => {
    const url = `http://127.0.0.1:${await closedPort('127.0.0.1')}/`;
    const { code, out } = await doctor(
      config({ collector: { url, token: TOKEN } }),
      '--lang',
      'en',
    );
    expect(code).toBe(1);
    expect(out).toMatch(/✗ Cannot connect to the collector .*ECONNREFUSED/);
    expect(out).toContain('- Token not checked: the collector cannot be reached');
    expect(out).toContain('- Clock not compared: the collector cannot be reached');
  });

  it('prints one JSON document with --json', async () => {
    const { code, out } = await doctor(
      config({ collector: { url: collectorUrl, token: `${TOKEN}x` } }),
      '--json',
    );
    expect(code).toBe(1);
    const doc = JSON.parse(out) as { ok: boolean; checks: { id: string; status: string }[] };
    expect(doc.ok).toBe(false);
    expect(doc.checks.map((c) => c.id)).toEqual([
      'config',
      'device.0.snmp',
      'device.0.tables',
      'collector.dns',
      'collector.health',
      'collector.token',
      'spool',
      'clock',
      'ipv6',
    ]);
    expect(doc.checks.find((c) => c.id === 'collector.token')?.status).toBe('fail');
    expect(out).not.toContain(TOKEN);
  });

  it('prints its usage with --help and refuses unknown options', async () => {
    const help = await doctor(config(), '--help');
    expect(help.out).toContain('用法：xiaowang-agent doctor');
    const bad = await main(['doctor', '--bogus'], {
      stdout: () => undefined,
      stderr: () => undefined,
    });
    expect(bad).toBe(2);
  });
});
