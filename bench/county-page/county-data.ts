import type Database from 'better-sqlite3';
import { migrateToLatest } from '../../collector/src/db/migrate.ts';
import type { OpenedDatabase } from '../../collector/src/db/open.ts';
import { openDatabase } from '../../collector/src/db/open.ts';
import { failingSince } from '../../collector/src/features/compliance/engine/failing-since.ts';
import { addDays } from '../../collector/src/features/compliance/engine/local-time.ts';
import type { RollupSource } from '../../collector/src/features/compliance/engine/rollup.ts';
import { rollUp } from '../../collector/src/features/compliance/engine/rollup.ts';
import type {
  Indicator,
  ResultStatus,
} from '../../collector/src/features/compliance/indicators.ts';
import { recomputeDay } from '../../collector/src/features/compliance/recompute-day.ts';
import { createUser } from '../../collector/src/features/users/create-user.ts';
import { BENCH_DAY, generateProvince } from '../compliance-data.ts';

/*
 * One generated county for the county-page bench, in a real SQLite file:
 *
 * - towns, schools, rooms, agents, devices, APs and the raw data of BENCH_DAY from the
 *   compliance bench's generator (bench/compliance-data.ts, one county), with targets a
 *   county could have mid-way through its plan (coverage 50 %, IPv6 level 2) and 2 % more
 *   agents silent for two days, so a realistic share of schools fails or is unknown;
 * - BENCH_DAY computed by the real `recomputeDay`; the days before it built from those rows:
 *   each school × indicator changed status once in the window or not at all, taking the
 *   figures of another school that had the earlier status (so every row is consistent),
 *   with `failing_since` chained by the engine's own rule and rollups by its `rollUp`;
 *   then BENCH_DAY is computed again, so its "since when" follows the days before;
 * - the nightly mail: settings, 13 recipients, 30 days of sent mail and one failure;
 * - a county admin, created by the `createUser` verb.
 */

/** "Now" in the bench: 09:00 in Asia/Shanghai the morning after BENCH_DAY. */
export const BENCH_NOW = new Date(`${addDays(BENCH_DAY, 1)}T01:00:00.000Z`);
export const ADMIN = { username: 'bench.admin', password: 'bench-county-page-2026' } as const;

export interface CountyShape {
  readonly schools: number;
  /** Days of computed results ending BENCH_DAY. */
  readonly days: number;
}

export interface BuiltCounty {
  readonly countyId: number;
  readonly rows: Readonly<Record<string, number>>;
  /** School × indicator rows the county page lists (not met or unknown on BENCH_DAY). */
  readonly listed: number;
  /** Schools with at least one listed row. */
  readonly listedSchools: number;
  readonly staleAgents: number;
}

type ResultRow = {
  school_id: number;
  day: string;
  indicator: Indicator;
  county_id: number;
  town_id: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  threshold: number | null;
  target_step_id: number | null;
  status: ResultStatus;
  unknown_reason: string | null;
  failing_since: string | null;
  details: string | null;
  computed_at: string;
};

const TABLES = [
  'towns',
  'schools',
  'rooms',
  'agents',
  'devices',
  'aps',
  'reports',
  'interface_samples',
  'school_daily_results',
  'rollup_daily_results',
  'digest_deliveries',
] as const;

/** mulberry32, as in the compliance bench: the same county in every run. */
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

/** The nightly run for `day`: ten past midnight after it, Asia/Shanghai. */
const nightAfter = (day: string) => new Date(`${day}T16:10:00.000Z`);

export async function buildCounty(file: string, shape: CountyShape): Promise<BuiltCounty> {
  const database = openDatabase({ file });
  try {
    return await build(database, shape);
  } finally {
    await database.close();
  }
}

async function build(database: OpenedDatabase, shape: CountyShape): Promise<BuiltCounty> {
  const { sqlite, kysely: db } = database;
  await migrateToLatest(db);
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('foreign_keys = OFF');
  generateProvince(sqlite, { counties: 1, schoolsPerCounty: shape.schools });
  const countyId = sqlite.prepare('select id from counties').pluck().get() as number;
  const stale = adjustCounty(sqlite, countyId);
  addDigest(sqlite, countyId);
  sqlite.pragma('foreign_keys = ON');

  await recomputeDay({
    db,
    clock: () => nightAfter(BENCH_DAY),
    input: { countyId, day: BENCH_DAY },
  });
  buildHistory(sqlite, countyId, shape.days);
  await recomputeDay({
    db,
    clock: () => nightAfter(BENCH_DAY),
    input: { countyId, day: BENCH_DAY },
  });

  await createUser({
    db,
    clock: () => BENCH_NOW,
    actor: 'bench',
    input: { ...ADMIN, role: 'county_admin', countyId },
  });
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('wal_checkpoint(TRUNCATE)');

  const listed = sqlite
    .prepare(
      `select count(*) as rows, count(distinct school_id) as schools from school_daily_results
       where county_id = ? and day = ? and status in ('not_met', 'unknown')`,
    )
    .get(countyId, BENCH_DAY) as { rows: number; schools: number };
  return {
    countyId,
    rows: Object.fromEntries(
      TABLES.map((t) => [t, sqlite.prepare(`select count(*) from ${t}`).pluck().get() as number]),
    ),
    listed: listed.rows,
    listedSchools: listed.schools,
    staleAgents: stale,
  };
}

/**
 * Targets half-way through a plan, and 2 % of agents silent since two days ago (the
 * generator already has about 1 % that never reported this week). Returns the stale agents.
 */
function adjustCounty(sqlite: Database.Database, countyId: number): number {
  const steps = (indicator: string, rows: readonly (readonly [string, number])[]) => {
    const targetId = sqlite
      .prepare('select id from targets where county_id = ? and indicator = ?')
      .pluck()
      .get(countyId, indicator) as number;
    sqlite.prepare('delete from target_steps where target_id = ?').run(targetId);
    const insert = sqlite.prepare(
      'insert into target_steps (target_id, effective_from, threshold, note) values (?, ?, ?, null)',
    );
    for (const [from, threshold] of rows) insert.run(targetId, from, threshold);
  };
  steps('room_coverage', [
    ['2022-01-01', 0.3],
    ['2025-01-01', 0.5],
  ]);
  steps('ipv6', [['2023-01-01', 2]]);

  const silent = sqlite
    .prepare(
      `select a.id from agents a join agent_schools x on x.agent_id = a.id
       join schools s on s.id = x.school_id
       where a.county_id = ? and s.id % 50 = 25 and a.last_report_at > ?`,
    )
    .pluck()
    .all(countyId, BENCH_DAY) as number[];
  const since = `${addDays(BENCH_DAY, -2)}T02:30:00.000Z`;
  for (const agentId of silent) {
    sqlite
      .prepare(
        'delete from interface_samples where report_id in (select id from reports where agent_id = ?)',
      )
      .run(agentId);
    sqlite.prepare('delete from reports where agent_id = ?').run(agentId);
    sqlite
      .prepare(
        `delete from ap_daily where day > ? and ap_id in
         (select id from aps where reported_by_agent_id = ?)`,
      )
      .run(addDays(BENCH_DAY, -2), agentId);
    sqlite.prepare('update agents set last_report_at = ? where id = ?').run(since, agentId);
    sqlite
      .prepare('update aps set last_seen_at = ? where reported_by_agent_id = ?')
      .run(since, agentId);
  }
  return sqlite
    .prepare('select count(*) from agents where county_id = ? and last_report_at < ?')
    .pluck()
    .get(countyId, BENCH_DAY) as number;
}

/** Mail at 07:30 to 3 county and 10 town recipients, sent every morning, one failure. */
function addDigest(sqlite: Database.Database, countyId: number): void {
  const at = `${addDays(BENCH_DAY, -40)}T00:00:00.000Z`;
  sqlite
    .prepare(
      `insert into digest_settings (county_id, send_time, enabled, enabled_since, updated_by, updated_at)
       values (?, '07:30', 1, ?, 'bench', ?)`,
    )
    .run(countyId, at, at);
  const towns = sqlite
    .prepare('select id from towns where county_id = ? order by id')
    .pluck()
    .all(countyId) as number[];
  const recipients: [string, number | null][] = [
    ['jyj@bench.example', null],
    ['xxk@bench.example', null],
    ['jzk@bench.example', null],
    ...towns.map((t, i): [string, number] => [`town${i + 1}@bench.example`, t]),
  ];
  const recipient = sqlite.prepare(
    `insert into digest_recipients (county_id, town_id, email, lang, created_by, created_at)
     values (?, ?, ?, 'zh-CN', 'bench', ?)`,
  );
  const delivery = sqlite.prepare(
    `insert into digest_deliveries (county_id, day, email, town_id, lang, state, attempts, due_at,
     planned_at, next_attempt_at, last_error, last_error_at, sent_at, message_id)
     values (?, ?, ?, ?, 'zh-CN', ?, ?, ?, ?, null, ?, ?, ?, ?)`,
  );
  for (const [email, townId] of recipients) recipient.run(countyId, townId, email, at);
  for (let d = 30; d >= 0; d--) {
    const day = addDays(BENCH_DAY, -d);
    const due = `${day}T23:30:00.000Z`;
    for (const [email, townId] of recipients) {
      const failed = d === 6 && email.startsWith('town3');
      delivery.run(
        countyId,
        day,
        email,
        townId,
        failed ? 'failed' : 'sent',
        failed ? 8 : 1,
        due,
        due,
        failed ? '550 5.1.1 mailbox unavailable' : null,
        failed ? `${addDays(day, 2)}T06:00:00.000Z` : null,
        failed ? null : `${day}T23:30:02.000Z`,
        failed ? null : `<${day}.${email}@xiaowang>`,
      );
    }
  }
  sqlite
    .prepare(
      `insert into digest_scheduler (id, instance, mail_configured, seen_at) values (1, 'bench', 1, ?)`,
    )
    .run(BENCH_NOW.toISOString());
}

/**
 * The `days - 1` days before BENCH_DAY, from BENCH_DAY's computed rows: each school ×
 * indicator had another status before a day in the window (or kept its own), and on those
 * days takes the figures of a school that had that status on BENCH_DAY.
 */
function buildHistory(sqlite: Database.Database, countyId: number, days: number): void {
  const random = prng(20261128);
  const today = sqlite
    .prepare(
      'select * from school_daily_results where county_id = ? and day = ? order by school_id, indicator',
    )
    .all(countyId, BENCH_DAY) as ResultRow[];
  const kinds = new Map(
    (
      sqlite.prepare('select id, kind from schools where county_id = ?').all(countyId) as {
        id: number;
        kind: string;
      }[]
    ).map((s) => [s.id, s.kind]),
  );
  const townIds = sqlite
    .prepare('select id from towns where county_id = ? order by id')
    .pluck()
    .all(countyId) as number[];
  const donors = new Map<string, ResultRow[]>();
  for (const r of today) {
    const key = `${r.indicator}/${r.status}`;
    donors.set(key, [...(donors.get(key) ?? []), r]);
  }
  const pick = (indicator: string, status: ResultStatus): ResultRow | undefined => {
    const list = donors.get(`${indicator}/${status}`);
    return list === undefined ? undefined : list[Math.floor(random() * list.length)];
  };
  const first = -(days - 1);
  // One change per school × indicator: before `change` (days from BENCH_DAY) the row is `before`.
  const plans = today.map((row) => {
    const change = first + Math.floor(random() * (days - 1));
    let before: ResultRow | undefined;
    if (row.status === 'not_met' && random() < 0.5) before = pick(row.indicator, 'met');
    if (row.status === 'met' && random() < 0.2) before = pick(row.indicator, 'not_met');
    // Agents gone quiet this week were fine before: unknown for the last three days.
    if (row.status === 'unknown') return { row, before: pick(row.indicator, 'met'), change: -2 };
    return { row, before, change };
  });

  const insert = sqlite.prepare(
    `insert into school_daily_results (school_id, day, indicator, county_id, town_id, value,
     numerator, denominator, threshold, target_step_id, status, unknown_reason, failing_since,
     details, computed_at) values (@school_id, @day, @indicator, @county_id, @town_id, @value,
     @numerator, @denominator, @threshold, @target_step_id, @status, @unknown_reason,
     @failing_since, @details, @computed_at)`,
  );
  const insertRollup = sqlite.prepare(
    `insert into rollup_daily_results (scope, scope_id, day, indicator, county_id, numerator,
     denominator, value, threshold, schools, schools_met, schools_not_met, schools_unknown,
     teaching_points, teaching_points_met, teaching_points_not_met, teaching_points_unknown,
     computed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const thresholds = new Map(today.map((r) => [r.indicator, r.threshold]));
  let yesterday = new Map<string, { status: ResultStatus; failingSince: string | null }>();
  const writeDay = sqlite.transaction((offset: number) => {
    const day = addDays(BENCH_DAY, offset);
    const computedAt = nightAfter(day).toISOString();
    const seen = new Map<string, { status: ResultStatus; failingSince: string | null }>();
    const sources: RollupSource[] = [];
    for (const { row, before, change } of plans) {
      const from = offset < change && before !== undefined ? before : row;
      const key = `${row.school_id}:${row.indicator}`;
      const since = failingSince(from.status, day, yesterday.get(key));
      insert.run({
        ...row,
        value: from.value,
        numerator: from.numerator,
        denominator: from.denominator,
        status: from.status,
        unknown_reason: from.unknown_reason,
        details: from.details,
        day,
        failing_since: since,
        computed_at: computedAt,
      });
      seen.set(key, { status: from.status, failingSince: since });
      sources.push({
        townId: row.town_id,
        teachingPoint: kinds.get(row.school_id) === 'teaching_point',
        indicator: row.indicator,
        status: from.status,
        numerator: from.numerator,
        denominator: from.denominator,
      });
    }
    for (const r of rollUp(sources, { countyId, townIds })) {
      insertRollup.run(
        r.scope,
        r.scopeId,
        day,
        r.indicator,
        countyId,
        r.numerator,
        r.denominator,
        r.value,
        thresholds.get(r.indicator) ?? null,
        r.schools,
        r.schoolsMet,
        r.schoolsNotMet,
        r.schoolsUnknown,
        r.teachingPoints,
        r.teachingPointsMet,
        r.teachingPointsNotMet,
        r.teachingPointsUnknown,
        computedAt,
      );
    }
    yesterday = seen;
  });
  for (let offset = first; offset < 0; offset++) writeDay(offset);
}
