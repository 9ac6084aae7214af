import type { Indicator, ResultStatus } from '../indicators.ts';
import { INDICATORS } from '../indicators.ts';

export interface RollupSource {
  readonly townId: number;
  readonly teachingPoint: boolean;
  readonly indicator: Indicator;
  readonly status: ResultStatus;
  readonly numerator: number | null;
  readonly denominator: number | null;
}

export interface Rollup {
  readonly scope: 'county' | 'town';
  readonly scopeId: number;
  readonly indicator: Indicator;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly value: number | null;
  readonly schools: number;
  readonly schoolsMet: number;
  readonly schoolsNotMet: number;
  readonly schoolsUnknown: number;
  readonly teachingPoints: number;
  readonly teachingPointsMet: number;
  readonly teachingPointsNotMet: number;
  readonly teachingPointsUnknown: number;
}

type Tally = {
  -readonly [K in Exclude<keyof Rollup, 'scope' | 'scopeId' | 'indicator' | 'value'>]: Rollup[K];
};

const empty = (): Tally => ({
  numerator: null,
  denominator: null,
  schools: 0,
  schoolsMet: 0,
  schoolsNotMet: 0,
  schoolsUnknown: 0,
  teachingPoints: 0,
  teachingPointsMet: 0,
  teachingPointsNotMet: 0,
  teachingPointsUnknown: 0,
});

/**
 * Town and county figures per indicator: Σ numerators ÷ Σ denominators over the schools
 * whose figure is known (e.g. room-weighted coverage), and schools by status. Teaching
 * points are counted in `schools` and again on their own (targets.md §2).
 */
export function rollUp(
  results: readonly RollupSource[],
  scope: { readonly countyId: number; readonly townIds: readonly number[] },
): Rollup[] {
  const tallies = new Map<string, Tally>();
  const tallyOf = (key: string): Tally => {
    let t = tallies.get(key);
    if (t === undefined) tallies.set(key, (t = empty()));
    return t;
  };
  for (const r of results) {
    add(tallyOf(`county:${scope.countyId}:${r.indicator}`), r);
    add(tallyOf(`town:${r.townId}:${r.indicator}`), r);
  }
  const scopes = [
    { scope: 'county' as const, scopeId: scope.countyId },
    ...[...new Set(scope.townIds)].map((id) => ({ scope: 'town' as const, scopeId: id })),
  ];
  return scopes.flatMap(({ scope: kind, scopeId }) =>
    INDICATORS.map((indicator) => {
      const t = tallies.get(`${kind}:${scopeId}:${indicator}`) ?? empty();
      const value =
        t.numerator === null || t.denominator === null || t.denominator === 0
          ? null
          : t.numerator / t.denominator;
      return { scope: kind, scopeId, indicator, ...t, value };
    }),
  );
}

function add(t: Tally, r: RollupSource): void {
  t.schools += 1;
  if (r.teachingPoint) t.teachingPoints += 1;
  if (r.status === 'unknown') {
    t.schoolsUnknown += 1;
    if (r.teachingPoint) t.teachingPointsUnknown += 1;
    return;
  }
  if (r.numerator !== null && r.denominator !== null) {
    t.numerator = (t.numerator ?? 0) + r.numerator;
    t.denominator = (t.denominator ?? 0) + r.denominator;
  }
  if (r.status === 'met') {
    t.schoolsMet += 1;
    if (r.teachingPoint) t.teachingPointsMet += 1;
  } else if (r.status === 'not_met') {
    t.schoolsNotMet += 1;
    if (r.teachingPoint) t.teachingPointsNotMet += 1;
  }
}
