import type { HostProbes, MessageKey } from '@xiaowang/shared';
import type { LoadedConfig } from '../config/load-config.ts';
import { ipv6Level } from '../host/ipv6-probes.ts';
import type { Ipv6Gap } from '../host/ipv6-probes.ts';
import type { CheckResult } from './doctor-checks.ts';
import { msg, rawDetail } from './doctor-checks.ts';

const LEVEL_KEYS: readonly MessageKey[] = [
  'doctor.ipv6.level0',
  'doctor.ipv6.level1',
  'doctor.ipv6.level2',
  'doctor.ipv6.level3',
  'doctor.ipv6.level4',
];

const GAP_KEYS: Readonly<Record<Exclude<Ipv6Gap, null>, MessageKey>> = {
  uplink: 'doctor.ipv6.gap.uplink',
  address: 'doctor.ipv6.gap.address',
  route: 'doctor.ipv6.gap.route',
  aaaa: 'doctor.ipv6.gap.aaaa',
  https: 'doctor.ipv6.gap.https',
};

/**
 * Check 6: this host's IPv6 level with what stops it there. Below level 4 is a warning:
 * IPv6 is the school network's state, not a fault of the agent's setup.
 */
export async function checkIpv6(
  loaded: LoadedConfig,
  probe: (loaded: LoadedConfig) => Promise<HostProbes>,
): Promise<CheckResult> {
  const ipv6 = loaded.config.ipv6;
  if (!ipv6.enabled) return { id: 'ipv6', status: 'skip', message: msg('doctor.ipv6.off') };
  const probes = await probe(loaded);
  const result = ipv6Level(probes, null, ipv6.requiredSuccesses);
  const https = probes.httpsOverIpv6;
  const details = [
    ...probes.tried.map(rawDetail),
    ...(result.uplinkAssumed ? [msg('doctor.ipv6.uplinkNote')] : []),
  ];
  const message = msg(LEVEL_KEYS[result.level] ?? 'doctor.ipv6.level0');
  if (result.gap === null) return { id: 'ipv6', status: 'pass', message, details };
  const advice = msg(GAP_KEYS[result.gap], {
    succeeded: https?.succeeded ?? 0,
    attempted: https?.attempted ?? 0,
    required: ipv6.requiredSuccesses,
  });
  return { id: 'ipv6', status: 'warn', message, advice, details };
}
