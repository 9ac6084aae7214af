import type { DeviceSnapshot, PollPart } from '@xiaowang/shared';
import type { WalkSet } from '../snmp/walk-set.ts';
import type { PollContext, WalkPlan } from './check.ts';
import { entityCheck } from './entity.ts';
import { identityPlan } from './identity.ts';
import { interfacesCheck } from './interfaces.ts';
import { ipv6Check } from './ipv6.ts';
import { lldpCheck } from './lldp.ts';
import { routesCheck } from './routes.ts';
import type { SystemInfo } from './system.ts';
import { wirelessCheck } from './wireless/index.ts';

/** The snapshot's fields that checks fill; the poller fills the system group and identity. */
export type CheckParts = Omit<DeviceSnapshot, 'vendor' | 'role' | keyof SystemInfo>;

/** A check of any kind, as the poller sees it. */
export interface AnyCheck {
  readonly part: PollPart;
  plan(ctx: PollContext): WalkPlan;
  extract(ws: WalkSet, ctx: PollContext): Partial<CheckParts>;
}

/** Identity needs a vendor probe but fills no part of its own; its errors count as system. */
const identityCheck: AnyCheck = {
  part: 'system',
  plan: identityPlan,
  extract: () => ({}),
};

/** Every check the poller runs, in the order their fields appear in a snapshot. */
export const CHECKS: readonly AnyCheck[] = [
  identityCheck,
  interfacesCheck,
  ipv6Check,
  routesCheck,
  wirelessCheck,
  lldpCheck,
  entityCheck,
];
