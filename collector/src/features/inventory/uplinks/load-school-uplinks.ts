import type { Db } from '../../../db/schema.ts';
import type { PolledDevice } from '../../uplinks/effective-uplinks.ts';
import { effectiveUplinks } from '../../uplinks/effective-uplinks.ts';
import { compileMetroPattern } from '../../uplinks/infer-uplinks.ts';
import {
  findMetroPattern,
  selectDefaultRouteIfIndexes,
  selectDesignations,
  selectDeviceNames,
  selectInterfacesOf,
  selectLldpOf,
  selectSchoolDevices,
} from './queries.ts';
import type { SchoolUplinks } from './schema.ts';

/** A school's effective uplinks with each port's latest polled status, speed and alias. */
export async function loadSchoolUplinks(
  db: Db,
  school: { id: number; countyId: number },
): Promise<SchoolUplinks> {
  const designations = await selectDesignations(db, school.id);
  const schoolDeviceIds = (await selectSchoolDevices(db, school.id)).map((d) => d.id);
  const deviceIds = [...new Set([...schoolDeviceIds, ...designations.map((d) => d.deviceId)])];
  const interfaces = await selectInterfacesOf(db, deviceIds);
  const lldp = designations.length > 0 ? [] : await selectLldpOf(db, schoolDeviceIds);
  const routes =
    designations.length > 0 ? [] : await selectDefaultRouteIfIndexes(db, schoolDeviceIds);
  const polled: PolledDevice[] = schoolDeviceIds.map((id) => ({
    id,
    interfaces: interfaces
      .filter((i) => i.device_id === id)
      .map((i) => ({ ifIndex: i.if_index, ifAlias: i.if_alias, ifType: i.if_type })),
    lldp: lldp
      .filter((n) => n.device_id === id)
      .map((n) => ({ localIfIndex: n.local_if_index, remoteSysName: n.remote_sys_name })),
    ipv6DefaultRouteIfIndexes: routes.filter((r) => r.device_id === id).map((r) => r.if_index),
  }));
  const metro = safeMetroPattern(await findMetroPattern(db, school.countyId));
  const { source, uplinks } = effectiveUplinks(designations, polled, metro);

  const names = new Map(
    (await selectDeviceNames(db, deviceIds)).map((d) => [d.id, d.sys_name ?? d.target_name]),
  );
  const ports = new Map(interfaces.map((i) => [`${i.device_id}/${i.if_index}`, i]));
  return {
    schoolId: school.id,
    source,
    uplinks: uplinks.map((u) => {
      const i = ports.get(`${u.deviceId}/${u.ifIndex}`);
      const port =
        i === undefined
          ? null
          : {
              ifName: i.if_name,
              ifDescr: i.if_descr,
              ifAlias: i.if_alias,
              adminStatus: i.admin_status,
              operStatus: i.oper_status,
              speedMbps: i.speed_mbps,
              lastSeenAt: i.last_seen_at,
            };
      return { ...u, deviceName: names.get(u.deviceId) ?? null, port };
    }),
  };
}

/** Patterns are checked on write; one stored another way falls back to the default. */
function safeMetroPattern(pattern: string | null): RegExp | null {
  try {
    return compileMetroPattern(pattern);
  } catch {
    return null;
  }
}
