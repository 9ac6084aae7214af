/*
 * Compliance recompute speed: one day of a generated province (default 30,000 schools = 100
 * counties × 300) recomputed by `recomputeDay`, county by county, against a reference
 * measured in the same run on the same database file: one hand-written SQL aggregate per
 * county over the same tables (bench/compliance-reference.ts). Prints both times and the ratio.
 *
 *   npm run bench:compliance                      # 30,000 schools
 *   npm run bench:compliance -- --schools 3000    # the quick run
 */
import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { migrateToLatest } from '../collector/src/db/migrate.ts';
import { databaseFile, openDatabase } from '../collector/src/db/open.ts';
import { recomputeDay } from '../collector/src/features/compliance/recompute-day.ts';
import { makeTempDir } from '../collector/src/testing/test-db.ts';
import { BENCH_DAY, generateProvince } from './compliance-data.ts';
import type { ReferenceParams, ReferenceTotals } from './compliance-reference.ts';
import { addTotals, referenceQuery } from './compliance-reference.ts';

const { values } = parseArgs({
  options: {
    schools: { type: 'string', default: '30000' },
    'per-county': { type: 'string', default: '300' },
    rounds: { type: 'string', default: '2' },
  },
});
const PER_COUNTY = Number(values['per-county']);
const COUNTIES = Math.max(1, Math.round(Number(values.schools) / PER_COUNTY));
const ROUNDS = Math.max(1, Number(values.rounds));

// The nightly run, ten past midnight after the day (Asia/Shanghai).
const RUN_AT = new Date('2026-11-27T16:10:00.000Z');
const params = (county: number): ReferenceParams => ({
  county,
  day: BENCH_DAY,
  windowFrom: '2026-11-21',
  from: '2026-11-27T00:00:00.000Z', // 08:00 local
  to: '2026-11-27T09:00:00.000Z', // 17:00 local
  windowStart: '2026-11-20T16:00:00.000Z', // 11-21 00:00 local
  until: '2026-11-27T15:59:59.999Z', // the end of the local day
});

const temp = makeTempDir('xiaowang-bench-compliance-');
const database = openDatabase({ file: databaseFile(temp.dir) });
try {
  await migrateToLatest(database.kysely);
  const { sqlite } = database;

  // Generation: no fsync and no foreign-key checks while bulk loading (the rows are built
  // consistent), then the collector's settings again before anything is timed.
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('foreign_keys = OFF');
  let started = performance.now();
  const generated = generateProvince(sqlite, { counties: COUNTIES, schoolsPerCounty: PER_COUNTY });
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  const generationS = (performance.now() - started) / 1000;
  const sizeMb = statSync(database.file).size / 2 ** 20;
  const counties = sqlite.prepare('select id from counties order by id').pluck().all() as number[];

  console.log(
    `generated ${generated.counties} counties × ${PER_COUNTY} schools = ${generated.schools} schools in ${generationS.toFixed(1)} s (${sizeMb.toFixed(0)} MB)`,
  );
  console.log(
    `  rows: ${Object.entries(generated.rows)
      .map(([t, n]) => `${t} ${n.toLocaleString('en-US')}`)
      .join(', ')}`,
  );

  const reference = referenceQuery(sqlite);
  const clock = () => RUN_AT;
  const times = { reference: [] as number[], engine: [] as number[] };
  const zero = (): ReferenceTotals => ({
    uplinkMet: 0,
    coveredRooms: 0,
    teachingRooms: 0,
    apsOnlineToday: 0,
  });
  let totals = zero();
  let engineTotals = { schools: 0, results: 0, rollups: 0 };

  // Rounds alternate the two, so load from elsewhere on the machine falls on both alike.
  for (let round = 0; round < ROUNDS; round++) {
    started = performance.now();
    totals = zero();
    for (const county of counties) addTotals(totals, reference(params(county)));
    times.reference.push(performance.now() - started);

    started = performance.now();
    engineTotals = { schools: 0, results: 0, rollups: 0 };
    for (const countyId of counties) {
      const r = await recomputeDay({
        db: database.kysely,
        clock,
        input: { countyId, day: BENCH_DAY },
      });
      engineTotals = {
        schools: engineTotals.schools + r.schools,
        results: engineTotals.results + r.results,
        rollups: engineTotals.rollups + r.rollups,
      };
    }
    times.engine.push(performance.now() - started);
  }

  // The same counts from what recomputeDay stored, to show both read the same data alike.
  const stored = sqlite
    .prepare(
      `select
         sum(indicator = 'uplink_1000m' and status = 'met') as uplinkMet,
         sum(case when indicator = 'room_coverage' then numerator end) as coveredRooms,
         sum(case when indicator = 'room_coverage' then denominator end) as teachingRooms,
         sum(case when indicator = 'ap_online_ratio' then numerator end) as apsOnlineToday
       from school_daily_results where day = ?`,
    )
    .get(BENCH_DAY) as ReferenceTotals;
  const best = (list: number[]) => Math.min(...list);
  const ref = best(times.reference);
  const eng = best(times.engine);
  const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(
    `reference (one SQL aggregate per county, ${counties.length} counties): ${fmt(ref)}  [rounds: ${times.reference.map(fmt).join(', ')}]`,
  );
  console.log(
    `recomputeDay (${counties.length} counties, ${engineTotals.results.toLocaleString('en-US')} results, ${engineTotals.rollups} rollups): ${fmt(eng)}  [rounds: ${times.engine.map(fmt).join(', ')}]`,
  );
  console.log(
    `  ${(eng / counties.length).toFixed(0)} ms per county, ${((engineTotals.schools / eng) * 1000).toFixed(0)} schools/s`,
  );
  console.log(`ratio recomputeDay / reference = ${(eng / ref).toFixed(2)} (best round of each)`);
  for (const key of Object.keys(totals) as (keyof ReferenceTotals)[]) {
    const same = totals[key] === stored[key] ? 'same' : 'DIFFERENT';
    console.log(`check ${key}: reference ${totals[key]}, recomputeDay ${stored[key]} (${same})`);
  }
} finally {
  await database.close();
  temp.remove();
}
