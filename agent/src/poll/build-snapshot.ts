import type { DeviceSnapshot, PartError } from '@xiaowang/shared';
import { CHECKS } from '../checks/index.ts';
import type { AnyCheck, CheckParts } from '../checks/index.ts';
import type { PollContext } from '../checks/check.ts';
import { detectRole, detectVendor } from '../checks/identity.ts';
import { extractSystem } from '../checks/system.ts';
import type { WalkSet } from '../snmp/walk-set.ts';

/** What a part reads as when it could not be decoded at all: unknown, never invented. */
function unknownParts(): CheckParts {
  return {
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
  };
}

/**
 * Turns what one poll read into the snapshot the report carries. Pure: the same WalkSet
 * always gives the same snapshot, which is what the fixture tests rely on.
 *
 * The snapshot is one object literal with its fields named, not spread together: a spread
 * copy followed by more fields gives every device's snapshot a shape of its own, which V8
 * cannot share, so the code that packs the report saw 500 shapes a cycle and was compiled
 * again whenever a collection dropped them (docs/adr/0021).
 */
export function buildSnapshot(
  ws: WalkSet,
  ctx: PollContext,
  partErrors: PartError[],
  checks: readonly AnyCheck[] = CHECKS,
): DeviceSnapshot {
  const parts = unknownParts();
  for (const check of checks) {
    try {
      Object.assign(parts, check.extract(ws, ctx));
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
    sysObjectID: system.sysObjectID,
    sysDescr: system.sysDescr,
    sysName: system.sysName,
    sysContact: system.sysContact,
    sysLocation: system.sysLocation,
    sysUpTime: system.sysUpTime,
    vendor: detectVendor(ctx, ws),
    role: detectRole(ctx, parts, ws),
    interfaces: parts.interfaces,
    ipv6: parts.ipv6,
    ipv6Forwarding: parts.ipv6Forwarding,
    ipv6DefaultRoutes: parts.ipv6DefaultRoutes,
    apCount: parts.apCount,
    apsOnline: parts.apsOnline,
    apSource: parts.apSource,
    aps: parts.aps,
    lldpNeighbors: parts.lldpNeighbors,
    entity: parts.entity,
  };
}
