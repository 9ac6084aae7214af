import { promises as dns } from 'node:dns';
import { isIP } from 'node:net';

export type ResolveAaaa = (
  name: string,
  servers: readonly string[],
  timeoutMs: number,
) => Promise<string[]>;

/** The IPv6 `nameserver` lines of a resolv.conf (a zone suffix such as `%eth0` is kept). */
export function ipv6Nameservers(resolvConf: string): string[] {
  const out: string[] = [];
  for (const line of resolvConf.split('\n')) {
    const address = /^\s*nameserver\s+(\S+)/.exec(line)?.[1];
    if (address !== undefined && isIP(address.split('%')[0] ?? '') === 6) out.push(address);
  }
  return out;
}

/**
 * Asks exactly the given servers (never the system's list) for AAAA records. Servers may
 * carry a port as `[addr]:port`. One try each, so the caller's timeout means something.
 */
export const resolveAaaaVia: ResolveAaaa = async (name, servers, timeoutMs) => {
  const resolver = new dns.Resolver({ timeout: timeoutMs, tries: 1 });
  resolver.setServers([...servers]);
  return resolver.resolve6(name);
};
