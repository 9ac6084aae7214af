import type { DeviceOutline } from '../report/device-outline.ts';
import type { AgentConfig } from '../config/schema.ts';
import { canonicalHost, containedInAny, ipv4Hosts, parseAddress, parseCidr } from './cidr.ts';

export type SkipReason =
  | 'outside-subnets'
  | 'not-an-address'
  | 'already-known'
  | 'limit-reached'
  | 'no-credentials'
  | 'no-answer'
  | 'bad-subnet'
  | 'ipv6-sweep-unsupported';

export interface Skipped {
  readonly address: string;
  readonly reason: SkipReason;
}

/** An address worth probing, and where it came from. */
export interface Candidate {
  readonly address: string;
  readonly via: 'lldp' | 'sweep';
  /** A neighbour belongs to the school of the device that saw it. */
  readonly school?: string;
}

export interface CandidateList {
  readonly candidates: Candidate[];
  readonly skipped: Skipped[];
}

type Discovery = AgentConfig['discovery'];

/**
 * Management addresses named by the LLDP neighbours of devices that answered. Only
 * addresses inside `subnets` are kept: LLDP also names the county's core, which is not
 * the school's to poll.
 */
export function collectLldpCandidates(
  seeds: readonly DeviceOutline[],
  discovery: Discovery,
): CandidateList {
  const out: CandidateList = { candidates: [], skipped: [] };
  if (!discovery.lldp) return out;
  const seen = new Set<string>();
  for (const seed of seeds) {
    if (seed.outcome !== 'ok') continue;
    for (const neighbour of seed.snapshot.lldpNeighbors) {
      const raw = neighbour.remoteManagementAddress;
      if (raw === null || raw === undefined) continue;
      const parsed = parseAddress(raw);
      const address = parsed === undefined ? raw : canonicalHost(raw);
      if (seen.has(address)) continue;
      seen.add(address);
      if (parsed === undefined) {
        out.skipped.push({ address, reason: 'not-an-address' });
        continue;
      }
      if (!containedInAny(discovery.subnets, address)) {
        out.skipped.push({ address, reason: 'outside-subnets' });
        continue;
      }
      const school = seed.target.school;
      out.candidates.push({ address, via: 'lldp', ...(school === undefined ? {} : { school }) });
    }
  }
  return out;
}

/** Host addresses of the sweep subnets, in order, at most `maxAddresses` in all. */
export function collectSweepCandidates(discovery: Discovery): CandidateList {
  const out: CandidateList = { candidates: [], skipped: [] };
  const sweep = discovery.sweep;
  if (sweep === undefined) return out;
  let left = sweep.maxAddresses;
  for (const text of sweep.subnets) {
    const cidr = parseCidr(text);
    if (cidr === undefined) {
      out.skipped.push({ address: text, reason: 'bad-subnet' });
      continue;
    }
    if (cidr.family === 6) {
      // A /64 has 2^64 addresses: IPv6 neighbours are found through LLDP instead.
      out.skipped.push({ address: text, reason: 'ipv6-sweep-unsupported' });
      continue;
    }
    for (const address of ipv4Hosts(cidr, left)) {
      out.candidates.push({ address, via: 'sweep' });
      left--;
    }
  }
  return out;
}

/** LLDP candidates first (they are known to exist), then the sweep's, each address once. */
export function mergeCandidates(...lists: readonly CandidateList[]): CandidateList {
  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  for (const list of lists) {
    for (const c of list.candidates) {
      if (seen.has(c.address)) continue;
      seen.add(c.address);
      candidates.push(c);
    }
  }
  return { candidates, skipped: lists.flatMap((l) => l.skipped) };
}
