// What every poller must fetch from each device: the agent's own plan (system group by GET,
// then the merged plan of its checks for that vendor), and how many values that yields.
import type { PollPart } from '@xiaowang/shared';
import { CHECKS } from '../../agent/src/checks/index.ts';
import { pollContext, SYSTEM_OIDS } from '../../agent/src/checks/system.ts';
import { isUnder } from '../../agent/src/snmp/oid.ts';
import { mergePlans } from '../../agent/src/poll/plan.ts';
import type { SimDevice } from './fleet.ts';
import { COMMUNITY } from './fleet.ts';

export interface DevicePlan {
  readonly name: string;
  readonly community: string;
  readonly host: string;
  readonly port: number;
  /** Fetched with GET: the system group, then the checks' scalars. */
  readonly gets: readonly string[];
  readonly subtrees: readonly string[];
  /** Values present under `subtrees` plus GET OIDs that exist: what every poller must return. */
  readonly expected: number;
}

function text(device: SimDevice, oid: string): string | null {
  const vb = device.varbinds.find((v) => v.oid === oid);
  if (vb === undefined) return null;
  if (vb.type === 'OctetString') return Buffer.from(vb.value).toString('utf8');
  if (vb.type === 'ObjectIdentifier') return vb.value;
  return null;
}

/**
 * The plan for one device. `skipParts` leaves out what the agent skips in that cycle: its
 * inventory schedule reads `entity` once a day, so a daemon's later cycles go without it.
 */
export function planFor(
  device: SimDevice,
  endpoint: { host: string; port: number },
  skipParts: readonly PollPart[] = [],
): DevicePlan {
  const ctx = pollContext({
    sysObjectID: text(device, SYSTEM_OIDS.sysObjectID),
    sysDescr: text(device, SYSTEM_OIDS.sysDescr),
    sysName: null,
    sysContact: null,
    sysLocation: null,
    sysUpTime: null,
  });
  const checks = CHECKS.filter((check) => !skipParts.includes(check.part));
  const plan = mergePlans(checks.map((check) => check.plan(ctx)));
  const gets = [...Object.values(SYSTEM_OIDS), ...plan.scalars];
  const present = new Set(device.varbinds.map((v) => v.oid));
  let expected = gets.filter((oid) => present.has(oid)).length;
  for (const vb of device.varbinds) {
    if (plan.subtrees.some((root) => isUnder(vb.oid, root))) expected++;
  }
  return {
    name: device.name,
    community: COMMUNITY,
    ...endpoint,
    gets,
    subtrees: plan.subtrees,
    expected,
  };
}
