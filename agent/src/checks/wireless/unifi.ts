import type { WalkSet } from '../../snmp/walk-set.ts';
import type { WirelessFields, WirelessVendor } from './common.ts';

/**
 * UBNT-UniFi-MIB. A UniFi AP reports net-snmp's generic sysObjectID (8072.3.2.10), so the
 * only sign that it is an AP is this subtree (radio, VAP and system tables; mibs.md §1, §6).
 */
export const UNIFI_ROOT = '1.3.6.1.4.1.41112.1.6';

/** True when the poll walked the UniFi MIB and the device answered in it. */
export function isUnifiAp(ws: WalkSet): boolean {
  return ws.has(UNIFI_ROOT);
}

function extractUnifi(ws: WalkSet): WirelessFields | null {
  if (!isUnifiAp(ws)) return null;
  return {
    apCount: null,
    apsOnline: null,
    apSource: {
      kind: 'notApplicable',
      detail: `device is a UniFi AP (UBNT-UniFi-MIB ${UNIFI_ROOT} answers); it has no AP count`,
    },
    aps: null,
  };
}

export const unifiWireless: WirelessVendor = {
  name: 'UniFi',
  plan: { scalars: [], subtrees: [UNIFI_ROOT] },
  extract: extractUnifi,
};
