import type { Insertable } from 'kysely';
import type { Db, InterfaceSamplesTable, ReportsTable } from '../../../db/schema.ts';
import type { ScenarioCounty } from './scenario-county.ts';
import type { ApHandle, SchoolHandle } from './scenario-devices.ts';
import type { HostProbeResult, SchoolSpec, UplinkSpec } from './scenario-spec.ts';
import { apOnlineOn, chunks, daysBetween, hostProbesJson, pollTimes } from './scenario-rows.ts';
import { addDays, localAt } from './scenario-time.ts';

/*
 * One local day of polls as ingest would have stored it: a report every 5 minutes from
 * each agent that polled (with its host probes), a sample of each uplink port per poll,
 * and the agents', devices' and APs' last-seen fields.
 */

type Freshness = SchoolSpec['agent'];

interface Poller {
  readonly agentId: number;
  readonly code: string;
  readonly freshness: Freshness;
  readonly probes: HostProbeResult;
  readonly devicesOk: number;
  readonly devicesError: number;
  readonly ports: readonly { interfaceId: number; poll: UplinkSpec['poll'] }[];
}

function pollers(scenario: ScenarioCounty): Poller[] {
  const list: Poller[] = scenario.schools.map((s) => schoolPoller(s));
  list.push({
    agentId: scenario.countyAgentId,
    code: 'QX-county',
    freshness: 'fresh',
    // The county centre has IPv6 end to end; its probes say nothing about any school.
    probes: 'https',
    devicesOk: 1,
    devicesError: 0,
    ports: [],
  });
  return list;
}

function schoolPoller(s: SchoolHandle): Poller {
  const { spec } = s;
  const fails = spec.uplink?.switchFails === true;
  const ports: { interfaceId: number; poll: UplinkSpec['poll'] }[] = [];
  if (s.uplinkIfId !== null && spec.uplink !== null) {
    ports.push({ interfaceId: s.uplinkIfId, poll: spec.uplink.poll });
  }
  if (s.backupIfId !== null && spec.backupPort !== undefined) {
    ports.push({ interfaceId: s.backupIfId, poll: spec.backupPort.poll });
  }
  const devices = (s.acId === null ? 0 : 1) + (s.switchId === null ? 0 : 1);
  return {
    agentId: s.agentId,
    code: spec.code,
    freshness: spec.agent,
    probes: spec.probes,
    devicesOk: fails ? devices - 1 : devices,
    devicesError: fails ? 1 : 0,
    ports,
  };
}

export async function writePollDay(db: Db, scenario: ScenarioCounty, day: string): Promise<void> {
  for (const p of pollers(scenario)) {
    const times = pollTimes(p.freshness, day);
    if (times.length === 0) continue;
    const reports: Insertable<ReportsTable>[] = times.map((t) => {
      const at = Date.parse(localAt(day, t));
      return {
        report_uuid: `${p.code}-${day}T${t}`,
        agent_id: p.agentId,
        received_at: new Date(at + 20_000).toISOString(),
        poll_started_at: new Date(at).toISOString(),
        poll_finished_at: new Date(at + 4_000).toISOString(),
        schema_version: 1,
        devices_ok: p.devicesOk,
        devices_error: p.devicesError,
        host_probes: hostProbesJson(p.probes, new Date(at).toISOString()),
      };
    });
    const ids = new Map<string, number>();
    for (const chunk of chunks(reports)) {
      const rows = await db
        .insertInto('reports')
        .values(chunk)
        .returning(['id', 'report_uuid'])
        .execute();
      for (const r of rows) ids.set(r.report_uuid, r.id);
    }
    const samples: Insertable<InterfaceSamplesTable>[] = [];
    for (const t of times) {
      const reportId = ids.get(`${p.code}-${day}T${t}`);
      if (reportId === undefined) throw new Error(`no report for ${p.code} at ${day} ${t}`);
      for (const port of p.ports) {
        const seen = port.poll(day, t);
        if (seen === null) continue;
        samples.push({
          interface_id: port.interfaceId,
          report_id: reportId,
          sampled_at: localAt(day, t),
          oper_status: seen.status,
          speed_mbps: seen.speedMbps,
          in_bps: seen.status === 'up' ? seen.speedMbps * 1e6 * 0.2 : 0,
          out_bps: seen.status === 'up' ? seen.speedMbps * 1e6 * 0.05 : 0,
          interval_s: 300,
        });
      }
    }
    for (const chunk of chunks(samples))
      await db.insertInto('interface_samples').values(chunk).execute();
    const last = reports.at(-1);
    if (last !== undefined) {
      await db
        .updateTable('agents')
        .set({ last_report_at: last.received_at, last_report_uuid: last.report_uuid })
        .where('id', '=', p.agentId)
        .execute();
      await touchDevices(db, p.agentId, last.poll_started_at);
    }
  }
  await refreshAps(db, scenario, day);
}

/** Devices that answered are seen at the agent's last poll; a failing one keeps its old times. */
async function touchDevices(db: Db, agentId: number, at: string): Promise<void> {
  await db
    .updateTable('devices')
    .set({ last_seen_at: at, last_ok_at: at })
    .where('agent_id', '=', agentId)
    .where('last_outcome', '=', 'ok')
    .execute();
  const ok = db
    .selectFrom('devices')
    .select('id')
    .where('agent_id', '=', agentId)
    .where('last_outcome', '=', 'ok');
  await db
    .updateTable('device_ipv6_addresses')
    .set({ last_seen_at: at })
    .where('device_id', 'in', ok)
    .execute();
  await db
    .updateTable('interfaces')
    .set({ last_seen_at: at })
    .where('device_id', 'in', ok)
    .execute();
}

/** Every AP the scenario knows, with the freshness of the agent whose controller lists it. */
function allAps(scenario: ScenarioCounty): { ap: ApHandle; freshness: Freshness }[] {
  const list = scenario.schools.flatMap((s) =>
    s.aps.map((ap) => ({
      ap,
      // APs on the county AC are polled by the county agent, which is fresh.
      freshness: s.spec.apSource.via === 'county-ac' ? ('fresh' as const) : s.spec.agent,
    })),
  );
  return [...list, ...scenario.unattributedAps.map((ap) => ({ ap, freshness: 'fresh' as const }))];
}

/** ap_daily for each day from `from` to `to`: a sample per poll, online when the spec says. */
export async function writeApDays(db: Db, scenario: ScenarioCounty, from: string, to: string) {
  const rows = [];
  for (const day of daysBetween(from, to)) {
    for (const { ap, freshness } of allAps(scenario)) {
      const samples = pollTimes(freshness, day).length;
      if (samples === 0) continue;
      const online = apOnlineOn(ap.spec, day) ? samples : 0;
      for (const id of ap.ids) rows.push({ ap_id: id, day, samples, online_samples: online });
    }
  }
  for (const chunk of chunks(rows)) await db.insertInto('ap_daily').values(chunk).execute();
}

/** The APs' current fields as of the last poll up to `day`. */
async function refreshAps(db: Db, scenario: ScenarioCounty, day: string): Promise<void> {
  for (const { ap, freshness } of allAps(scenario)) {
    const last = lastPoll(freshness, day);
    if (last === undefined) continue;
    const onlineDays = ap.spec.online === 'daily' ? [last.day] : ap.spec.online;
    const lastOnlineDay = onlineDays
      .filter((d) => d <= last.day)
      .sort()
      .at(-1);
    const lastOnline = lastOnlineDay === undefined ? undefined : lastPoll(freshness, lastOnlineDay);
    await db
      .updateTable('aps')
      .set({
        last_seen_at: localAt(last.day, last.time),
        online: apOnlineOn(ap.spec, last.day) ? 1 : 0,
        last_online_at: lastOnline === undefined ? null : localAt(lastOnline.day, lastOnline.time),
      })
      .where('id', 'in', ap.ids)
      .execute();
  }
}

/** The agent's last poll on or before `day`, looking back at most two weeks. */
function lastPoll(freshness: Freshness, day: string): { day: string; time: string } | undefined {
  for (let back = 0; back < 14; back++) {
    const candidate = addDays(day, -back);
    const time = pollTimes(freshness, candidate).at(-1);
    if (time !== undefined) return { day: candidate, time };
  }
  return undefined;
}
