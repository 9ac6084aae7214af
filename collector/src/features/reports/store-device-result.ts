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
  const { result, schoolId, known } = device;
  // The agent's poll time, not the arrival time: a spooled report may arrive days later.
  const polled = new Date(result.meta.startedAt);
  const sampledAt = polled.toISOString();
  const { agentId, countyId, reportRowId } = ctx;
  // Inputs are spelled out, not spread: spreading objects of other shapes into a new one
  // takes V8's slow path, several µs a report.
  const stored = await storeDevice(db, {
    agentId,
    countyId,
    schoolId,
    reportRowId,
    known,
    result,
    sampledAt,
  });
  if (result.outcome !== 'ok') return { interfaces: 0, samples: 0, aps: 0 };

  const day = localDay(polled, ctx.timezone);
  const deviceId = stored.id;
  const ports = await storeInterfaces(db, {
    deviceId,
    known,
    schoolId,
    reportRowId,
    stale: stored.stale,
    sampledAt,
    day,
    metroPattern: ctx.metroPattern,
    result,
  });
  if (!stored.stale) await storeNeighbours(db, { deviceId, sampledAt, result });
  const aps = await storeAps(db, { countyId, agentId, deviceId, sampledAt, day, result });
  return { interfaces: ports.interfaces, samples: ports.samples, aps };
}
