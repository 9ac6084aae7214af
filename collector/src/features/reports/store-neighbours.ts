import type { DeviceResult } from '@xiaowang/shared';
import type { Db } from '../../db/schema.ts';
import { keptParts } from './kept-parts.ts';
import {
  replaceIpv6Addresses,
  replaceIpv6DefaultRoutes,
  replaceLldpNeighbors,
} from './queries-neighbours.ts';

type OkResult = Extract<DeviceResult, { outcome: 'ok' }>;

/** An address without an interface (ifIndex unknown) is kept under ifIndex 0, which no port has. */
const NO_IF_INDEX = 0;

/**
 * Replaces the device's IPv6 addresses and LLDP neighbours with this poll's. A part that
 * failed to read keeps the previous list rather than emptying it.
 */
export async function storeNeighbours(
  db: Db,
  v: { deviceId: number; sampledAt: string; result: OkResult },
): Promise<void> {
  // A part that failed or was skipped this cycle keeps its previous values.
  const failed = keptParts(v.result);
  const { snapshot } = v.result;
  if (!failed.has('ipv6')) {
    await replaceIpv6Addresses(
      db,
      v.deviceId,
      v.sampledAt,
      snapshot.ipv6.map((a) => ({
        device_id: v.deviceId,
        if_index: a.ifIndex ?? NO_IF_INDEX,
        address: a.address,
        prefix_length: a.prefixLength,
        type: a.type,
        source: a.source,
        last_seen_at: v.sampledAt,
      })),
    );
  }
  if (!failed.has('routes')) {
    await replaceIpv6DefaultRoutes(
      db,
      v.deviceId,
      v.sampledAt,
      (snapshot.ipv6DefaultRoutes ?? []).map((r) => ({
        device_id: v.deviceId,
        if_index: r.ifIndex,
        next_hop: r.nextHop,
        route_type: r.routeType === null ? null : String(r.routeType),
        protocol: r.protocol,
        last_seen_at: v.sampledAt,
      })),
    );
  }
  if (!failed.has('lldp')) {
    await replaceLldpNeighbors(
      db,
      v.deviceId,
      v.sampledAt,
      snapshot.lldpNeighbors.map((n) => ({
        device_id: v.deviceId,
        local_port_num: n.localPortNum,
        local_if_index: n.localIfIndex,
        local_port: n.localPort,
        remote_chassis_id: n.remoteChassisId,
        remote_sys_name: n.remoteSysName,
        remote_port_id: n.remotePortId,
        remote_port_desc: n.remotePortDesc,
        remote_management_address: n.remoteManagementAddress ?? null,
        last_seen_at: v.sampledAt,
      })),
    );
  }
}
