import type { Db } from '../../../db/schema.ts';
import type { EffectiveUplinks, PolledDevice } from '../../uplinks/effective-uplinks.ts';
import { effectiveUplinks } from '../../uplinks/effective-uplinks.ts';
import { compileMetroPattern } from '../../uplinks/infer-uplinks.ts';
import type { UplinkSample } from '../engine/uplink-polls.ts';
import {
  selectDefaultRoutes,
  selectDesignations,
  selectGlobalAddresses,
  selectInferenceInterfaces,
  selectLldp,
  selectSamples,
  selectSchoolDevices,
} from './queries-uplinks.ts';
import type { LoadScope } from './scope.ts';

export interface SchoolUplinkData {
  readonly effective: EffectiveUplinks;
  readonly samples: readonly UplinkSample[];
  readonly globalAddresses: readonly { deviceId: number; ifIndex: number; address: string }[];
}

const portKey = (deviceId: number, ifIndex: number) => `${deviceId}/${ifIndex}`;
const NONE: SchoolUplinkData = {
  effective: { source: 'none', uplinks: [] },
  samples: [],
  globalAddresses: [],
};

/**
 * Each school's effective uplinks (designated, else inferred, by the same pure function the
 * uplink API uses), their samples in school hours and their global IPv6 addresses.
 */
export async function loadSchoolUplinks(
  db: Db,
  v: LoadScope & { metroPattern: string | null; from: string; to: string; addressesSince: string },
): Promise<(schoolId: number) => SchoolUplinkData> {
  const designations = group(await selectDesignations(db, v), (d) => d.school_id);
  const devices = group(await selectSchoolDevices(db, v), (d) => d.school_id ?? 0);
  const ports = group(await selectInferenceInterfaces(db, v), (i) => i.device_id);
  const lldp = group(await selectLldp(db, v), (n) => n.device_id);
  const routes = group(await selectDefaultRoutes(db, v), (r) => r.device_id);
  const metro = safePattern(v.metroPattern);

  const bySchool = new Map<number, EffectiveUplinks>();
  const schoolOfPort = new Map<string, number[]>();
  for (const schoolId of new Set([...designations.keys(), ...devices.keys()])) {
    const polled: PolledDevice[] = (devices.get(schoolId) ?? []).map((d) => ({
      id: d.id,
      interfaces: (ports.get(d.id) ?? []).map((i) => ({
        ifIndex: i.if_index,
        ifAlias: i.if_alias,
        ifType: i.if_type,
      })),
      lldp: (lldp.get(d.id) ?? []).map((n) => ({
        localIfIndex: n.local_if_index,
        remoteSysName: n.remote_sys_name,
      })),
      ipv6DefaultRouteIfIndexes: (routes.get(d.id) ?? []).map((r) => r.if_index),
    }));
    const effective = effectiveUplinks(designations.get(schoolId) ?? [], polled, metro);
    bySchool.set(schoolId, effective);
    for (const u of effective.uplinks) {
      const key = portKey(u.deviceId, u.ifIndex);
      schoolOfPort.set(key, [...(schoolOfPort.get(key) ?? []), schoolId]);
    }
  }
  const samples = new Map<number, UplinkSample[]>();
  for (const s of await selectSamples(db, v, v.from, v.to)) {
    for (const schoolId of schoolOfPort.get(portKey(s.deviceId, s.ifIndex)) ?? []) {
      let list = samples.get(schoolId);
      if (list === undefined) samples.set(schoolId, (list = []));
      list.push(s);
    }
  }
  const addresses = new Map<number, SchoolUplinkData['globalAddresses'][number][]>();
  for (const a of await selectGlobalAddresses(db, v, v.addressesSince)) {
    for (const schoolId of schoolOfPort.get(portKey(a.device_id, a.if_index)) ?? []) {
      const entry = { deviceId: a.device_id, ifIndex: a.if_index, address: a.address };
      addresses.set(schoolId, [...(addresses.get(schoolId) ?? []), entry]);
    }
  }
  return (schoolId) => {
    const effective = bySchool.get(schoolId);
    if (effective === undefined) return NONE;
    return {
      effective,
      samples: samples.get(schoolId) ?? [],
      globalAddresses: addresses.get(schoolId) ?? [],
    };
  };
}

function group<T, K>(rows: readonly T[], keyOf: (row: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    let list = out.get(key);
    if (list === undefined) out.set(key, (list = []));
    list.push(row);
  }
  return out;
}

/** A stored pattern that no longer compiles falls back to the default, as at ingest. */
function safePattern(pattern: string | null): RegExp | null {
  try {
    return compileMetroPattern(pattern);
  } catch {
    return null;
  }
}
