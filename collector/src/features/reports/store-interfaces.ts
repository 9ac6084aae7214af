import type { Insertable } from 'kysely';
import type { DeviceResult, InterfaceRate, InterfaceRow } from '@xiaowang/shared';
import type {
  Db,
  InterfaceDailyTable,
  InterfaceSamplesTable,
  InterfacesTable,
} from '../../db/schema.ts';
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
  const ports = distinctPorts(v.result.snapshot.interfaces);
  if (ports.length === 0) return { interfaces: 0, samples: 0 };
  const stored = await upsertInterfaces(
    db,
    ports.map((p) => interfaceRow(v, p)),
    v.stale,
  );
  const ids = byIfIndex(ports, stored, (r) => r.if_index);
  const rates = byIfIndex(ports, v.result.rates ?? [], (r) => r.ifIndex);
  const uplinks = uplinkPorts({
    schoolId: v.schoolId,
    known: v.known,
    snapshot: v.result.snapshot,
    metroPattern: v.metroPattern,
  });

  const samples: Insertable<InterfaceSamplesTable>[] = [];
  const daily: InterfaceDailyTable[] = [];
  for (let i = 0; i < ports.length; i++) {
    const port = ports[i] as InterfaceRow;
    const id = ids(i)?.id;
    if (id === undefined) continue;
    const rate = rates(i);
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

/** One row per ifIndex, the last one listed, in the order first listed. */
function distinctPorts(interfaces: readonly InterfaceRow[]): readonly InterfaceRow[] {
  if (ascending(interfaces, (p) => p.ifIndex)) return interfaces;
  const byIndex = new Map<number, InterfaceRow>();
  for (const p of interfaces) byIndex.set(p.ifIndex, p);
  return [...byIndex.values()];
}

/**
 * For each of the (distinct) ports by position, the item of `items` with its ifIndex, the
 * last one listed. Agents list rates, and the database returns upserted rows, in the ports'
 * order as a rule; then the items are taken by position, with no map to build per report.
 */
function byIfIndex<T>(
  ports: readonly InterfaceRow[],
  items: readonly T[],
  ifIndexOf: (item: T) => number,
): (position: number) => T | undefined {
  const aligned =
    items.length === ports.length &&
    items.every((item, i) => ifIndexOf(item) === ports[i]?.ifIndex);
  if (aligned) return (position) => items[position];
  const byIndex = new Map<number, T>();
  for (const item of items) byIndex.set(ifIndexOf(item), item);
  return (position) => {
    const port = ports[position];
    return port === undefined ? undefined : byIndex.get(port.ifIndex);
  };
}

/** Whether each item's key is greater than the one before, so no two share one. */
function ascending<T>(items: readonly T[], key: (item: T) => number): boolean {
  for (let i = 1; i < items.length; i++) {
    if (key(items[i] as T) <= key(items[i - 1] as T)) return false;
  }
  return true;
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
