import type { Insertable } from 'kysely';
import type { DeviceResult, InterfaceRate, InterfaceRow } from '@xiaowang/shared';
import type { Db, InterfaceSamplesTable, InterfacesTable } from '../../db/schema.ts';
import type { KnownDevice } from './queries-devices.ts';
import { insertSamples, upsertInterfaceDaily, upsertInterfaces } from './queries-interfaces.ts';
import { uplinkPorts } from './uplink-ports.ts';

type OkResult = Extract<DeviceResult, { outcome: 'ok' }>;

export interface StoreInterfacesInput {
  readonly deviceId: number;
  readonly known: KnownDevice | undefined;
  readonly schoolId: number | null;
  readonly reportRowId: number;
  readonly stale: boolean;
  readonly sampledAt: string;
  /** The county's local date of `sampledAt`. */
  readonly day: string;
  readonly metroPattern: RegExp | null;
  readonly result: OkResult;
}

/**
 * Upserts every interface, keeps a sample of each uplink port (counters as decimal text,
 * the agent's rates when it sent them) and adds the poll to every port's daily summary.
 */
export async function storeInterfaces(
  db: Db,
  v: StoreInterfacesInput,
): Promise<{ interfaces: number; samples: number }> {
  const ports = [...new Map(v.result.snapshot.interfaces.map((p) => [p.ifIndex, p])).values()];
  if (ports.length === 0) return { interfaces: 0, samples: 0 };
  const stored = await upsertInterfaces(
    db,
    ports.map((p) => interfaceRow(v, p)),
    v.stale,
  );
  const ids = new Map(stored.map((r) => [r.if_index, r.id]));
  const rates = new Map((v.result.rates ?? []).map((r) => [r.ifIndex, r]));
  const uplinks = uplinkPorts({ ...v, snapshot: v.result.snapshot });

  const samples: Insertable<InterfaceSamplesTable>[] = [];
  const daily = [];
  for (const port of ports) {
    const id = ids.get(port.ifIndex);
    if (id === undefined) continue;
    const rate = rates.get(port.ifIndex);
    if (uplinks.has(port.ifIndex)) samples.push(sampleRow(v, id, port, rate));
    daily.push({
      interface_id: id,
      day: v.day,
      samples: 1,
      up_samples: port.ifOperStatus === 'up' ? 1 : 0,
      min_speed_mbps: port.ifSpeedMbps,
      max_speed_mbps: port.ifSpeedMbps,
      max_in_bps: rate?.inBps ?? null,
      max_out_bps: rate?.outBps ?? null,
    });
  }
  await insertSamples(db, samples);
  await upsertInterfaceDaily(db, daily);
  return { interfaces: ports.length, samples: samples.length };
}

/** ifStatus is a name, or the raw number when the device sent one outside the MIB. */
const statusText = (s: InterfaceRow['ifOperStatus']): string | null =>
  s === null ? null : String(s);

function interfaceRow(v: StoreInterfacesInput, p: InterfaceRow): Insertable<InterfacesTable> {
  return {
    device_id: v.deviceId,
    if_index: p.ifIndex,
    if_name: p.ifName,
    if_descr: p.ifDescr,
    if_alias: p.ifAlias,
    if_type: p.ifType,
    speed_mbps: p.ifSpeedMbps,
    if_speed: p.ifSpeed,
    if_high_speed: p.ifHighSpeed,
    speed_suspect: p.speedSuspect,
    admin_status: statusText(p.ifAdminStatus),
    oper_status: statusText(p.ifOperStatus),
    phys_address: p.ifPhysAddress,
    octets_64bit: p.octetsAre64bit ? 1 : 0,
    first_seen_at: v.sampledAt,
    last_seen_at: v.sampledAt,
  };
}

function sampleRow(
  v: StoreInterfacesInput,
  interfaceId: number,
  p: InterfaceRow,
  rate: InterfaceRate | undefined,
): Insertable<InterfaceSamplesTable> {
  return {
    interface_id: interfaceId,
    report_id: v.reportRowId,
    sampled_at: v.sampledAt,
    oper_status: statusText(p.ifOperStatus),
    speed_mbps: p.ifSpeedMbps,
    in_octets: p.inOctets,
    out_octets: p.outOctets,
    in_bps: rate?.inBps ?? null,
    out_bps: rate?.outBps ?? null,
    interval_s: rate?.intervalS ?? null,
    rate_dropped: rate?.dropped ?? null,
  };
}
