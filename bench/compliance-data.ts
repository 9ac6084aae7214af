import type Database from 'better-sqlite3';

/*
 * A generated province for the compliance bench, written with better-sqlite3 prepared
 * statements, one transaction per county. Per school: 40 rooms (34 teaching), one agent, a
 * core switch with a designated uplink (port 49) and a backup port whose alias says 上联
 * (port 50), both sampled every 5 minutes in school hours, an AC with 20 APs named after
 * rooms, 7 days of AP history, a report per poll with host probes, IPv6 on most uplinks.
 * A seeded PRNG varies speeds, flaps, APs and IPv6 levels, so every run has the same data.
 */

export const BENCH_DAY = '2026-11-27';
export const TOWNS_PER_COUNTY = 10;
const WINDOW_DAYS = 7;
const OFFSET_MS = 8 * 3_600_000; // Asia/Shanghai, no daylight saving
const NOW = '2026-11-20T00:00:00.000Z';

export interface ProvinceShape {
  readonly counties: number;
  readonly schoolsPerCounty: number;
}

/** Local HH:MM on the bench day as a UTC ISO instant. */
const at = (day: string, minutes: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - OFFSET_MS + minutes * 60_000).toISOString();

// 08:02 … 16:57, as agents poll off the minute.
const SLOTS = Array.from({ length: 108 }, (_, i) => 8 * 60 + 2 + i * 5);
const WINDOW = Array.from({ length: WINDOW_DAYS }, (_, i) => {
  const d = new Date(`${BENCH_DAY}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - (WINDOW_DAYS - 1 - i));
  return d.toISOString().slice(0, 10);
});

const TEACHING = [
  ...Array.from({ length: 30 }, (_, i) => [`${101 + i}`, 'ordinary_classroom'] as const),
  ...['实验室1', '实验室2', '计算机室', '音乐室'].map((n) => [n, 'special_classroom'] as const),
];
const ROOMS = [
  ...TEACHING,
  ...['办公室1', '办公室2', '办公室3', '会议室', '图书室', '储藏室'].map(
    (n) => [n, n === '储藏室' ? 'other' : 'office'] as const,
  ),
];
// 18 classroom APs and 2 office APs; the AP name is `<school code>-<room>`.
const AP_ROOMS = [...TEACHING.slice(0, 18).map(([n]) => n), '办公室1', '办公室2'];
const KINDS = ['central', 'complete_primary', 'village_primary', 'teaching_point'] as const;

/** mulberry32: a small seeded PRNG, so the province is the same in every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function probesFor(level: number, measuredAt: string): string {
  return JSON.stringify({
    measuredAt,
    globalIpv6Address: level >= 2,
    ipv6DefaultRoute: level >= 2,
    aaaaOverIpv6: level >= 3,
    httpsOverIpv6: { succeeded: level >= 4 ? 3 : 0, attempted: 3 },
    tried: ['https://[2001:db8::10]/api/v1/health'],
  });
}

export interface GeneratedCounts {
  readonly counties: number;
  readonly schools: number;
  readonly rows: Readonly<Record<string, number>>;
}

type Statements = ReturnType<typeof statements>;

interface SchoolContext {
  readonly q: Statements;
  readonly random: () => number;
  readonly add: (table: string, n?: number) => void;
  readonly countyId: number;
  readonly countyIndex: number;
}

const LAST_REPORT = at(BENCH_DAY, (SLOTS.at(-1) ?? 0) + 0.5);

export function generateProvince(sqlite: Database.Database, shape: ProvinceShape): GeneratedCounts {
  const q = statements(sqlite);
  const rows: Record<string, number> = {};
  const add = (table: string, n = 1) => {
    rows[table] = (rows[table] ?? 0) + n;
  };
  const random = prng(20261127);
  const perTown = Math.ceil(shape.schoolsPerCounty / TOWNS_PER_COUNTY);

  const county = sqlite.transaction((c: number) => {
    const countyId = id(q.county.run(`基准县${c}`, NOW, NOW));
    add('counties');
    q.convention.run(countyId, '^[^-]+-(?<room>.+)$', 'bench', NOW);
    for (const [indicator, steps] of TARGET_STEPS) {
      const targetId = id(q.target.run(countyId, indicator, NOW, NOW));
      for (const [from, threshold] of steps) q.step.run(targetId, from, threshold);
    }
    const towns = Array.from({ length: TOWNS_PER_COUNTY }, (_, t) =>
      id(q.town.run(countyId, `镇${t + 1}`, NOW, NOW)),
    );
    add('towns', towns.length);
    const ctx: SchoolContext = { q, random, add, countyId, countyIndex: c };
    for (let i = 0; i < shape.schoolsPerCounty; i++) {
      writeSchool(ctx, i, towns[Math.floor(i / perTown)] ?? towns[0] ?? 0);
    }
    add('schools', shape.schoolsPerCounty);
  });
  for (let c = 1; c <= shape.counties; c++) county(c);
  return { counties: shape.counties, schools: shape.counties * shape.schoolsPerCounty, rows };
}

function writeSchool(ctx: SchoolContext, i: number, townId: number): void {
  const { q, random, add, countyId } = ctx;
  const code = `C${ctx.countyIndex}S${i + 1}`;
  const kind = KINDS[i % KINDS.length] ?? 'complete_primary';
  const schoolId = id(q.school.run(countyId, townId, `${code}学校`, code, kind, NOW, NOW));
  for (const [name, roomKind] of ROOMS) q.room.run(schoolId, name, roomKind, NOW, NOW);
  add('rooms', ROOMS.length);
  // About 1 % of agents fell silent three days ago: stale, with nothing today.
  const stale = random() < 0.01;
  const lastReport = stale ? at('2026-11-24', 600) : LAST_REPORT;
  const agentId = id(q.agent.run(countyId, `${code}-agent`, `bench-${code}`, lastReport));
  q.agentSchool.run(agentId, schoolId);
  const device = (name: string, address: string, role: string) =>
    id(q.device.run(countyId, schoolId, agentId, `${code}-${name}`, address, role, NOW, NOW));
  const switchId = device('core', '10.0.0.1', 'switch');
  const acId = device('ac', '10.0.0.2', 'wlc');
  add('devices', 2);
  const uplinkIf = id(q.iface.run(switchId, 49, 'GE1/0/49', '电信专线', 1000, NOW, NOW));
  const backupIf = id(q.iface.run(switchId, 50, 'GE1/0/50', '上联-备用', 100, NOW, NOW));
  add('interfaces', 2);
  q.designation.run(schoolId, switchId, 49, NOW);
  q.address.run(switchId, 49, 'fe80::1', 'linklocal', lastReport);
  const level = Math.floor(random() * 5);
  if (level >= 1) {
    const address = `240e:${ctx.countyIndex.toString(16)}:${i.toString(16)}::2`;
    q.address.run(switchId, 49, address, 'global', lastReport);
  }

  // 80 % steady 1000M, 10 % 100M, 10 % down for an hour somewhere in school hours.
  const r = random();
  const speed = r >= 0.8 && r < 0.9 ? 100 : 1000;
  const downFrom = r >= 0.9 ? Math.floor(random() * 96) : -1;
  if (!stale) {
    for (const [k, minutes] of SLOTS.entries()) {
      const polled = at(BENCH_DAY, minutes);
      const probes = probesFor(level, polled);
      const reportId = id(
        q.report.run(`${code}-${minutes}`, agentId, polled, polled, polled, probes),
      );
      const down = downFrom >= 0 && k >= downFrom && k < downFrom + 12;
      q.sample.run(uplinkIf, reportId, polled, down ? 'down' : 'up', speed);
      q.sample.run(backupIf, reportId, polled, 'up', 100);
    }
    add('reports', SLOTS.length);
    add('interface_samples', SLOTS.length * 2);
  }
  for (const [k, room] of AP_ROOMS.entries()) {
    const mac = `02:${hex(ctx.countyIndex)}:${hex(i >> 8)}:${hex(i & 255)}:00:${hex(k)}`;
    const name = `${code}-${room}`;
    const apId = id(
      q.ap.run(countyId, mac, `SN-${code}-${k}`, name, acId, agentId, NOW, lastReport),
    );
    // 85 % online daily, 5 % only three days ago, 5 % never, 5 % every day but today.
    const p = random();
    for (const [d, day] of WINDOW.entries()) {
      if (stale && day > '2026-11-24') continue;
      const online =
        p < 0.85 ||
        (p >= 0.95 && d < WINDOW_DAYS - 1) ||
        (p >= 0.85 && p < 0.9 && d === WINDOW_DAYS - 4);
      q.apDaily.run(apId, day, 288, online ? 288 : 0);
      add('ap_daily');
    }
  }
  add('aps', AP_ROOMS.length);
}

const hex = (n: number) => (n & 255).toString(16).padStart(2, '0');
const id = (info: Database.RunResult) => Number(info.lastInsertRowid);

const TARGET_STEPS: readonly (readonly [string, readonly (readonly [string, number])[]])[] = [
  [
    'room_coverage',
    [
      ['2022-01-01', 0.6],
      ['2025-01-01', 1],
    ],
  ],
  ['uplink_1000m', [['2020-07-01', 1000]]],
  ['has_wireless', [['2021-01-01', 1]]],
  ['ipv6', [['2023-01-01', 4]]],
  ['egress_100m', [['2021-01-01', 100]]],
];

function statements(sqlite: Database.Database) {
  const p = (sql: string) => sqlite.prepare(sql);
  return {
    county: p(
      `insert into counties (name, timezone, created_at, updated_at) values (?, 'Asia/Shanghai', ?, ?)`,
    ),
    town: p('insert into towns (county_id, name, created_at, updated_at) values (?, ?, ?, ?)'),
    school: p(
      `insert into schools (county_id, town_id, name, code, kind, contracted_egress_mbps, created_at, updated_at)
       values (?, ?, ?, ?, ?, null, ?, ?)`,
    ),
    room: p(
      'insert into rooms (school_id, name, kind, created_at, updated_at) values (?, ?, ?, ?, ?)',
    ),
    convention: p(
      'insert into ap_room_conventions (county_id, pattern, created_by, created_at) values (?, ?, ?, ?)',
    ),
    target: p(
      `insert into targets (county_id, indicator, preset, document, source_sentence, created_at,
       updated_at) values (?, ?, null, 'bench', 'bench', ?, ?)`,
    ),
    step: p(
      'insert into target_steps (target_id, effective_from, threshold, note) values (?, ?, ?, null)',
    ),
    agent: p(
      `insert into agents (county_id, name, token_hash, token_hint, created_at, last_report_at)
       values (?, ?, ?, 'xw_bench', '2026-09-01T00:00:00.000Z', ?)`,
    ),
    agentSchool: p('insert into agent_schools (agent_id, school_id) values (?, ?)'),
    device: p(
      `insert into devices (county_id, school_id, agent_id, target_name, address, port, role,
       first_seen_at, last_seen_at, last_outcome) values (?, ?, ?, ?, ?, 161, ?, ?, ?, 'ok')`,
    ),
    iface: p(
      `insert into interfaces (device_id, if_index, if_name, if_alias, if_type, speed_mbps,
       octets_64bit, first_seen_at, last_seen_at) values (?, ?, ?, ?, 6, ?, 1, ?, ?)`,
    ),
    designation: p(
      `insert into uplink_designations (school_id, device_id, if_index, designated_by, designated_at)
       values (?, ?, ?, 'bench', ?)`,
    ),
    address: p(
      `insert into device_ipv6_addresses (device_id, if_index, address, prefix_length, type, source,
       last_seen_at) values (?, ?, ?, 64, ?, 'ipAddressTable', ?)`,
    ),
    report: p(
      `insert into reports (report_uuid, agent_id, received_at, poll_started_at, poll_finished_at,
       schema_version, devices_ok, devices_error, host_probes) values (?, ?, ?, ?, ?, 1, 2, 0, ?)`,
    ),
    sample: p(
      `insert into interface_samples (interface_id, report_id, sampled_at, oper_status, speed_mbps, interval_s)
       values (?, ?, ?, ?, ?, 300)`,
    ),
    ap: p(
      `insert into aps (county_id, mac, serial, name, model, ap_group, controller_device_id,
       reported_by_agent_id, online, clients, first_seen_at, last_seen_at)
       values (?, ?, ?, ?, 'AP4050DN', null, ?, ?, 1, 0, ?, ?)`,
    ),
    apDaily: p('insert into ap_daily (ap_id, day, samples, online_samples) values (?, ?, ?, ?)'),
  };
}
