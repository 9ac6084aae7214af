import type { DeviceResult } from '@xiaowang/shared';
import type { Db } from '../../db/schema.ts';
import { localDay } from './local-day.ts';
import type { KnownDevice } from './queries-devices.ts';
import { storeAps } from './store-aps.ts';
import { storeDevice } from './store-device.ts';
import { storeInterfaces } from './store-interfaces.ts';
import { storeNeighbours } from './store-neighbours.ts';

export interface DeviceContext {
  readonly agentId: number;
  readonly countyId: number;
  readonly timezone: string;
  readonly metroPattern: RegExp | null;
  readonly reportRowId: number;
}

export interface StoredCounts {
  interfaces: number;
  samples: number;
  aps: number;
}

/** Everything one device result writes, in the caller's transaction. */
export async function storeDeviceResult(
  db: Db,
  ctx: DeviceContext,
  device: { schoolId: number | null; known: KnownDevice | undefined; result: DeviceResult },
): Promise<StoredCounts> {
  const { result } = device;
  // The agent's poll time, not the arrival time: a spooled report may arrive days later.
  const polled = new Date(result.meta.startedAt);
  const sampledAt = polled.toISOString();
  const stored = await storeDevice(db, { ...ctx, ...device, sampledAt });
  if (result.outcome !== 'ok') return { interfaces: 0, samples: 0, aps: 0 };

  const day = localDay(polled, ctx.timezone);
  const common = { ...ctx, deviceId: stored.id, sampledAt, day, result };
  const ports = await storeInterfaces(db, { ...common, ...device, result, stale: stored.stale });
  if (!stored.stale) await storeNeighbours(db, common);
  const aps = await storeAps(db, common);
  return { ...ports, aps };
}
