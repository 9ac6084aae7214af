import type { DeviceOutline } from '../report/device-outline.ts';
import type { LoadedConfig } from '../config/load-config.ts';
import type { DeviceTarget } from '../poll/poll-device.ts';
import type { Candidate, Skipped } from './candidates.ts';
import { collectLldpCandidates, collectSweepCandidates, mergeCandidates } from './candidates.ts';
import { canonicalHost } from './cidr.ts';
import type { Probe } from './probe-snmp.ts';
import { createRateLimiter } from './rate-limit.ts';

export const SNMP_PORT = 161;
const NAME_MAX = 128;
const MAX_CONCURRENT_PROBES = 8;

/** A device found by discovery: a poll target that remembers which credential name answered. */
export interface DiscoveredTarget extends DeviceTarget {
  readonly credentialName: string;
  readonly via: 'lldp' | 'sweep';
}

export interface DiscoverInput {
  /** The last cycle's results: their LLDP neighbours are the candidates. */
  readonly seeds: readonly DeviceOutline[];
  readonly config: LoadedConfig;
  /** `host:port` of every configured or earlier discovered device; never probed again. */
  readonly known: ReadonlySet<string>;
  /** How many of `known` were discovered: `maxDevices` bounds discovered devices only. */
  readonly alreadyDiscovered: number;
  readonly probe: Probe;
  /** Run the subnet sweep this time (when configured); the caller spaces sweeps out. */
  readonly sweep?: boolean;
  /** The SNMP port to try on an address; 161 unless a test serves elsewhere. */
  readonly portFor?: (address: string) => number;
  readonly concurrency?: number;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface DiscoverResult {
  readonly found: DiscoveredTarget[];
  readonly skipped: Skipped[];
  readonly probes: number;
}

export function targetKey(host: string, port: number): string {
  return `${canonicalHost(host)}:${port}`;
}

const realSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Finds new devices from LLDP neighbours (inside `discovery.subnets` only) and the optional
 * sweep. Each candidate gets the discovery credentials in order until one answers; probes
 * are rate-limited, and no more than `maxDevices` discovered devices exist afterwards.
 */
export async function discoverDevices(input: DiscoverInput): Promise<DiscoverResult> {
  const discovery = input.config.config.discovery;
  const portFor = input.portFor ?? (() => SNMP_PORT);
  const limiter = createRateLimiter(
    discovery.probesPerSecond,
    input.now ?? Date.now,
    input.sleep ?? realSleep,
  );
  const lists = [collectLldpCandidates(input.seeds, discovery)];
  if (input.sweep !== false) lists.push(collectSweepCandidates(discovery));
  const { candidates, skipped } = mergeCandidates(...lists);
  const budget = Math.max(0, discovery.maxDevices - input.alreadyDiscovered);
  const found: { order: number; target: DiscoveredTarget }[] = [];
  let probes = 0;

  async function tryCandidate(candidate: Candidate, order: number): Promise<void> {
    const port = portFor(candidate.address);
    if (input.known.has(targetKey(candidate.address, port))) {
      skipped.push({ address: candidate.address, reason: 'already-known' });
      return;
    }
    if (found.length >= budget) {
      skipped.push({ address: candidate.address, reason: 'limit-reached' });
      return;
    }
    if (discovery.credentials.length === 0) {
      skipped.push({ address: candidate.address, reason: 'no-credentials' });
      return;
    }
    for (const credentialName of discovery.credentials) {
      const credentials = input.config.credentials.get(credentialName);
      if (credentials === undefined) continue;
      await limiter.take();
      probes++;
      const answer = await input
        .probe({ host: candidate.address, port }, credentials)
        .catch(() => undefined);
      if (answer === undefined) continue;
      // Probes in flight may all answer; the budget is checked again once they do.
      if (found.length >= budget) {
        skipped.push({ address: candidate.address, reason: 'limit-reached' });
        return;
      }
      const name = (answer.sysName ?? candidate.address).slice(0, NAME_MAX);
      const school = candidate.school;
      found.push({
        order,
        target: {
          name,
          host: candidate.address,
          port,
          credentials,
          credentialName,
          via: candidate.via,
          ...(school === undefined ? {} : { school }),
        },
      });
      return;
    }
    skipped.push({ address: candidate.address, reason: 'no-answer' });
  }

  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < candidates.length) {
      const order = next++;
      const candidate = candidates[order];
      if (candidate !== undefined) await tryCandidate(candidate, order);
    }
  };
  const workers = Math.max(
    1,
    Math.min(input.concurrency ?? Math.ceil(discovery.probesPerSecond), MAX_CONCURRENT_PROBES),
  );
  await Promise.all(Array.from({ length: workers }, worker));
  found.sort((a, b) => a.order - b.order);
  return { found: found.map((f) => f.target), skipped, probes };
}
