import type Database from 'better-sqlite3';
import type { Report } from '@xiaowang/shared';
import { UPLINK_IF_INDEX } from './ingest-data.ts';

/*
 * The reference: the same rows as the collector's ingest, written with better-sqlite3
 * prepared statements in one transaction per report. No validation, no HTTP, no inference.
 */

const SHANGHAI_MS = 8 * 3_600_000;

export function rawWriter(sqlite: Database.Database): (report: Report, agentIndex: number) => void {
  const agents = sqlite
    .prepare(
      `select a.id, a.county_id, s.school_id from agents a
       join agent_schools s on s.agent_id = a.id order by a.id`,
    )
    .all() as { id: number; county_id: number; school_id: number }[];
  const s = {
    report: sqlite.prepare(
      `insert into reports (report_uuid, agent_id, received_at, poll_started_at, poll_finished_at,
       schema_version, devices_ok, devices_error, host_probes) values (?, ?, ?, ?, ?, 1, ?, 0, null)
       returning id`,
    ),
    findDevice: sqlite.prepare(
      'select id from devices where agent_id = ? and address = ? and port = ?',
    ),
    insertDevice: sqlite.prepare(
      `insert into devices (county_id, school_id, agent_id, target_name, address, port, sys_object_id,
       sys_name, sys_descr, vendor, role, sys_up_time, ipv6_forwarding, ipv6_default_routes,
       first_seen_at, last_seen_at, last_ok_at, last_outcome, last_report_id)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ok', ?) returning id`,
    ),
    updateDevice: sqlite.prepare(
      `update devices set sys_object_id = ?, sys_name = ?, sys_descr = ?, vendor = ?, role = ?,
       sys_up_time = ?, ipv6_forwarding = ?, ipv6_default_routes = ?, last_seen_at = ?,
       last_ok_at = ?, last_outcome = 'ok', last_report_id = ? where id = ?`,
    ),
    port: sqlite.prepare(
      `insert into interfaces (device_id, if_index, if_name, if_descr, if_alias, if_type, speed_mbps,
       if_speed, if_high_speed, speed_suspect, admin_status, oper_status, phys_address, octets_64bit,
       first_seen_at, last_seen_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (device_id, if_index) do update set if_name = excluded.if_name,
       if_descr = excluded.if_descr, if_alias = excluded.if_alias, if_type = excluded.if_type,
       speed_mbps = excluded.speed_mbps, if_speed = excluded.if_speed,
       if_high_speed = excluded.if_high_speed, speed_suspect = excluded.speed_suspect,
       admin_status = excluded.admin_status, oper_status = excluded.oper_status,
       phys_address = excluded.phys_address, octets_64bit = excluded.octets_64bit,
       last_seen_at = excluded.last_seen_at returning id`,
    ),
    sample: sqlite.prepare(
      `insert into interface_samples (interface_id, report_id, sampled_at, oper_status, speed_mbps,
       in_octets, out_octets, in_bps, out_bps, interval_s, rate_dropped)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null)`,
    ),
    daily: sqlite.prepare(
      `insert into interface_daily (interface_id, day, samples, up_samples, min_speed_mbps,
       max_speed_mbps, max_in_bps, max_out_bps) values (?, ?, 1, ?, ?, ?, ?, ?)
       on conflict (interface_id, day) do update set samples = samples + 1,
       up_samples = up_samples + excluded.up_samples,
       min_speed_mbps = min(coalesce(min_speed_mbps, excluded.min_speed_mbps), excluded.min_speed_mbps),
       max_speed_mbps = max(coalesce(max_speed_mbps, excluded.max_speed_mbps), excluded.max_speed_mbps),
       max_in_bps = max(coalesce(max_in_bps, excluded.max_in_bps), excluded.max_in_bps),
       max_out_bps = max(coalesce(max_out_bps, excluded.max_out_bps), excluded.max_out_bps)`,
    ),
    clearIpv6: sqlite.prepare('delete from device_ipv6_addresses where device_id = ?'),
    ipv6: sqlite.prepare(
      `insert into device_ipv6_addresses (device_id, if_index, address, prefix_length, type, source,
       last_seen_at) values (?, ?, ?, ?, ?, ?, ?)`,
    ),
    clearLldp: sqlite.prepare('delete from lldp_neighbors where device_id = ?'),
    lldp: sqlite.prepare(
      `insert into lldp_neighbors (device_id, local_port_num, local_if_index, local_port,
       remote_chassis_id, remote_sys_name, remote_port_id, remote_port_desc, last_seen_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    agent: sqlite.prepare(
      `update agents set last_report_at = ?, last_report_uuid = ?, agent_version = ?, hostname = ?
       where id = ?`,
    ),
  };

  return sqlite.transaction((report: Report, agentIndex: number) => {
    const agent = agents[agentIndex];
    const d = report.devices[0];
    if (agent === undefined || d?.outcome !== 'ok') throw new Error('bench data out of shape');
    const now = new Date().toISOString();
    const at = d.meta.startedAt;
    const day = new Date(Date.parse(at) + SHANGHAI_MS).toISOString().slice(0, 10);
    const x = d.snapshot;
    const reportId = (s.report.get(report.reportId, agent.id, now, at, at, 1) as { id: number }).id;
    const found = s.findDevice.get(agent.id, d.target.address, d.target.port) as
      { id: number } | undefined;
    const inventory = [x.sysObjectID, x.sysName, x.sysDescr, x.vendor, x.role, x.sysUpTime, 1, 1];
    const deviceId =
      found?.id ??
      (
        s.insertDevice.get(
          agent.county_id,
          agent.school_id,
          agent.id,
          d.target.name,
          d.target.address,
          d.target.port,
          ...inventory,
          at,
          at,
          at,
          reportId,
        ) as { id: number }
      ).id;
    if (found !== undefined) s.updateDevice.run(...inventory, at, at, reportId, deviceId);
    const rates = new Map((d.rates ?? []).map((r) => [r.ifIndex, r]));
    for (const p of x.interfaces) {
      const status = p.ifOperStatus === null ? null : String(p.ifOperStatus);
      const { id } = s.port.get(
        deviceId,
        p.ifIndex,
        p.ifName,
        p.ifDescr,
        p.ifAlias,
        p.ifType,
        p.ifSpeedMbps,
        p.ifSpeed,
        p.ifHighSpeed,
        p.speedSuspect,
        String(p.ifAdminStatus),
        status,
        p.ifPhysAddress,
        1,
        at,
        at,
      ) as { id: number };
      const rate = rates.get(p.ifIndex);
      if (p.ifIndex === UPLINK_IF_INDEX) {
        s.sample.run(
          id,
          reportId,
          at,
          status,
          p.ifSpeedMbps,
          p.inOctets,
          p.outOctets,
          rate?.inBps ?? null,
          rate?.outBps ?? null,
          rate?.intervalS ?? null,
        );
      }
      s.daily.run(
        id,
        day,
        status === 'up' ? 1 : 0,
        p.ifSpeedMbps,
        p.ifSpeedMbps,
        rate?.inBps ?? null,
        rate?.outBps ?? null,
      );
    }
    s.clearIpv6.run(deviceId);
    for (const a of x.ipv6) {
      s.ipv6.run(deviceId, a.ifIndex ?? 0, a.address, a.prefixLength, a.type, a.source, at);
    }
    s.clearLldp.run(deviceId);
    for (const n of x.lldpNeighbors) {
      s.lldp.run(
        deviceId,
        n.localPortNum,
        n.localIfIndex,
        n.localPort,
        n.remoteChassisId,
        n.remoteSysName,
        n.remotePortId,
        n.remotePortDesc,
        at,
      );
    }
    s.agent.run(now, report.reportId, report.agent.version, report.agent.hostname, agent.id);
  });
}
