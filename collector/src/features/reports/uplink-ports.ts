import type { DeviceSnapshot } from '@xiaowang/shared';
import { inferUplinks } from '../uplinks/infer-uplinks.ts';
import type { KnownDevice } from './queries-devices.ts';

/** The ports whose every sample is kept: those a person designated, plus those inferred now. */
export function uplinkPorts(v: {
  schoolId: number | null;
  known: KnownDevice | undefined;
  snapshot: DeviceSnapshot;
  metroPattern: RegExp | null;
}): Set<number> {
  const inferred = inferUplinks({
    interfaces: v.snapshot.interfaces,
    lldp: v.snapshot.lldpNeighbors,
    ipv6DefaultRouteIfIndexes: (v.snapshot.ipv6DefaultRoutes ?? []).map((r) => r.ifIndex),
    metroPattern: v.metroPattern,
  });
  const ports = new Set<number>();
  // Designations belong to a school; a county-level device has none.
  for (const d of v.known?.designations ?? []) if (d.schoolId === v.schoolId) ports.add(d.ifIndex);
  for (const c of inferred) ports.add(c.ifIndex);
  return ports;
}
