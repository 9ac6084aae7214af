import type { Check, PollContext, WalkPlan } from '../check.ts';
import { arubaWireless } from './aruba.ts';
import { ciscoWireless } from './cisco.ts';
import type { WirelessVendor } from './common.ts';
import { NO_WIRELESS, mergePlans } from './common.ts';
import { h3cOldTreeWireless, h3cWireless } from './h3c.ts';
import { huaweiWireless } from './huawei.ts';
import { ruckusWireless } from './ruckus.ts';
import { ruijieWireless } from './ruijie.ts';
import { unifiWireless } from './unifi.ts';

export type { WirelessFields, WirelessVendor } from './common.ts';
export { isUnifiAp, UNIFI_ROOT } from './unifi.ts';

/**
 * Enterprise number of sysObjectID → vendor modules to try, first answer wins (J14 order).
 * Gating by enterprise keeps other vendors' switches from paying for these walks. Old H3C
 * firmware lives under Huawei's 2011.10 tree; Cisco WLCs carry Airespace 14179 tables.
 */
const VENDORS_BY_ENTERPRISE: ReadonlyMap<number, readonly WirelessVendor[]> = new Map([
  [2011, [huaweiWireless, h3cOldTreeWireless]],
  [9, [ciscoWireless]],
  [14179, [ciscoWireless]],
  [14823, [arubaWireless]],
  [25506, [h3cWireless]],
  [4881, [ruijieWireless]],
  [25053, [ruckusWireless]],
  [8072, [unifiWireless]],
  [41112, [unifiWireless]],
]);

export function wirelessVendorsFor(ctx: PollContext): readonly WirelessVendor[] {
  return ctx.enterprise === null ? [] : (VENDORS_BY_ENTERPRISE.get(ctx.enterprise) ?? []);
}

export function wirelessPlan(ctx: PollContext): WalkPlan {
  return mergePlans(wirelessVendorsFor(ctx).map((vendor) => vendor.plan));
}

export const wirelessCheck: Check<'apCount' | 'apsOnline' | 'apSource' | 'aps'> = {
  part: 'wireless',
  plan: wirelessPlan,
  extract(ws, ctx) {
    for (const vendor of wirelessVendorsFor(ctx)) {
      const found = vendor.extract(ws);
      if (found !== null) return found;
    }
    return { ...NO_WIRELESS };
  },
};
