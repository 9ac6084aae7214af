import type { DeviceResult, DeviceSnapshot, LldpNeighbor } from '@xiaowang/shared';
import { parseConfig } from '../config/load-config.ts';
import type { AgentConfigInput } from '../config/schema.ts';
import type { SnmpCredentials, SnmpTarget } from '../snmp/credentials.ts';
import type { DiscoverInput } from './discover.ts';
import { targetKey } from './discover.ts';
import type { ProbeAnswer } from './probe-snmp.ts';

/** Test helpers for discovery: a config, seed results with LLDP neighbours, a fake probe. */
const COLLECTOR = { url: 'http://127.0.0.1:1/', token: 'xw_abcdefghijklmnopqrstuvwxyz012345' };
const CREDENTIALS = {
  old: { version: '2c', community: 'old-community' },
  school: { version: '2c', community: 'school-community' },
} as const;

export function config(discovery: AgentConfigInput['discovery']) {
  return parseConfig('agent.json', {
    collector: COLLECTOR,
    credentials: CREDENTIALS,
    devices: [{ name: 'core', host: '10.20.0.1', credentials: 'school' }],
    discovery,
  });
}

export function neighbour(address: string | null): LldpNeighbor {
  return {
    localPortNum: 1,
    localPort: null,
    localIfIndex: null,
    localPortResolvedBy: null,
    remoteChassisId: null,
    remoteSysName: null,
    remotePortId: null,
    remotePortIdSubtype: null,
    remotePortDesc: null,
    remoteCapabilities: null,
    remoteCapabilitiesSupported: null,
    remoteManagementAddress: address,
  };
}

export function seed(addresses: (string | null)[], outcome: 'ok' | 'error' = 'ok'): DeviceResult {
  const target = { name: 'core', address: '10.20.0.1', port: 161, school: 'hxcx' };
  const meta = { startedAt: new Date(0).toISOString(), durationMs: 1 };
  const counts = { requests: 1, retries: 0, timeouts: 0, varbinds: 1 };
  if (outcome === 'error') {
    const error = { code: 'TIMEOUT', message: 'no answer', retryable: true } as const;
    return { outcome, target, meta: { ...meta, ...counts }, error };
  }
  const snapshot = { lldpNeighbors: addresses.map(neighbour) } as unknown as DeviceSnapshot;
  return { outcome, target, meta: { ...meta, ...counts }, snapshot, partErrors: [] };
}

export type Call = { host: string; port: number; community: string; at: number };

/** A probe that answers only the given (address → community) pairs and records every call. */
export function fakeProbe(answers: Record<string, string>, clock: { t: number }) {
  const calls: Call[] = [];
  const probe = (target: SnmpTarget, c: SnmpCredentials): Promise<ProbeAnswer | undefined> => {
    const community = c.version === '2c' ? c.community.reveal() : '';
    calls.push({ host: target.host, port: target.port, community, at: clock.t });
    const ok = answers[target.host] === community;
    return Promise.resolve(
      ok ? { sysObjectID: '1.3.6.1.4.1.2011', sysName: `sw-${target.host}` } : undefined,
    );
  };
  return { calls, probe };
}

export function input(over: Partial<DiscoverInput> & Pick<DiscoverInput, 'config' | 'probe'>) {
  const clock = { t: 0 };
  return {
    seeds: [],
    known: new Set([targetKey('10.20.0.1', 161)]),
    alreadyDiscovered: 0,
    concurrency: 1,
    now: () => clock.t,
    sleep: (ms: number) => Promise.resolve(void (clock.t += ms)),
    ...over,
  };
}

export const LLDP = { lldp: true, subnets: ['10.20.0.0/16'], credentials: ['old', 'school'] };
