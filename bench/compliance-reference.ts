import type Database from 'better-sqlite3';

/*
 * The reference for the compliance bench: one hand-written SQL aggregate per county over the
 * same tables recomputeDay reads, giving per school what its figures come from — school-hour
 * uplink polls (all, up at ≥ 1000, up at ≥ 100) on the designated port, APs known, online on
 * the day and in the window, covered and total teaching rooms (AP name = code-room), global
 * IPv6 addresses on the uplink and the latest host probes. It reads; it stores nothing.
 */

const SQL = `
with sch as (select id from schools where county_id = @county),
up as (
  select u.school_id, count(*) as polls,
         sum(s.oper_status = 'up' and s.speed_mbps >= 1000) as at1000,
         sum(s.oper_status = 'up' and s.speed_mbps >= 100) as at100
  from uplink_designations u
  join sch on sch.id = u.school_id
  join interfaces i on i.device_id = u.device_id and i.if_index = u.if_index
  join interface_samples s on s.interface_id = i.id and s.sampled_at >= @from and s.sampled_at < @to
  group by u.school_id
),
ap_row as (
  select d.school_id, a.id, a.name,
         max(ad.day = @day and ad.online_samples > 0) as today,
         max(ad.online_samples > 0) as in_window
  from aps a
  join devices d on d.id = a.controller_device_id
  join ap_daily ad on ad.ap_id = a.id and ad.day >= @windowFrom and ad.day <= @day
  where a.county_id = @county
  group by a.id
),
ap_sum as (
  select school_id, count(*) as known, sum(today) as today, sum(in_window) as in_window
  from ap_row group by school_id
),
covered as (
  select ap_row.school_id, count(distinct r.id) as rooms
  from ap_row join rooms r on r.school_id = ap_row.school_id
    and r.name = substr(ap_row.name, instr(ap_row.name, '-') + 1)
  where ap_row.in_window = 1 and r.kind in ('ordinary_classroom', 'special_classroom')
  group by ap_row.school_id
),
teaching as (
  select r.school_id, count(*) as rooms from rooms r join sch on sch.id = r.school_id
  where r.kind in ('ordinary_classroom', 'special_classroom') group by r.school_id
),
v6 as (
  select u.school_id, count(*) as globals
  from uplink_designations u
  join sch on sch.id = u.school_id
  join device_ipv6_addresses x on x.device_id = u.device_id and x.if_index = u.if_index
  where x.type = 'global' and x.last_seen_at >= @windowStart
  group by u.school_id
),
probes as (
  select g.school_id,
         (select r.host_probes from reports r where r.agent_id = g.agent_id
            and r.poll_started_at <= @until order by r.poll_started_at desc limit 1) as json
  from agent_schools g join sch on sch.id = g.school_id
)
select sch.id as school_id, up.polls, up.at1000, up.at100, ap_sum.known, ap_sum.today, ap_sum.in_window,
       covered.rooms as covered, teaching.rooms as teaching, v6.globals,
       json_extract(probes.json, '$.httpsOverIpv6.succeeded') as https_ok
from sch
left join up on up.school_id = sch.id
left join ap_sum on ap_sum.school_id = sch.id
left join covered on covered.school_id = sch.id
left join teaching on teaching.school_id = sch.id
left join v6 on v6.school_id = sch.id
left join probes on probes.school_id = sch.id
`;

export interface ReferenceRow {
  readonly school_id: number;
  readonly polls: number | null;
  readonly at1000: number | null;
  readonly at100: number | null;
  readonly known: number | null;
  readonly today: number | null;
  readonly in_window: number | null;
  readonly covered: number | null;
  readonly teaching: number | null;
  readonly globals: number | null;
  readonly https_ok: number | null;
}

export interface ReferenceParams {
  readonly county: number;
  readonly day: string;
  readonly windowFrom: string;
  /** UTC instants: school hours, the window's first instant, the end of the day. */
  readonly from: string;
  readonly to: string;
  readonly windowStart: string;
  readonly until: string;
}

export function referenceQuery(sqlite: Database.Database): (p: ReferenceParams) => ReferenceRow[] {
  const statement = sqlite.prepare(SQL);
  return (p) => statement.all(p) as ReferenceRow[];
}

/** What the reference counts, over schools that reported today (a stale school has no polls). */
export interface ReferenceTotals {
  uplinkMet: number;
  coveredRooms: number;
  teachingRooms: number;
  apsOnlineToday: number;
}

export function addTotals(totals: ReferenceTotals, rows: readonly ReferenceRow[]): void {
  for (const r of rows) {
    if (r.polls === null || r.polls === 0) continue;
    if ((r.at1000 ?? 0) / r.polls >= 0.95) totals.uplinkMet += 1;
    totals.coveredRooms += r.covered ?? 0;
    totals.teachingRooms += r.teaching ?? 0;
    totals.apsOnlineToday += r.today ?? 0;
  }
}
