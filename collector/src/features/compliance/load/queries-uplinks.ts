import type { Db } from '../../../db/schema.ts';
import type { LoadScope } from './scope.ts';

/*
 * What effective uplinks and their samples are worked out from, for all the county's school
 * devices at once: designations, the polled facts inference reads, IPv6 addresses, samples.
 */

export function selectDesignations(db: Db, scope: LoadScope) {
  let q = db
    .selectFrom('uplink_designations as u')
    .innerJoin('schools as s', 's.id', 'u.school_id')
    .select([
      'u.school_id',
      'u.device_id as deviceId',
      'u.if_index as ifIndex',
      'u.designated_by as designatedBy',
      'u.designated_at as designatedAt',
      'u.note',
    ])
    .where('s.county_id', '=', scope.countyId);
  if (scope.schools !== undefined) {
    q = q
      .where('u.school_id', '>=', scope.schools.from)
      .where('u.school_id', '<=', scope.schools.to);
  }
  return q.orderBy('u.device_id').orderBy('u.if_index').execute();
}

/** The county's devices that belong to a school (a county AC has none). */
function schoolDevices(db: Db, scope: LoadScope) {
  let q = db
    .selectFrom('devices as d')
    .where('d.county_id', '=', scope.countyId)
    .where('d.school_id', 'is not', null);
  if (scope.schools !== undefined) {
    q = q
      .where('d.school_id', '>=', scope.schools.from)
      .where('d.school_id', '<=', scope.schools.to);
  }
  return q;
}

export const selectSchoolDevices = (db: Db, scope: LoadScope) =>
  schoolDevices(db, scope).select(['d.id', 'd.school_id']).orderBy('d.id').execute();

/**
 * Only the ports inference can use: those with an alias, and those a default route leaves by
 * (whose type it checks). A port without either can never be inferred as an uplink.
 */
export const selectInferenceInterfaces = (db: Db, scope: LoadScope) =>
  schoolDevices(db, scope)
    .innerJoin('interfaces as i', 'i.device_id', 'd.id')
    .select(['i.device_id', 'i.if_index', 'i.if_alias', 'i.if_type'])
    .where((eb) =>
      eb.or([
        eb.and([eb('i.if_alias', 'is not', null), eb('i.if_alias', '<>', '')]),
        eb.exists(
          eb
            .selectFrom('device_ipv6_default_routes as r')
            .select('r.device_id')
            .whereRef('r.device_id', '=', 'i.device_id')
            .whereRef('r.if_index', '=', 'i.if_index'),
        ),
      ]),
    )
    .execute();

export const selectLldp = (db: Db, scope: LoadScope) =>
  schoolDevices(db, scope)
    .innerJoin('lldp_neighbors as n', 'n.device_id', 'd.id')
    .select(['n.device_id', 'n.local_if_index', 'n.remote_sys_name'])
    .execute();

export const selectDefaultRoutes = (db: Db, scope: LoadScope) =>
  schoolDevices(db, scope)
    .innerJoin('device_ipv6_default_routes as r', 'r.device_id', 'd.id')
    .select(['r.device_id', 'r.if_index'])
    .execute();

/** Global IPv6 addresses of the school devices' ports, seen since `since`. */
export const selectGlobalAddresses = (db: Db, scope: LoadScope, since: string) =>
  schoolDevices(db, scope)
    .innerJoin('device_ipv6_addresses as a', 'a.device_id', 'd.id')
    .select(['a.device_id', 'a.if_index', 'a.address', 'a.last_seen_at'])
    .where('a.type', '=', 'global')
    .where('a.last_seen_at', '>=', since)
    .execute();

/**
 * Every uplink sample of the county's school devices taken in [from, to). The interface ids
 * come first (IN subquery) so SQLite walks the (interface_id, sampled_at) index instead of
 * scanning every sample ever kept.
 */
export function selectSamples(db: Db, scope: LoadScope, from: string, to: string) {
  let ports = db
    .selectFrom('interfaces as pi')
    .innerJoin('devices as pd', 'pd.id', 'pi.device_id')
    .select('pi.id')
    .where('pd.county_id', '=', scope.countyId)
    .where('pd.school_id', 'is not', null);
  if (scope.schools !== undefined) {
    const { from, to } = scope.schools;
    ports = ports.where('pd.school_id', '>=', from).where('pd.school_id', '<=', to);
  }
  return db
    .selectFrom('interface_samples as s')
    .innerJoin('interfaces as i', 'i.id', 's.interface_id')
    .select([
      's.report_id as reportId',
      's.sampled_at as sampledAt',
      'i.device_id as deviceId',
      'i.if_index as ifIndex',
      's.oper_status as operStatus',
      's.speed_mbps as speedMbps',
      'i.speed_suspect as speedSuspect',
      's.in_bps as inBps',
      's.out_bps as outBps',
      's.rate_dropped as rateDropped',
    ])
    .where('s.interface_id', 'in', ports)
    .where('s.sampled_at', '>=', from)
    .where('s.sampled_at', '<', to)
    .execute();
}
