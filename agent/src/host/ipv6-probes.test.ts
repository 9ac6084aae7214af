import type { NetworkInterfaceInfo } from 'node:os';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { hostProbesSchema } from '@xiaowang/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentConfig } from '../config/schema.ts';
import {
  canListenOn,
  closedPort,
  makeSelfSignedForIpv6Loopback,
  startDnsStub,
} from '../testing/loopback-servers.ts';
import type { DnsStub } from '../testing/loopback-servers.ts';
import { createHttpsGetOverIpv6 } from './https-over-ipv6.ts';
import type { HttpsGetOverIpv6 } from './https-over-ipv6.ts';
import { ipv6Level, probeHostIpv6 } from './ipv6-probes.ts';
import type { ProbeHostIpv6Options } from './ipv6-probes.ts';
import { resolveAaaaVia } from './resolve-aaaa.ts';

const IPV6: AgentConfig['ipv6'] = {
  enabled: true,
  targets: ['https://www.edu.cn/', 'https://www.moe.gov.cn/'],
  dnsName: 'www.edu.cn',
  resolvers: [],
  requiredSuccesses: 1,
};

const GLOBAL: NetworkInterfaceInfo = {
  address: '2001:da8:1::5',
  netmask: 'ffff:ffff:ffff:ffff::',
  family: 'IPv6',
  mac: '02:00:00:00:00:01',
  internal: false,
  cidr: '2001:da8:1::5/64',
  scopeid: 0,
};
const Z = '0'.repeat(32);
const ROUTES = `${Z} 00 ${Z} 00 fe800000000000000000000000000001 00000400 00000002 00000000 00000003 eth0\n`;
const FILES: Record<string, string> = {
  '/proc/net/ipv6_route': ROUTES,
  '/etc/resolv.conf': 'nameserver 10.0.0.53\nnameserver 2400:3200::1\n',
};

const reachable: HttpsGetOverIpv6 = () => Promise.resolve({ ok: true, status: 200 });

/** Every dependency injected and healthy; each test breaks one thing. */
function healthy(change: Partial<ProbeHostIpv6Options> = {}): ProbeHostIpv6Options {
  return {
    ipv6: IPV6,
    collectorUrl: 'https://collector.example.edu.cn/',
    timeoutMs: 200,
    interfaces: () => ({ eth0: [GLOBAL] }),
    readFile: (path) => {
      const text = FILES[path];
      if (text === undefined) return Promise.reject(new Error(`ENOENT: ${path}`));
      return Promise.resolve(text);
    },
    resolveAaaa: () => Promise.resolve(['2001:da8:20d:22::1']),
    httpsGetOverIpv6: reachable,
    ...change,
  };
}

async function probe(change: Partial<ProbeHostIpv6Options> = {}) {
  const result = await probeHostIpv6(healthy(change));
  expect(hostProbesSchema.parse(result)).toEqual(result);
  return result;
}

describe('probeHostIpv6 with injected dependencies', () => {
  it('reaches level 4 when everything answers, trying the collector first', async () => {
    const result = await probe();
    expect(result).toMatchObject({
      globalIpv6Address: true,
      ipv6DefaultRoute: true,
      aaaaOverIpv6: true,
      httpsOverIpv6: { succeeded: 3, attempted: 3 },
    });
    expect(result.tried[0]).toBe('global IPv6 address on eth0: 2001:da8:1::5');
    expect(result.tried[1]).toBe('IPv6 default route via fe80::1 on eth0');
    expect(result.tried[2]).toMatch(
      /^AAAA www\.edu\.cn via 2400:3200::1: 2001:da8:20d:22::1 \(\d+ ms\)$/,
    );
    expect(result.tried[3]).toMatch(
      /^https:\/\/collector\.example\.edu\.cn\/ over IPv6: 200 \(\d+ ms\)$/,
    );
    expect(ipv6Level(result, true).level).toBe(4);
  });

  it('checks the school site for level 5 only when one is set', async () => {
    expect((await probe()).schoolSiteOverIpv6).toBeNull();
    const site = { ...IPV6, schoolSite: 'https://www.cgxx.edu.cn/' };
    const ok = await probe({ ipv6: site });
    expect(ok.schoolSiteOverIpv6).toEqual({ aaaa: true, https: true });
    expect(
      ok.tried.some((l) => l.startsWith('school site https://www.cgxx.edu.cn/ over IPv6: 200')),
    ).toBe(true);
    const down = await probe({
      ipv6: site,
      resolveAaaa: (name) => Promise.resolve(name === 'www.cgxx.edu.cn' ? [] : ['2001:da8::1']),
      httpsGetOverIpv6: (url) =>
        Promise.resolve(
          url.includes('cgxx') ? { ok: false, reason: 'ENETUNREACH' } : { ok: true, status: 200 },
        ),
    });
    expect(down.schoolSiteOverIpv6).toEqual({ aaaa: false, https: false });
  });

  it('is all null with one line when IPv6 probes are turned off', async () => {
    const result = await probe({ ipv6: { ...IPV6, enabled: false } });
    expect(result).toMatchObject({ globalIpv6Address: null, httpsOverIpv6: null });
    expect(result.tried).toEqual([
      'IPv6 probes are turned off in the config (ipv6.enabled: false)',
    ]);
  });

  it('says when no IPv6 resolver exists and reports AAAA as unknown', async () => {
    const result = await probe({
      readFile: (path) =>
        Promise.resolve(path.endsWith('resolv.conf') ? 'nameserver 10.0.0.53\n' : ROUTES),
    });
    expect(result.aaaaOverIpv6).toBeNull();
    expect(result.tried).toContain(
      'no IPv6 resolver: ipv6.resolvers is empty and /etc/resolv.conf has no IPv6 nameserver line',
    );
  });

  it('reports unreadable files as unknown, with the reason', async () => {
    const result = await probe({ readFile: () => Promise.reject(new Error('EACCES: denied')) });
    expect(result.ipv6DefaultRoute).toBeNull();
    expect(result.aaaaOverIpv6).toBeNull();
    expect(result.tried).toContain(
      'cannot read /proc/net/ipv6_route (EACCES: denied): default route unknown',
    );
    expect(result.tried).toContain(
      'no IPv6 resolver: ipv6.resolvers is empty and /etc/resolv.conf cannot be read (EACCES: denied)',
    );
  });

  it('asks each configured resolver, not resolv.conf, and records each answer', async () => {
    const asked: string[][] = [];
    const result = await probe({
      ipv6: { ...IPV6, resolvers: ['2001:db8::53', '2400:3200::1'] },
      resolveAaaa: (_name, servers) => {
        asked.push([...servers]);
        if (servers[0] === '2001:db8::53') {
          return Promise.reject(new Error('queryAaaa ECONNREFUSED www.edu.cn'));
        }
        return Promise.resolve(['2001:da8::1']);
      },
    });
    expect(asked).toEqual([['2001:db8::53'], ['2400:3200::1']]);
    expect(result.aaaaOverIpv6).toBe(true);
    expect(result.tried.filter((t) => t.startsWith('AAAA'))).toEqual([
      expect.stringMatching(
        /via 2001:db8::53: failed: queryAaaa ECONNREFUSED www\.edu\.cn \(\d+ ms\)$/,
      ),
      expect.stringMatching(/via 2400:3200::1: 2001:da8::1 \(\d+ ms\)$/),
    ]);
  });

  it.each([
    ['an empty answer', () => Promise.resolve([]), false, /: no AAAA record \(\d+ ms\)$/],
    [
      'a silent resolver',
      () => new Promise<string[]>(() => undefined),
      false,
      /: failed: timed out after 200 ms/,
    ],
    [
      'a resolver that throws synchronously',
      () => {
        throw new Error('bad server');
      },
      false,
      /: failed: bad server/,
    ],
  ])('AAAA false on %s', async (_name, resolveAaaa, value, line) => {
    const result = await probe({ resolveAaaa });
    expect(result.aaaaOverIpv6).toBe(value);
    expect(result.tried.find((t) => t.startsWith('AAAA'))).toMatch(line);
  });

  it('skips AAAA when dnsName is empty', async () => {
    const result = await probe({ ipv6: { ...IPV6, dnsName: '' } });
    expect(result.aaaaOverIpv6).toBeNull();
    expect(result.tried).toContain('ipv6.dnsName is empty: AAAA not checked');
  });

  it('reports no address and no route as false, with what the host has', async () => {
    const result = await probe({
      interfaces: () => ({ eth0: [{ ...GLOBAL, address: 'fe80::1' }] }),
      readFile: (path) =>
        Promise.resolve(path.endsWith('resolv.conf') ? (FILES['/etc/resolv.conf'] ?? '') : ''),
    });
    expect(result).toMatchObject({ globalIpv6Address: false, ipv6DefaultRoute: false });
    expect(result.tried).toContain('no global IPv6 address on this host: eth0 has fe80::1 only');
    expect(result.tried).toContain('no IPv6 default route');
  });

  it('survives an interface listing that throws', async () => {
    const result = await probe({
      interfaces: () => {
        throw new Error('uv_interface_addresses');
      },
    });
    expect(result.globalIpv6Address).toBeNull();
    expect(result.tried[0]).toBe('cannot list network interfaces: Error: uv_interface_addresses');
  });

  it('counts HTTPS failures, skips IPv4 literals and lists each try once', async () => {
    const result = await probe({
      collectorUrl: 'http://10.1.2.3:8080/',
      ipv6: { ...IPV6, targets: ['https://a.edu.cn/', 'https://b.edu.cn/', 'https://a.edu.cn/'] },
      httpsGetOverIpv6: (url) =>
        Promise.resolve(
          url.includes('b.edu')
            ? { ok: false, reason: 'TLS CERT_HAS_EXPIRED: certificate has expired' }
            : { ok: true, status: 403 },
        ),
    });
    expect(result.httpsOverIpv6).toEqual({ succeeded: 1, attempted: 2 });
    const https = result.tried.slice(3);
    expect(https[0]).toBe('http://10.1.2.3:8080/: not probed over IPv6, it is an IPv4 address');
    expect(https[1]).toMatch(/^https:\/\/a\.edu\.cn\/ over IPv6: 403/);
    expect(https[2]).toMatch(/^https:\/\/b\.edu\.cn\/ over IPv6: failed: TLS CERT_HAS_EXPIRED/);
    expect(https).toHaveLength(3);
  });

  it('reports HTTPS as unknown when there is nothing to try over IPv6', async () => {
    const result = await probe({
      collectorUrl: 'http://10.1.2.3/',
      ipv6: { ...IPV6, targets: [] },
    });
    expect(result.httpsOverIpv6).toBeNull();
    expect(result.tried.at(-1)).toBe('no target to try over IPv6: add sites to ipv6.targets');
  });

  it('turns a hanging or throwing HTTPS probe into a failure line', async () => {
    const result = await probe({
      ipv6: { ...IPV6, targets: ['https://hang.edu.cn/'] },
      httpsGetOverIpv6: (url) =>
        url.includes('hang')
          ? new Promise(() => undefined)
          : Promise.reject(new Error('boom\u001b[31m')),
    });
    expect(result.httpsOverIpv6).toEqual({ succeeded: 0, attempted: 2 });
    expect(result.tried).toContainEqual(
      expect.stringMatching(/hang\.edu\.cn\/ over IPv6: failed: timed out after 200 ms/),
    );
    // A remote's error text reaches terminals: control characters are removed.
    expect(result.tried).toContainEqual(expect.stringMatching(/failed: boom \[31m/));
  });
});

const hasIpv6Loopback = await canListenOn('::1');
const cert = hasIpv6Loopback ? makeSelfSignedForIpv6Loopback() : undefined;
if (!hasIpv6Loopback) console.warn('SKIPPED real IPv6 tests: ::1 is not available on this machine');
else if (cert === undefined)
  console.warn('SKIPPED HTTPS-over-::1 tests: /usr/bin/openssl not found');

describe.skipIf(!hasIpv6Loopback)('over the real loopback ::1 (needs ::1)', () => {
  let server: https.Server | undefined;
  let httpsUrl = '';
  let dns: DnsStub;

  beforeAll(async () => {
    dns = await startDnsStub({
      'school.test': [0x20, 0x01, 0x0d, 0xb8, ...new Array<number>(11).fill(0), 5],
    });
    if (cert === undefined) return;
    const s = https.createServer(cert, (_req, res) => res.writeHead(204).end());
    server = s;
    await new Promise<void>((resolve) => s.listen(0, '::1', resolve));
    httpsUrl = `https://[::1]:${(s.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await dns.close();
    await new Promise((resolve) =>
      server === undefined ? resolve(undefined) : server.close(resolve),
    );
  });

  it.skipIf(cert === undefined)(
    'HTTPS to ::1 succeeds when the self-signed cert is trusted',
    async () => {
      const get = createHttpsGetOverIpv6({ ca: cert?.cert ?? '' });
      expect(await get(httpsUrl, 2000)).toEqual({ ok: true, status: 204 });
    },
  );

  it.skipIf(cert === undefined)(
    'HTTPS to ::1 fails with the TLS reason when it is not',
    async () => {
      const outcome = await createHttpsGetOverIpv6()(httpsUrl, 2000);
      expect(outcome.ok ? 'reached' : outcome.reason).toMatch(/^TLS \S+/);
    },
  );

  it('HTTP to a closed port on ::1 fails with connection refused', async () => {
    const outcome = await createHttpsGetOverIpv6()(
      `http://[::1]:${await closedPort('::1')}/`,
      2000,
    );
    expect(outcome.ok ? 'reached' : outcome.reason).toContain('ECONNREFUSED');
  });

  it('resolves AAAA through a resolver on ::1 with the default resolver', async () => {
    expect(await resolveAaaaVia('school.test', [`[::1]:${dns.port}`], 1000)).toEqual([
      '2001:db8::5',
    ]);
  });

  it.skipIf(cert === undefined)('runs the whole probe against ::1 only', async () => {
    const closed = `http://[::1]:${await closedPort('::1')}/`;
    const result = await probeHostIpv6({
      ipv6: {
        ...IPV6,
        targets: [closed],
        dnsName: 'school.test',
        resolvers: [`[::1]:${dns.port}`],
      },
      collectorUrl: httpsUrl,
      ca: cert?.cert ?? '',
      timeoutMs: 2000,
      interfaces: () => ({ eth0: [GLOBAL] }),
      readFile: () => Promise.resolve(ROUTES),
    });
    expect(result).toMatchObject({
      aaaaOverIpv6: true,
      httpsOverIpv6: { succeeded: 1, attempted: 2 },
    });
    expect(result.tried).toContainEqual(
      expect.stringMatching(/^https:\/\/\[::1\]:\d+\/ over IPv6: 204 \(\d+ ms\)$/),
    );
    expect(result.tried).toContainEqual(expect.stringMatching(/over IPv6: failed: .*ECONNREFUSED/));
    expect(ipv6Level(result, null)).toMatchObject({ level: 4, uplinkAssumed: true });
  });

  it('times out against a DNS server on ::1 that never answers', async () => {
    const silent = await startDnsStub({}, true);
    try {
      const result = await probeHostIpv6(
        healthy({
          ipv6: { ...IPV6, dnsName: 'school.test', resolvers: [`[::1]:${silent.port}`] },
          resolveAaaa: resolveAaaaVia,
          timeoutMs: 300,
        }),
      );
      expect(result.aaaaOverIpv6).toBe(false);
      expect(result.tried).toContainEqual(
        expect.stringMatching(/^AAAA school\.test via \[::1\]:\d+: failed: .*(timed out|ETIMEOUT)/),
      );
      expect(silent.queries).toContain('school.test');
    } finally {
      await silent.close();
    }
  });
});
