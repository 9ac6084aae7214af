import { isDeepStrictEqual } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../testing/fixed-clock.ts';
import type { TestDb } from '../../../testing/test-db.ts';
import { createTestDb } from '../../../testing/test-db.ts';
import { INDICATORS } from '../indicators.ts';
import type { Indicator } from '../indicators.ts';
import { recomputeDay } from '../recompute-day.ts';
import { rollupMismatches, rollupsFromTable, schoolMismatches } from './scenario-compare.ts';
import type { ScenarioCounty } from './scenario-county.ts';
import { addScenarioDay, buildScenarioCounty } from './scenario-county.ts';
import type { ExpectedResult, SchoolTable } from './scenario-expected.ts';
import { EXPECTED } from './scenario-expected.ts';
import { EXPECTED_ROLLUPS } from './scenario-expected-rollups.ts';
import type { Scope } from './scenario-expected-rollups.ts';
import { DAY, NEXT_DAY, localAt } from './scenario-time.ts';

/*
 * The hand-computed scenario county (scenario-spec.ts) judged by the compliance engine: every
 * school's every indicator and every town and county rollup must equal the hand table
 * (scenario-expected*.ts), whose comments carry the arithmetic.
 */

// The nightly run: ten past midnight after the day, local time.
const runAt = (day: string) => fixedClock(localAt(day, '00:10'));
const NIGHT_AFTER_DAY = '2026-11-28';
const NIGHT_AFTER_NEXT = '2026-11-29';

let db: TestDb;
let scenario: ScenarioCounty;
beforeEach(async () => {
  db = await createTestDb();
  scenario = await buildScenarioCounty(db.kysely, fixedClock('2026-11-01T00:00:00.000Z'));
});
afterEach(() => db.close());

const recompute = (day: string, clockDay: string) =>
  recomputeDay({
    db: db.kysely,
    clock: runAt(clockDay),
    input: { countyId: scenario.countyId, day },
  });

describe('the hand table', () => {
  it('has rollups that follow from its school figures', () => {
    const scopes: Scope[] = ['A', 'B', 'C', 'county'];
    for (const indicator of INDICATORS) {
      for (const scope of scopes) {
        expect(EXPECTED_ROLLUPS[indicator][scope], `${indicator} ${scope}`).toEqual(
          rollupsFromTable(indicator, scope),
        );
      }
    }
  });
});

describe('recomputeDay over the scenario county', () => {
  it('judges every school and rollup of 2026-11-27 as the hand table does', async () => {
    const counts = await recompute(DAY, NIGHT_AFTER_DAY);
    // 15 schools × 7 indicators; (3 towns + 1 county) × 7 indicators
    expect(counts).toEqual({ schools: 15, results: 105, rollups: 28 });
    // One assertion, so a failure lists every difference at once.
    expect({
      schools: await schoolMismatches(db.kysely, scenario, DAY),
      rollups: await rollupMismatches(db.kysely, scenario, DAY, EXPECTED_ROLLUPS),
    }).toEqual({ schools: [], rollups: [] });
  });

  it('stores identical rows when the same day is recomputed', async () => {
    await recompute(DAY, NIGHT_AFTER_DAY);
    const first = await snapshot();
    await recompute(DAY, NIGHT_AFTER_DAY);
    expect(await snapshot()).toEqual(first);
    expect(first.results).toHaveLength(105);
    expect(first.rollups).toHaveLength(28);
  });

  it('carries failing_since into the next day and restarts it after a met day', async () => {
    await recompute(DAY, NIGHT_AFTER_DAY);
    await addScenarioDay(db.kysely, scenario, NEXT_DAY);
    await recompute(NEXT_DAY, NIGHT_AFTER_NEXT);

    const expected = scenario.schools.flatMap((s) =>
      INDICATORS.map((indicator) => ({
        key: `${s.spec.key} ${indicator}`,
        day1: failingSinceOn(EXPECTED, s.spec.key, indicator, DAY),
        day2: nextDayFailingSince(s.spec.key, indicator),
      })),
    );
    const actual = await failingSinceRows();
    expect({
      nextDay: await schoolMismatches(db.kysely, scenario, NEXT_DAY, NEXT_DAY_TABLE),
      failingSince: actual.filter((r, i) => !isDeepStrictEqual(r, expected[i])),
    }).toEqual({
      nextDay: [],
      failingSince: expected.filter((r, i) => !isDeepStrictEqual(r, actual[i])),
    });
    // The cases the rule above produces, spelled out:
    const pick = (key: string) => actual.find((r) => r.key === key);
    // A2 room coverage 4/6 on both days ⇒ still failing since the first day
    expect(pick('A2 room_coverage')).toMatchObject({ day1: DAY, day2: DAY });
    // A3 uplink 100M on both days ⇒ carried
    expect(pick('A3 uplink_1000m')).toMatchObject({ day1: DAY, day2: DAY });
    // A1 uplink met on 11-27, 100M all of 11-28 ⇒ failing since 11-28
    expect(pick('A1 uplink_1000m')).toMatchObject({ day1: null, day2: NEXT_DAY });
    // B1 uplink flapped on 11-27 only ⇒ met again, no failing_since
    expect(pick('B1 uplink_1000m')).toMatchObject({ day1: DAY, day2: null });
  });
});

/*
 * 2026-11-28, window 11-22…11-28: as the 11-27 table except where the data changed.
 *  A1: the designated port runs at 100M all day ⇒ 0/108 ⇒ not_met (egress 100 ≥ 100 still met)
 *  A4: no flap on 11-28 ⇒ 108/108 for both uplink figures
 *  B1: no flap ⇒ 108/108 met for both; AP 207 (online only 11-21) leaves the window ⇒
 *      rooms 201–206 + 计算机室 = 7/9 = 0.7778 (APs online on the day: still 7/10)
 */
const ratio = (n: number, d: number, status: ExpectedResult['status']): ExpectedResult => ({
  value: n / d,
  numerator: n,
  denominator: d,
  status,
  unknownReason: null,
});
function withChanges(key: string, changes: Partial<SchoolTable>): SchoolTable {
  const base = EXPECTED[key];
  if (base === undefined) throw new Error(`no hand table for ${key}`);
  return { ...base, ...changes };
}
const NEXT_DAY_TABLE: Readonly<Record<string, SchoolTable>> = {
  ...EXPECTED,
  A1: withChanges('A1', { uplink_1000m: ratio(0, 108, 'not_met') }),
  A4: withChanges('A4', {
    uplink_1000m: ratio(108, 108, 'met'),
    egress_100m: ratio(108, 108, 'met'),
  }),
  B1: withChanges('B1', {
    room_coverage: ratio(7, 9, 'not_met'),
    uplink_1000m: ratio(108, 108, 'met'),
    egress_100m: ratio(108, 108, 'met'),
  }),
};

/** failing_since by the rule: the first day of the current run of not_met days. */
function failingSinceOn(
  table: Readonly<Record<string, SchoolTable>>,
  key: string,
  indicator: Indicator,
  day: string,
): string | null {
  return table[key]?.[indicator].status === 'not_met' ? day : null;
}

function nextDayFailingSince(key: string, indicator: Indicator): string | null {
  if (NEXT_DAY_TABLE[key]?.[indicator].status !== 'not_met') return null;
  return failingSinceOn(EXPECTED, key, indicator, DAY) ?? NEXT_DAY;
}

async function failingSinceRows() {
  const rows = await db.kysely
    .selectFrom('school_daily_results')
    .select(['school_id', 'indicator', 'day', 'failing_since'])
    .execute();
  return scenario.schools.flatMap((s) =>
    INDICATORS.map((indicator) => {
      const on = (day: string) =>
        rows.find((r) => r.school_id === s.id && r.indicator === indicator && r.day === day)
          ?.failing_since;
      return { key: `${s.spec.key} ${indicator}`, day1: on(DAY), day2: on(NEXT_DAY) };
    }),
  );
}

async function snapshot() {
  const results = await db.kysely
    .selectFrom('school_daily_results')
    .selectAll()
    .orderBy('school_id')
    .orderBy('indicator')
    .execute();
  const rollups = await db.kysely
    .selectFrom('rollup_daily_results')
    .selectAll()
    .orderBy('scope')
    .orderBy('scope_id')
    .orderBy('indicator')
    .execute();
  return { results, rollups };
}
