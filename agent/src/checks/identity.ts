import type { DeviceRole, DeviceSnapshot } from '@xiaowang/shared';
import { isUnder } from '../snmp/oid.ts';
import type { WalkSet } from '../snmp/walk-set.ts';
import type { PollContext, WalkPlan } from './check.ts';
import { isUnifiAp, UNIFI_ROOT } from './wireless/unifi.ts';

/*
 * Vendor and role tables, kept together. Sources: docs/mibs.md §1 (enterprise numbers and the
 * sysObjectIDs seen in our walks), the fixtures' README (labels, incl. 347 for the walk
 * LibreNMS files as ExtremeXOS), IANA numbers mibs.md lists as "from memory; verify".
 */
const ENTERPRISE = '1.3.6.1.4.1';

const VENDOR_LABELS: ReadonlyMap<number, string> = new Map([
  [9, 'Cisco'],
  [14179, 'Cisco'], // Airespace, Cisco WLCs
  [2011, 'Huawei'],
  [25506, 'H3C'],
  [4881, 'Ruijie'],
  [14823, 'Aruba (HPE)'],
  [25053, 'Ruckus'],
  [41112, 'Ubiquiti'],
  [3902, 'ZTE'],
  [11863, 'TP-Link'],
  [14988, 'MikroTik'],
  [52642, 'FS'],
  [40418, 'SNR (DCN-derived firmware)'],
  [8072, 'net-snmp'],
  [347, 'Extreme Networks'], // as the fixture README labels the exos walk
  [1916, 'Extreme Networks'], // IANA, unverified
  [6339, 'DCN'], // unverified
  [5651, 'Maipu'], // unverified
  [3320, 'BDCOM'], // unverified
  [2636, 'Juniper'], // unverified
]);

/** Labels that refine an enterprise by product subtree (longest prefix wins). */
const PRODUCT_LABELS: readonly (readonly [prefix: string, label: string])[] = [
  [`${ENTERPRISE}.8072.3.2.10`, 'Linux (net-snmp)'], // net-snmp's Linux agent OID
  [`${ENTERPRISE}.2011.10`, 'H3C'], // Huawei-3Com era H3C products (mibs.md §1)
];

/** Roles by product subtree that hold whatever the AP figures say (mibs.md §1). */
const PRODUCT_ROLES: readonly (readonly [prefix: string, role: DeviceRole])[] = [
  [`${ENTERPRISE}.2011.2.23`, 'switch'], // Huawei S-series (S5720)
  [`${ENTERPRISE}.2011.2.240`, 'wlc'], // Huawei AC6605, AC6508
  [`${ENTERPRISE}.2011.2.224`, 'router'], // Huawei AR (AR169F answers the AC scalar with 0)
  [`${ENTERPRISE}.2011.2.62`, 'router'], // Huawei NE40E
  [`${ENTERPRISE}.14823.1.1`, 'wlc'], // Aruba mobility controllers
  [`${ENTERPRISE}.25053.3.1.5`, 'wlc'], // Ruckus ZoneDirector
  [`${ENTERPRISE}.25053.3.1.11`, 'wlc'], // Ruckus SmartZone
];

/** Defaults used only when no AP table or count says the device is a controller. */
const FALLBACK_ROLES: readonly (readonly [prefix: string, role: DeviceRole])[] = [
  [`${ENTERPRISE}.14823.1.2`, 'ap'], // Aruba Instant AP that is not the virtual controller
  [`${ENTERPRISE}.14988`, 'router'], // MikroTik RouterOS
  [`${ENTERPRISE}.8072`, 'server'], // net-snmp: Linux and other hosts
];

/** Enterprises whose devices may be UniFi APs behind net-snmp's generic sysObjectID. */
const UNIFI_ENTERPRISES: ReadonlySet<number> = new Set([8072, 41112]);

function matchPrefix<T>(
  sysObjectID: string | null,
  table: readonly (readonly [string, T])[],
): T | undefined {
  if (sysObjectID === null) return undefined;
  let best: readonly [string, T] | undefined;
  for (const entry of table) {
    const [prefix] = entry;
    const hit = sysObjectID === prefix || isUnder(sysObjectID, prefix);
    if (hit && (best === undefined || prefix.length > best[0].length)) best = entry;
  }
  return best?.[1];
}

function isUnifi(ctx: PollContext, ws: WalkSet): boolean {
  return ctx.enterprise !== null && UNIFI_ENTERPRISES.has(ctx.enterprise) && isUnifiAp(ws);
}

/** HP-branded Comware says so in sysDescr; the enterprise (25506) is the same as H3C's. */
function isHpComware(sysDescr: string | null): boolean {
  return sysDescr !== null && /^\s*(HPE?\b|Hewlett[- ]Packard)/i.test(sysDescr);
}

/** What identity reads beyond the system group: the UniFi probe, only where it can apply. */
export function identityPlan(ctx: PollContext): WalkPlan {
  const probeUnifi = ctx.enterprise !== null && UNIFI_ENTERPRISES.has(ctx.enterprise);
  return { scalars: [], subtrees: probeUnifi ? [UNIFI_ROOT] : [] };
}

/** Vendor label from the enterprise number, refined by product subtree and probed tables. */
export function detectVendor(ctx: PollContext, ws: WalkSet): string | null {
  if (ctx.enterprise === null) return null;
  if (isUnifi(ctx, ws)) return 'Ubiquiti UniFi';
  const product = matchPrefix(ctx.sysObjectID, PRODUCT_LABELS);
  if (product !== undefined) return product;
  if (ctx.enterprise === 25506 && isHpComware(ctx.sysDescr)) return 'HPE (H3C Comware)';
  return VENDOR_LABELS.get(ctx.enterprise) ?? null;
}

function managesAps(snapshot: Pick<DeviceSnapshot, 'apCount' | 'aps'>): boolean {
  return (snapshot.aps?.length ?? 0) > 0 || (snapshot.apCount ?? 0) > 0;
}

/**
 * Role: a UniFi AP first, then product subtrees that fix the role, then AP evidence (a table
 * or a count above 0 makes a controller), then per-vendor defaults, else a switch. Without a
 * sysObjectID or any interface there is nothing to go on: unknown.
 */
export function detectRole(
  ctx: PollContext,
  snapshot: Pick<DeviceSnapshot, 'apCount' | 'apSource' | 'aps' | 'interfaces'>,
  ws: WalkSet,
): DeviceRole {
  if (snapshot.apSource?.kind === 'notApplicable' || isUnifi(ctx, ws)) return 'ap';
  const fixed = matchPrefix(ctx.sysObjectID, PRODUCT_ROLES);
  if (fixed !== undefined) return fixed;
  if (managesAps(snapshot)) return 'wlc';
  const fallback = matchPrefix(ctx.sysObjectID, FALLBACK_ROLES);
  if (fallback !== undefined) return fallback;
  if (ctx.sysObjectID === null && snapshot.interfaces.length === 0) return 'unknown';
  return 'switch';
}
