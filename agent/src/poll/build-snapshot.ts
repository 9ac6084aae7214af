import type { DeviceSnapshot, PartError } from '@xiaowang/shared';
import { CHECKS } from '../checks/index.ts';
import type { AnyCheck } from '../checks/index.ts';
import type { PollContext } from '../checks/check.ts';
import { detectRole, detectVendor } from '../checks/identity.ts';
import { extractSystem } from '../checks/system.ts';
import type { WalkSet } from '../snmp/walk-set.ts';

/** What a part reads as when it could not be decoded at all: unknown, never invented. */
const EMPTY_PARTS = {
  interfaces: [],
  ipv6: [],
  ipv6Forwarding: null,
  ipv6DefaultRoutes: null,
  apCount: null,
  apsOnline: null,
  apSource: null,
  aps: null,
  lldpNeighbors: [],
  entity: null,
} satisfies Partial<DeviceSnapshot>;

/**
 * Turns what one poll read into the snapshot the report carries. Pure: the same WalkSet
 * always gives the same snapshot, which is what the fixture tests rely on.
 */
export function buildSnapshot(
  ws: WalkSet,
  ctx: PollContext,
  partErrors: PartError[],
  checks: readonly AnyCheck[] = CHECKS,
): DeviceSnapshot {
  let parts: Omit<DeviceSnapshot, 'vendor' | 'role' | keyof ReturnType<typeof extractSystem>> = {
    ...EMPTY_PARTS,
  };
  for (const check of checks) {
    try {
      parts = { ...parts, ...check.extract(ws, ctx) };
    } catch (error) {
      // Values from a device that break a decoder must cost that part, not the whole poll.
      const message = error instanceof Error ? error.message : String(error);
      partErrors.push({
        part: check.part,
        code: 'PROTOCOL',
        message: `could not decode what the device sent: ${message}`,
        retryable: false,
      });
    }
  }
  const system = extractSystem(ws);
  return {
    ...system,
    vendor: detectVendor(ctx, ws),
    role: detectRole(ctx, parts, ws),
    ...parts,
  };
}
