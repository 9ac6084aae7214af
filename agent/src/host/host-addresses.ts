import type { NetworkInterfaceInfo } from 'node:os';
import { classifyIpv6, parseIpv6Text } from '../checks/ipv6-address.ts';

export type InterfaceTable = NodeJS.Dict<NetworkInterfaceInfo[]>;

export interface AddressFinding {
  readonly found: boolean;
  readonly tried: string;
}

function isIpv6(info: NetworkInterfaceInfo): boolean {
  // Node 18.0–18.3 reported the family as a number; accept both.
  const family: unknown = info.family;
  return family === 'IPv6' || family === 6;
}

function isGlobal(address: string): boolean {
  const bytes = parseIpv6Text(address.split('%')[0] ?? '');
  return bytes !== undefined && classifyIpv6(bytes) === 'global';
}

/** Looks for a global unicast (2000::/3) address on any interface but loopback. */
export function findGlobalIpv6(table: InterfaceTable): AddressFinding {
  const others: string[] = [];
  for (const [name, infos] of Object.entries(table)) {
    if (name === 'lo' || infos === undefined) continue;
    const seen: string[] = [];
    for (const info of infos) {
      if (info.internal || !isIpv6(info)) continue;
      if (isGlobal(info.address)) {
        return { found: true, tried: `global IPv6 address on ${name}: ${info.address}` };
      }
      seen.push(info.address);
    }
    if (seen.length > 0) others.push(`${name} has ${seen.join(', ')}`);
  }
  const detail =
    others.length === 0 ? 'no IPv6 address apart from loopback' : `${others.join('; ')} only`;
  return { found: false, tried: `no global IPv6 address on this host: ${detail}` };
}
