import type { Db } from '../../../db/schema.ts';
import type { ApSpec, SchoolSpec } from './scenario-spec.ts';
import { apMac, uplinkAddress } from './scenario-rows.ts';
import { DAY } from './scenario-time.ts';

/* A school's polled devices as ingest leaves them: core switch with ports, own AC, APs. */

export interface ApHandle {
  readonly spec: ApSpec;
  /** One id per radio row (two for the AP listed per radio). */
  readonly ids: readonly number[];
}

export interface SchoolDevices {
  /** The core switch, null for a school with no switch (the teaching point B3). */
  readonly switchId: number | null;
  readonly acId: number | null;
  /** interfaces.id of the uplink port (ifIndex 49) and of the backup port (ifIndex 50). */
  readonly uplinkIfId: number | null;
  readonly backupIfId: number | null;
}

export interface SchoolHandle extends SchoolDevices {
  readonly spec: SchoolSpec;
  readonly index: number;
  readonly id: number;
  readonly townId: number;
  readonly agentId: number;
  readonly roomIds: ReadonlyMap<string, number>;
  readonly aps: readonly ApHandle[];
}

export const UPLINK_IF_INDEX = 49;
const BACKUP_IF_INDEX = 50;
// The switch of B4 last answered at 12:57 local on 11-24; its ports and addresses date from then.
export const FAILED_SWITCH_LAST_OK = '2026-11-24T04:57:00.000Z';

interface DeviceInput {
  readonly countyId: number;
  readonly schoolId: number;
  readonly agentId: number;
  readonly index: number;
  readonly spec: SchoolSpec;
  readonly now: string;
}

export async function insertSchoolDevices(db: Db, v: DeviceInput): Promise<SchoolDevices> {
  const { spec } = v;
  const device = (suffix: string, role: string, octet: number, failing = false) =>
    db
      .insertInto('devices')
      .values({
        county_id: v.countyId,
        school_id: v.schoolId,
        agent_id: v.agentId,
        target_name: `${spec.code}-${suffix}`,
        address: `10.51.${v.index}.${octet}`,
        port: 161,
        role,
        vendor: 'huawei',
        first_seen_at: '2026-09-01T00:00:00.000Z',
        last_seen_at: failing ? FAILED_SWITCH_LAST_OK : v.now,
        last_ok_at: failing ? FAILED_SWITCH_LAST_OK : v.now,
        last_outcome: failing ? 'error' : 'ok',
        last_error_code: failing ? 'TIMEOUT' : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();

  const acId = spec.apSource.via === 'own-ac' ? (await device('ac', 'wlc', 2)).id : null;
  if (spec.uplink === null) return { switchId: null, acId, uplinkIfId: null, backupIfId: null };

  const uplink = spec.uplink;
  const switchId = (await device('core', 'switch', 1, uplink.switchFails === true)).id;
  const port = (ifIndex: number, alias: string | null, speed: number) =>
    db
      .insertInto('interfaces')
      .values({
        device_id: switchId,
        if_index: ifIndex,
        if_name: `GE1/0/${ifIndex}`,
        if_alias: alias,
        if_type: 6,
        speed_mbps: speed,
        // ifSpeed is a 32-bit gauge: it tops out at 4294 Mbit/s (targets.md §5).
        if_speed: Math.min(speed * 1e6, 4_294_967_295),
        if_high_speed: speed,
        admin_status: 'up',
        oper_status: 'up',
        octets_64bit: 1,
        first_seen_at: '2026-09-01T00:00:00.000Z',
        last_seen_at: v.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  // Access ports whose aliases say nothing about uplinks, so inference finds only the uplink.
  for (const [i, alias] of ['教学楼1F', '教学楼2F', '办公楼'].entries())
    await port(i + 1, alias, 1000);
  const nominal = uplink.poll(DAY, '12:02')?.speedMbps ?? 1000;
  const uplinkIfId = (await port(UPLINK_IF_INDEX, uplink.alias, nominal)).id;
  const backupIfId =
    spec.backupPort === undefined
      ? null
      : (await port(BACKUP_IF_INDEX, spec.backupPort.alias, 100)).id;

  for (const kind of uplink.ipv6) {
    await db
      .insertInto('device_ipv6_addresses')
      .values({
        device_id: switchId,
        if_index: UPLINK_IF_INDEX,
        address: uplinkAddress(kind, v.index),
        prefix_length: 64,
        type: kind,
        source: 'ipAddressTable',
        last_seen_at: uplink.switchFails === true ? FAILED_SWITCH_LAST_OK : v.now,
      })
      .execute();
  }
  return { switchId, acId, uplinkIfId, backupIfId };
}

export interface ApController {
  readonly deviceId: number;
  readonly agentId: number;
  readonly group: string | null;
}

/** The APs a controller lists, one row per radio for an AP listed per radio. */
export async function insertAps(
  db: Db,
  countyId: number,
  owner: { readonly index: number; readonly code: string; readonly aps: readonly ApSpec[] },
  controller: ApController,
  now: string,
): Promise<ApHandle[]> {
  const handles: ApHandle[] = [];
  for (const [i, ap] of owner.aps.entries()) {
    const ids: number[] = [];
    for (let radio = 0; radio < (ap.radios ?? 1); radio++) {
      const row = await db
        .insertInto('aps')
        .values({
          county_id: countyId,
          mac: apMac(owner.index, i + 1, radio),
          serial: `SN-${owner.code}-${i + 1}`,
          name: ap.name,
          model: 'AP4050DN',
          ap_group: controller.group,
          controller_device_id: controller.deviceId,
          reported_by_agent_id: controller.agentId,
          online: null,
          clients: 0,
          first_seen_at: '2026-09-01T00:00:00.000Z',
          last_seen_at: now,
          last_online_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(row.id);
    }
    handles.push({ spec: ap, ids });
  }
  return handles;
}
