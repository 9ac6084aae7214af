import type { Db } from '../../../db/schema.ts';
import type { DeviceRow } from '../lookups.ts';
import type { Device, DeviceDetail, DeviceHistoryEntry, Interface } from './schema.ts';

/* The device inventory's SQL: devices, their interfaces, addresses, neighbours, history. */

export const toDevice = (r: DeviceRow): Device => ({
  id: r.id,
  countyId: r.county_id,
  schoolId: r.school_id,
  agentId: r.agent_id,
  targetName: r.target_name,
  address: r.address,
  port: r.port,
  sysObjectId: r.sys_object_id,
  sysName: r.sys_name,
  sysDescr: r.sys_descr,
  vendor: r.vendor,
  role: r.role,
  model: r.model,
  serial: r.serial,
  firmware: r.firmware,
  firstSeenAt: r.first_seen_at,
  lastSeenAt: r.last_seen_at,
  lastOkAt: r.last_ok_at,
  lastOutcome: r.last_outcome,
  lastErrorCode: r.last_error_code,
  lastErrorMessage: r.last_error_message,
});

export async function selectDevices(db: Db, by: { schoolId: number } | { countyId: number }) {
  let query = db.selectFrom('devices').selectAll();
  query =
    'schoolId' in by
      ? query.where('school_id', '=', by.schoolId)
      : query.where('county_id', '=', by.countyId);
  const rows = await query.orderBy('target_name').orderBy('id').execute();
  return rows.map(toDevice);
}

export async function selectInterfaces(db: Db, deviceId: number): Promise<Interface[]> {
  const rows = await db
    .selectFrom('interfaces')
    .selectAll()
    .where('device_id', '=', deviceId)
    .orderBy('if_index')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    ifIndex: r.if_index,
    ifName: r.if_name,
    ifDescr: r.if_descr,
    ifAlias: r.if_alias,
    ifType: r.if_type,
    speedMbps: r.speed_mbps,
    ifSpeed: r.if_speed,
    ifHighSpeed: r.if_high_speed,
    speedSuspect: r.speed_suspect,
    adminStatus: r.admin_status,
    operStatus: r.oper_status,
    physAddress: r.phys_address,
    octets64bit: r.octets_64bit === 1,
    firstSeenAt: r.first_seen_at,
    lastSeenAt: r.last_seen_at,
  }));
}

export const selectIpv6Addresses = (
  db: Db,
  deviceId: number,
): Promise<DeviceDetail['ipv6Addresses']> =>
  db
    .selectFrom('device_ipv6_addresses')
    .select([
      'if_index as ifIndex',
      'address',
      'prefix_length as prefixLength',
      'type',
      'source',
      'last_seen_at as lastSeenAt',
    ])
    .where('device_id', '=', deviceId)
    .orderBy('if_index')
    .orderBy('address')
    .execute();

export const selectLldpNeighbors = (
  db: Db,
  deviceId: number,
): Promise<DeviceDetail['lldpNeighbors']> =>
  db
    .selectFrom('lldp_neighbors')
    .select([
      'local_port_num as localPortNum',
      'local_if_index as localIfIndex',
      'local_port as localPort',
      'remote_chassis_id as remoteChassisId',
      'remote_sys_name as remoteSysName',
      'remote_port_id as remotePortId',
      'remote_port_desc as remotePortDesc',
      'last_seen_at as lastSeenAt',
    ])
    .where('device_id', '=', deviceId)
    .orderBy('local_port_num')
    .orderBy('id')
    .execute();

export const selectHistory = (db: Db, deviceId: number): Promise<DeviceHistoryEntry[]> =>
  db
    .selectFrom('device_history')
    .select([
      'id',
      'field',
      'old_value as oldValue',
      'new_value as newValue',
      'changed_at as changedAt',
      'report_id as reportId',
    ])
    .where('device_id', '=', deviceId)
    .orderBy('changed_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
