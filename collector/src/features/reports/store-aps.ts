import type { AccessPoint, DeviceResult } from '@xiaowang/shared';
import type { Db } from '../../db/schema.ts';
import { upsertApDaily, upsertAps } from './queries-aps.ts';

type OkResult = Extract<DeviceResult, { outcome: 'ok' }>;

export interface StoreApsInput {
  readonly countyId: number;
  readonly agentId: number;
  readonly deviceId: number;
  readonly sampledAt: string;
  readonly day: string;
  readonly result: OkResult;
}

/**
 * Upserts the APs a controller lists, by MAC within the county, and counts the poll in each
 * AP's day. APs missing from the list are left as they are: offline APs still count for
 * coverage. A controller that only gives counts (`aps: null`) stores nothing here.
 */
export async function storeAps(db: Db, v: StoreApsInput): Promise<number> {
  const listed = v.result.snapshot.aps;
  if (listed === null) return 0;
  // Lower case so one AP seen by two controllers that format MACs differently is one row.
  const byMac = new Map<string, AccessPoint>();
  for (const ap of listed) {
    const mac = ap.mac?.trim().toLowerCase() ?? '';
    if (mac !== '') byMac.set(mac, ap);
  }
  if (byMac.size === 0) return 0;
  const stored = await upsertAps(
    db,
    [...byMac].map(([mac, ap]) => ({
      county_id: v.countyId,
      mac,
      serial: ap.serial,
      name: ap.name,
      model: ap.model,
      ap_group: ap.apGroup ?? null,
      controller_device_id: v.deviceId,
      reported_by_agent_id: v.agentId,
      online: ap.online === null ? null : ap.online ? 1 : 0,
      clients: ap.clients,
      first_seen_at: v.sampledAt,
      last_seen_at: v.sampledAt,
      last_online_at: ap.online === true ? v.sampledAt : null,
    })),
  );
  await upsertApDaily(
    db,
    stored.map(({ id, mac }) => ({
      ap_id: id,
      day: v.day,
      samples: 1,
      online_samples: byMac.get(mac)?.online === true ? 1 : 0,
    })),
  );
  return stored.length;
}
