import { readFile as readFileFromDisk } from 'node:fs/promises';
import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { HostProbes } from '@xiaowang/shared';
import type { AgentConfig } from '../config/schema.ts';
import { attempt } from './attempt.ts';
import type { InterfaceTable } from './host-addresses.ts';
import { findGlobalIpv6 } from './host-addresses.ts';
import type { HttpsGetOverIpv6 } from './https-over-ipv6.ts';
import { createHttpsGetOverIpv6 } from './https-over-ipv6.ts';
import { findDefaultRoute } from './ipv6-route.ts';
import type { ResolveAaaa } from './resolve-aaaa.ts';
import { ipv6Nameservers, resolveAaaaVia } from './resolve-aaaa.ts';

export { ipv6Level } from './ipv6-level.ts';
export type { Ipv6Gap, Ipv6LevelResult } from './ipv6-level.ts';

export interface ProbeHostIpv6Options {
  readonly ipv6: AgentConfig['ipv6'];
  readonly collectorUrl: string;
  /** Per probe step. Default 5000 ms. */
  readonly timeoutMs?: number;
  /** Extra trusted certificate(s) for the default HTTPS probe. */
  readonly ca?: string | Buffer;
  readonly interfaces?: () => InterfaceTable;
  readonly readFile?: (path: string) => Promise<string>;
  readonly resolveAaaa?: ResolveAaaa;
  readonly httpsGetOverIpv6?: HttpsGetOverIpv6;
  readonly now?: () => number;
}

interface Step<T> {
  readonly value: T;
  readonly tried: readonly string[];
}

const ROUTE_FILE = '/proc/net/ipv6_route';
const RESOLV_CONF = '/etc/resolv.conf';
const MAX_TRIED = 100;
const MAX_LINE = 512;

function clean(line: string): string {
  // eslint-disable-next-line no-control-regex
  return line.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').slice(0, MAX_LINE);
}

function probeAddress(interfaces: () => InterfaceTable): Step<boolean | null> {
  try {
    const finding = findGlobalIpv6(interfaces());
    return { value: finding.found, tried: [finding.tried] };
  } catch (error) {
    return { value: null, tried: [`cannot list network interfaces: ${String(error)}`] };
  }
}

async function probeRoute(o: Resolved): Promise<Step<boolean | null>> {
  const read = await attempt(() => o.readFile(ROUTE_FILE), o.timeoutMs, o.now);
  if (!read.ok) {
    return {
      value: null,
      tried: [`cannot read ${ROUTE_FILE} (${read.reason}): default route unknown`],
    };
  }
  const finding = findDefaultRoute(read.value);
  return { value: finding.found, tried: [finding.tried] };
}

async function pickResolvers(o: Resolved): Promise<Step<string[]>> {
  if (o.ipv6.resolvers.length > 0) return { value: [...o.ipv6.resolvers], tried: [] };
  const read = await attempt(() => o.readFile(RESOLV_CONF), o.timeoutMs, o.now);
  const servers = read.ok ? ipv6Nameservers(read.value) : [];
  if (servers.length > 0) return { value: servers, tried: [] };
  const why = read.ok ? `has no IPv6 nameserver line` : `cannot be read (${read.reason})`;
  return {
    value: [],
    tried: [`no IPv6 resolver: ipv6.resolvers is empty and ${RESOLV_CONF} ${why}`],
  };
}

async function probeAaaa(o: Resolved): Promise<Step<boolean | null>> {
  const name = o.ipv6.dnsName;
  if (name === '') return { value: null, tried: ['ipv6.dnsName is empty: AAAA not checked'] };
  const resolvers = await pickResolvers(o);
  if (resolvers.value.length === 0) return { value: null, tried: resolvers.tried };
  const results = await Promise.all(
    resolvers.value.map(async (server) => {
      const r = await attempt(() => o.resolveAaaa(name, [server], o.timeoutMs), o.timeoutMs, o.now);
      const head = `AAAA ${name} via ${server}`;
      if (!r.ok) return { ok: false, line: `${head}: failed: ${r.reason} (${r.ms} ms)` };
      const answer = r.value.length > 0 ? r.value.join(', ') : 'no AAAA record';
      return { ok: r.value.length > 0, line: `${head}: ${answer} (${r.ms} ms)` };
    }),
  );
  return { value: results.some((r) => r.ok), tried: results.map((r) => r.line) };
}

function displayUrl(raw: string): { url: string; ipv4: boolean } {
  try {
    const url = new URL(raw);
    url.username = '';
    url.password = '';
    return { url: url.toString(), ipv4: isIP(url.hostname) === 4 };
  } catch {
    return { url: raw, ipv4: false };
  }
}

type HttpsCount = HostProbes['httpsOverIpv6'];

async function probeHttps(o: Resolved): Promise<Step<HttpsCount>> {
  const urls = [...new Set([o.collectorUrl, ...o.ipv6.targets].map((u) => displayUrl(u).url))];
  const results = await Promise.all(
    urls.map(async (url) => {
      if (displayUrl(url).ipv4) {
        return {
          counted: false,
          ok: false,
          line: `${url}: not probed over IPv6, it is an IPv4 address`,
        };
      }
      const r = await attempt(() => o.httpsGetOverIpv6(url, o.timeoutMs), o.timeoutMs, o.now);
      const outcome = r.ok ? r.value : { ok: false as const, reason: r.reason };
      const said = outcome.ok ? String(outcome.status) : `failed: ${outcome.reason}`;
      return { counted: true, ok: outcome.ok, line: `${url} over IPv6: ${said} (${r.ms} ms)` };
    }),
  );
  const counted = results.filter((r) => r.counted);
  const tried = results.map((r) => r.line);
  if (counted.length === 0) {
    return {
      value: null,
      tried: [...tried, 'no target to try over IPv6: add sites to ipv6.targets'],
    };
  }
  return {
    value: { succeeded: counted.filter((r) => r.ok).length, attempted: counted.length },
    tried,
  };
}

/** Level 5 (targets.md §6): the school's own site resolves to AAAA and answers over IPv6. */
async function probeSchoolSite(o: Resolved): Promise<Step<HostProbes['schoolSiteOverIpv6']>> {
  const site = o.ipv6.schoolSite;
  if (site === undefined) return { value: null, tried: [] };
  const { url } = displayUrl(site);
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  const resolvers = await pickResolvers(o);
  let aaaa = isIP(host) === 6;
  const tried: string[] = [];
  if (!aaaa && resolvers.value.length > 0) {
    const r = await attempt(
      () => o.resolveAaaa(host, resolvers.value, o.timeoutMs),
      o.timeoutMs,
      o.now,
    );
    aaaa = r.ok && r.value.length > 0;
    tried.push(
      `school site ${host} AAAA: ${r.ok ? r.value.join(', ') || 'no AAAA record' : `failed: ${r.reason}`}`,
    );
  } else if (!aaaa) tried.push(...resolvers.tried);
  const r = await attempt(() => o.httpsGetOverIpv6(url, o.timeoutMs), o.timeoutMs, o.now);
  const outcome = r.ok ? r.value : { ok: false as const, reason: r.reason };
  tried.push(
    `school site ${url} over IPv6: ${outcome.ok ? String(outcome.status) : `failed: ${outcome.reason}`} (${r.ms} ms)`,
  );
  return { value: { aaaa, https: outcome.ok }, tried };
}

type Resolved = Required<Omit<ProbeHostIpv6Options, 'ca'>>;

function withDefaults(o: ProbeHostIpv6Options): Resolved {
  return {
    ipv6: o.ipv6,
    collectorUrl: o.collectorUrl,
    timeoutMs: o.timeoutMs ?? 5000,
    interfaces: o.interfaces ?? networkInterfaces,
    readFile: o.readFile ?? ((path) => readFileFromDisk(path, 'utf8')),
    resolveAaaa: o.resolveAaaa ?? resolveAaaaVia,
    httpsGetOverIpv6:
      o.httpsGetOverIpv6 ?? createHttpsGetOverIpv6(o.ca === undefined ? {} : { ca: o.ca }),
    now: o.now ?? Date.now,
  };
}

/**
 * What this host itself sees of IPv6 (targets.md §6 levels 2–4): a global address, a
 * default route, AAAA through an IPv6 resolver, HTTPS over IPv6. Never throws; every
 * attempt and its outcome is one line of `tried`.
 */
export async function probeHostIpv6(options: ProbeHostIpv6Options): Promise<HostProbes> {
  const o = withDefaults(options);
  const measuredAt = new Date(o.now()).toISOString();
  if (!o.ipv6.enabled) {
    return {
      measuredAt,
      globalIpv6Address: null,
      ipv6DefaultRoute: null,
      aaaaOverIpv6: null,
      httpsOverIpv6: null,
      tried: ['IPv6 probes are turned off in the config (ipv6.enabled: false)'],
    };
  }
  const address = probeAddress(o.interfaces);
  const [route, aaaa, https, site] = await Promise.all([
    probeRoute(o),
    probeAaaa(o),
    probeHttps(o),
    probeSchoolSite(o),
  ]);
  const tried = [address, route, aaaa, https, site].flatMap((s) => s.tried);
  return {
    measuredAt,
    globalIpv6Address: address.value,
    ipv6DefaultRoute: route.value,
    aaaaOverIpv6: aaaa.value,
    httpsOverIpv6: https.value,
    tried: tried.slice(0, MAX_TRIED).map(clean),
    schoolSiteOverIpv6: site.value,
  };
}
