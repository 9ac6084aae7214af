import type { Db } from '../../../db/schema.ts';
import { isTeachingPoint } from '../../places/kinds.ts';
import type { Indicator } from '../indicators.ts';
import { INDICATORS } from '../indicators.ts';
import type { ScenarioCounty } from './scenario-county.ts';
import type { ExpectedResult } from './scenario-expected.ts';
import { EXPECTED, THRESHOLDS } from './scenario-expected.ts';
import type { ExpectedRollup, Scope } from './scenario-expected-rollups.ts';
import { SCHOOLS } from './scenario-schools.ts';

/*
 * Compares what the engine stored with the hand table and lists every difference, so one
 * run shows all of them rather than the first. Fractions compare at 4 decimal places.
 */

const round = (v: number | null) => (v === null ? null : Math.round(v * 1e4) / 1e4);

function differ(label: string, expected: unknown, actual: unknown, out: string[]): void {
  const e = typeof expected === 'number' ? round(expected) : expected;
  const a = typeof actual === 'number' ? round(actual) : actual;
  if (e !== a) out.push(`${label}: expected ${String(e)}, got ${String(a)}`);
}

export async function schoolMismatches(
  db: Db,
  scenario: ScenarioCounty,
  day: string,
  expected: Readonly<Record<string, Readonly<Record<Indicator, ExpectedResult>>>> = EXPECTED,
): Promise<string[]> {
  const rows = await db
    .selectFrom('school_daily_results')
    .selectAll()
    .where('county_id', '=', scenario.countyId)
    .where('day', '=', day)
    .execute();
  const out: string[] = [];
  for (const school of scenario.schools) {
    const table = expected[school.spec.key];
    if (table === undefined) throw new Error(`no hand table for ${school.spec.key}`);
    for (const indicator of INDICATORS) {
      const label = `${school.spec.key} ${school.spec.name} ${indicator}`;
      const row = rows.find((r) => r.school_id === school.id && r.indicator === indicator);
      if (row === undefined) {
        out.push(`${label}: no row`);
        continue;
      }
      const want = table[indicator];
      differ(`${label} value`, want.value, row.value, out);
      differ(`${label} numerator`, want.numerator, row.numerator, out);
      differ(`${label} denominator`, want.denominator, row.denominator, out);
      differ(`${label} status`, want.status, row.status, out);
      differ(`${label} unknown_reason`, want.unknownReason, row.unknown_reason, out);
      differ(`${label} threshold`, THRESHOLDS[indicator], row.threshold, out);
    }
  }
  const ours = new Set(scenario.schools.map((s) => s.id));
  for (const r of rows.filter((r) => !ours.has(r.school_id))) {
    out.push(`unexpected row for school ${r.school_id} ${r.indicator}`);
  }
  return out;
}

export async function rollupMismatches(
  db: Db,
  scenario: ScenarioCounty,
  day: string,
  expected: Readonly<Record<Indicator, Readonly<Record<Scope, ExpectedRollup>>>>,
): Promise<string[]> {
  const rows = await db
    .selectFrom('rollup_daily_results')
    .selectAll()
    .where('county_id', '=', scenario.countyId)
    .where('day', '=', day)
    .execute();
  const scopes: [Scope, 'town' | 'county', number][] = [
    ...(['A', 'B', 'C'] as const).map((k): [Scope, 'town', number] => [
      k,
      'town',
      scenario.townIds[k],
    ]),
    ['county', 'county', scenario.countyId],
  ];
  const out: string[] = [];
  for (const indicator of INDICATORS) {
    for (const [scope, kind, id] of scopes) {
      const label = `rollup ${scope} ${indicator}`;
      const row = rows.find(
        (r) => r.scope === kind && r.scope_id === id && r.indicator === indicator,
      );
      if (row === undefined) {
        out.push(`${label}: no row`);
        continue;
      }
      const want = expected[indicator][scope];
      differ(`${label} numerator`, want.numerator, row.numerator, out);
      differ(`${label} denominator`, want.denominator, row.denominator, out);
      differ(`${label} value`, want.value, row.value, out);
      differ(`${label} threshold`, want.threshold, row.threshold, out);
      const [schools, met, notMet, unknown] = want.schools;
      differ(`${label} schools`, schools, row.schools, out);
      differ(`${label} schools_met`, met, row.schools_met, out);
      differ(`${label} schools_not_met`, notMet, row.schools_not_met, out);
      differ(`${label} schools_unknown`, unknown, row.schools_unknown, out);
      const [tp, tpMet, tpNotMet, tpUnknown] = want.teachingPoints;
      differ(`${label} teaching_points`, tp, row.teaching_points, out);
      differ(`${label} teaching_points_met`, tpMet, row.teaching_points_met, out);
      differ(`${label} teaching_points_not_met`, tpNotMet, row.teaching_points_not_met, out);
      differ(`${label} teaching_points_unknown`, tpUnknown, row.teaching_points_unknown, out);
    }
  }
  return out;
}

/**
 * The rollups as they follow from the school table by the stated rule; the test checks the
 * hand rollups against this, so an arithmetic slip in either table shows.
 */
export function rollupsFromTable(indicator: Indicator, scope: Scope): ExpectedRollup {
  const inScope = SCHOOLS.filter((s) => scope === 'county' || s.town === scope);
  let n: number | null = null;
  let d: number | null = null;
  const schools = [0, 0, 0, 0];
  const tps = [0, 0, 0, 0];
  for (const spec of inScope) {
    const r = EXPECTED[spec.key]?.[indicator];
    if (r === undefined) throw new Error(`no hand figure for ${spec.key} ${indicator}`);
    if (r.value !== null && r.numerator !== null && r.denominator !== null) {
      n = (n ?? 0) + r.numerator;
      d = (d ?? 0) + r.denominator;
    }
    const slot = { met: 1, not_met: 2, unknown: 3, no_target: 0 }[r.status];
    for (const counts of isTeachingPoint(spec.kind) ? [schools, tps] : [schools]) {
      counts[0] = (counts[0] ?? 0) + 1;
      if (slot > 0) counts[slot] = (counts[slot] ?? 0) + 1;
    }
  }
  const four = (c: number[]) => [c[0] ?? 0, c[1] ?? 0, c[2] ?? 0, c[3] ?? 0] as const;
  return {
    numerator: n,
    denominator: d,
    value: n === null || d === null || d === 0 ? null : n / d,
    threshold: THRESHOLDS[indicator],
    schools: four(schools),
    teachingPoints: four(tps),
  };
}
