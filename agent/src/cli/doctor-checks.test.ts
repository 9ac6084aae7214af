import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { HostProbes } from '@xiaowang/shared';
import { afterAll, describe, expect, it } from 'vitest';
import type { LoadedConfig } from '../config/load-config.ts';
import { parseConfig } from '../config/load-config.ts';
import type { ClientFactory } from '../poll/poll-device.ts';
import type { GetResult, SnmpClient } from '../snmp/client.ts';
import { newStats } from '../snmp/client.ts';
import type { SnmpError } from '../snmp/errors.ts';
import { snmpError } from '../snmp/errors.ts';
import { entryName } from '../spool/entry.ts';
import type { CheckResult } from './doctor-checks.ts';
import { checkClock, checkCollector } from './doctor-collector.ts';
import { checkDevices, configSetting } from './doctor-device.ts';
import { checkIpv6 } from './doctor-ipv6.ts';
import { renderDoctorText } from './doctor-render.ts';
import { checkSpool } from './doctor-spool.ts';

const TOKEN = 'xw_doctor_test_token_0123456789';
const dir = mkdtempSync(path.join(tmpdir(), 'xw-doctor-unit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function loaded(change: Record<string, unknown> = {}): LoadedConfig {
  return parseConfig('agent.json', {
    collector: { url: 'https://collector.county.test/', token: TOKEN, timeoutMs: 1000 },
    credentials: {
      campus: { version: '2c', community: 'c' },
      core: { version: '3', user: 'mon', authKey: 'auth-key-1', privKey: 'priv-key-1' },
    },
    devices: [{ name: 'core', host: '10.20.1.1', credentials: 'core' }],
    ...change,
  });
}

const text = (checks: readonly CheckResult[], lang: 'zh-CN' | 'en' = 'en'): string =>
  renderDoctorText('agent.json', checks, lang);

/** A client that answers the GET as told and every walk with one row, or none for `missing`. */
function fakeFactory(get: GetResult | Error, missing: readonly string[] = []): ClientFactory {
  return () => {
    if (get instanceof Error) throw get;
    const client: SnmpClient = {
      stats: newStats(),
      get: () => Promise.resolve(get),
      walk: (oid) =>
        Promise.resolve({
          varbinds: missing.includes(oid) ? [] : [{ oid: `${oid}.1`, type: 'Integer', value: 1 }],
        }),
      close: () => undefined,
    };
    return client;
  };
}

const failed = (error: SnmpError): GetResult => ({ varbinds: [undefined, undefined], error });

describe('device checks with a fake client', () => {
  const now = Date.now;

  it('names the config keys to check when SNMPv3 authentication fails', async () => {
    const error = {
      ...snmpError('AUTH', 'wrong digest'),
      setting: '--v3-auth-key / --v3-auth-protocol',
    };
    const checks = await checkDevices(loaded(), { clientFactory: fakeFactory(failed(error)), now });
    expect(checks).toHaveLength(1);
    expect(text(checks)).toContain(
      '→ Check credentials.core.authKey / credentials.core.authProtocol so that',
    );
    expect(text(checks, 'zh-CN')).toContain('SNMPv3 认证失败（wrong digest）');
  });

  it.each([
    ['--v3-user', 'credentials.core.user'],
    ['--v3-*', 'credentials.core'],
    [undefined, 'credentials.core'],
    ['the device clock and snmpEngineBoots', 'the device clock and snmpEngineBoots'],
  ])('maps the client setting %s to %s', (setting, key) => {
    expect(configSetting(setting, 'core')).toBe(key);
  });

  it('gives v3 timeout advice without talking about communities', async () => {
    const checks = await checkDevices(loaded(), {
      clientFactory: fakeFactory(failed(snmpError('TIMEOUT', 't'))),
      now,
    });
    expect(text(checks)).toContain('Check the address, the user in credentials.core');
  });

  it.each([
    [
      snmpError('UNREACHABLE', 'EHOSTUNREACH'),
      'cannot be reached (EHOSTUNREACH)',
      'route from this host',
    ],
    [snmpError('PROTOCOL', 'garbled'), 'SNMP error (garbled)', 'xiaowang-agent probe'],
  ])('explains %s', async (error, line, advice) => {
    const checks = await checkDevices(loaded(), { clientFactory: fakeFactory(failed(error)), now });
    expect(text(checks)).toContain(line);
    expect(text(checks)).toContain(advice);
  });

  it('does not crash when the client cannot be created', async () => {
    const checks = await checkDevices(loaded(), {
      clientFactory: fakeFactory(new Error('bad socket')),
      now,
    });
    expect(checks[0]).toMatchObject({
      status: 'fail',
      message: { params: { detail: 'bad socket' } },
    });
  });

  it('strips control characters from device text before printing', async () => {
    const get: GetResult = {
      varbinds: [
        { oid: '1.3.6.1.2.1.1.2.0', type: 'ObjectIdentifier', value: '1.3.6.1.4.1.9' },
        {
          oid: '1.3.6.1.2.1.1.5.0',
          type: 'OctetString',
          value: Buffer.from('evil\u001b[2Jname\r\n'),
        },
      ],
    };
    const out = text(await checkDevices(loaded(), { clientFactory: fakeFactory(get), now }));
    expect(out).toContain('sysName evil [2Jname');
    expect(out).not.toContain('\u001b');
  });

  it('warns when the device answers without a system group, and lists missing tables', async () => {
    const checks = await checkDevices(loaded(), {
      clientFactory: fakeFactory({ varbinds: [undefined, undefined] }, ['1.3.6.1.2.1.31.1.1.1']),
      now,
    });
    expect(checks.map((c) => c.status)).toEqual(['warn', 'warn']);
    expect(text(checks)).toContain('ifXTable: no 64-bit traffic counters');
  });

  it('warns when no device is configured', async () => {
    const checks = await checkDevices(loaded({ devices: [] }), {
      clientFactory: fakeFactory(new Error()),
      now,
    });
    expect(checks).toMatchObject([{ id: 'device', status: 'warn' }]);
  });
});

describe('collector checks with injected DNS and fetch', () => {
  const o = (
    fetch: typeof globalThis.fetch,
    lookupHost = () => Promise.resolve(['2001:db8::10', '192.0.2.10']),
  ) => ({
    fetch,
    lookupHost,
    now: Date.now,
  });
  const collector = loaded().config.collector;

  it('resolves the host name, and fails DNS with advice', async () => {
    const answer: typeof fetch = () => Promise.resolve(new Response('{}', { status: 200 }));
    const ok = await checkCollector(collector, o(answer));
    expect(text(ok.checks)).toContain(
      '✓ Collector collector.county.test resolves to 2001:db8::10, 192.0.2.10',
    );
    const notFound = Object.assign(new Error('getaddrinfo ENOTFOUND collector.county.test'), {
      code: 'ENOTFOUND',
    });
    const bad = await checkCollector(
      collector,
      o(answer, () => Promise.reject(notFound)),
    );
    expect(text(bad.checks)).toContain(
      '✗ Collector collector.county.test does not resolve (getaddrinfo ENOTFOUND',
    );
    expect(text(bad.checks)).toContain('/etc/resolv.conf');
  });

  it('separates TLS failures, timeouts and HTTP errors', async () => {
    const tls = Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error('certificate has expired'), { code: 'CERT_HAS_EXPIRED' }),
    });
    const timeout = Object.assign(new Error('The operation was aborted due to timeout'), {
      name: 'TimeoutError',
    });
    const cases: [typeof fetch, string, string][] = [
      [
        () => Promise.reject(tls),
        'TLS to the collector https://collector.county.test/api/v1/health failed (TLS CERT_HAS_EXPIRED',
        'NODE_EXTRA_CA_CERTS',
      ],
      [() => Promise.reject(timeout), 'did not answer within 1000 ms', 'HTTP proxy'],
      [
        () => Promise.resolve(new Response('', { status: 503 })),
        'answered HTTP 503',
        'without /api',
      ],
    ];
    for (const [fetch, line, advice] of cases) {
      const out = text((await checkCollector(collector, o(fetch))).checks);
      expect(out).toContain(line);
      expect(out).toContain(advice);
    }
  });

  it('sends the bearer token only to the agents/me route and reads unexpected answers as warnings', async () => {
    const seen: [string, string | null][] = [];
    const fetch: typeof globalThis.fetch = (input, init) => {
      const url = input instanceof Request ? input.url : input.toString();
      seen.push([url, new Headers(init?.headers).get('authorization')]);
      return Promise.resolve(new Response('', { status: url.endsWith('/me') ? 500 : 200 }));
    };
    const { checks } = await checkCollector(collector, o(fetch));
    expect(seen).toEqual([
      ['https://collector.county.test/api/v1/health', null],
      ['https://collector.county.test/api/v1/agents/me', `Bearer ${TOKEN}`],
    ]);
    expect(checks[2]).toMatchObject({
      status: 'warn',
      message: { key: 'doctor.token.unexpected' },
    });
  });
});

describe('clock check', () => {
  const at = Date.parse('2026-03-01T08:00:00Z');
  it.each([
    ['Sun, 01 Mar 2026 08:00:00 GMT', 'pass', 'doctor.clock.ok'],
    ['Sun, 01 Mar 2026 08:00:59 GMT', 'pass', 'doctor.clock.ok'],
    ['Sun, 01 Mar 2026 08:05:00 GMT', 'fail', 'doctor.clock.behind'],
    ['Sun, 01 Mar 2026 07:55:00 GMT', 'fail', 'doctor.clock.ahead'],
    [null, 'skip', 'doctor.clock.noDate'],
    ['yesterday-ish', 'skip', 'doctor.clock.noDate'],
  ])('Date %s → %s', (date, status, key) => {
    expect(checkClock({ date, localMs: at })).toMatchObject({ status, message: { key } });
  });
});

describe('spool check', () => {
  const now = Date.now();
  it('warns about a missing directory and fails a file in its place', async () => {
    expect(await checkSpool(path.join(dir, 'none'), now)).toMatchObject({
      status: 'warn',
      message: { key: 'doctor.spool.missing' },
    });
    writeFileSync(path.join(dir, 'file'), '');
    expect(await checkSpool(path.join(dir, 'file'), now)).toMatchObject({
      status: 'fail',
      message: { key: 'doctor.spool.notDir' },
    });
  });

  it('counts only queued reports and dates the oldest by its name', async () => {
    const spool = path.join(dir, 'spool');
    mkdirSync(spool);
    expect(await checkSpool(spool, now)).toMatchObject({
      status: 'pass',
      message: { key: 'doctor.spool.empty' },
    });
    for (const [seq, ageH] of [
      [8, 0.1],
      [7, 0.5],
    ] as const) {
      const name = entryName(seq, now - ageH * 3_600_000, `report-${seq}`);
      writeFileSync(path.join(spool, name), '{}');
      // A copy or a touch changes the file's time, not when it was spooled.
      utimesSync(path.join(spool, name), new Date(now), new Date(now));
    }
    // Not reports: a note, and the gaps file, which stays once its gaps have been told.
    writeFileSync(path.join(spool, 'note.txt'), '{}');
    writeFileSync(path.join(spool, 'gaps.json'), '{"version":1,"gaps":[]}');
    const old = new Date(now - 9 * 3_600_000);
    utimesSync(path.join(spool, 'gaps.json'), old, old);
    expect(await checkSpool(spool, now)).toMatchObject({
      status: 'pass',
      message: {
        key: 'doctor.spool.pending',
        params: { count: 2, oldest: new Date(now - 0.5 * 3_600_000).toISOString() },
      },
    });
    expect(await checkSpool(spool, now + 2 * 3_600_000)).toMatchObject({
      status: 'warn',
      message: { params: { count: 2, hours: 2 } },
    });
  });

  it('does not take a spool whose gaps were told for one with a report stuck', async () => {
    const spool = path.join(dir, 'told');
    mkdirSync(spool);
    writeFileSync(path.join(spool, 'gaps.json'), '{"version":1,"gaps":[]}');
    const old = new Date(now - 48 * 3_600_000);
    utimesSync(path.join(spool, 'gaps.json'), old, old);
    expect(await checkSpool(spool, now)).toMatchObject({
      status: 'pass',
      message: { key: 'doctor.spool.empty' },
    });
  });
});

describe('IPv6 check', () => {
  const probes: HostProbes = {
    measuredAt: new Date().toISOString(),
    globalIpv6Address: true,
    ipv6DefaultRoute: true,
    aaaaOverIpv6: true,
    httpsOverIpv6: { succeeded: 1, attempted: 2 },
    tried: ['https://collector.county.test/ over IPv6: 200 (31 ms)'],
  };

  it('passes level 4 and shows what was tried', async () => {
    const check = await checkIpv6(loaded(), () => Promise.resolve(probes));
    expect(check.status).toBe('pass');
    expect(text([check], 'zh-CN')).toContain('✓ 本机所见 IPv6 级别 4（端到端可达）');
    expect(text([check])).toContain('· https://collector.county.test/ over IPv6: 200 (31 ms)');
  });

  it('warns below level 4 with what to do next', async () => {
    const check = await checkIpv6(loaded({ ipv6: { requiredSuccesses: 2 } }), () =>
      Promise.resolve(probes),
    );
    expect(check.status).toBe('warn');
    expect(text([check])).toContain('→ HTTPS over IPv6 succeeded 1 of 2 times, 2 needed');
  });

  it('skips when turned off', async () => {
    const check = await checkIpv6(loaded({ ipv6: { enabled: false } }), () =>
      Promise.reject(new Error('not called')),
    );
    expect(check).toMatchObject({ status: 'skip', message: { key: 'doctor.ipv6.off' } });
  });
});
