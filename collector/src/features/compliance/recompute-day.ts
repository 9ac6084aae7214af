import type { WriteContext } from '../../context.ts';
import { inTransaction } from '../../db/tx.ts';
import { validationError } from '../../errors.ts';
import { isTeachingPoint } from '../places/kinds.ts';
import { computeSchoolDay } from './engine/compute-school.ts';
import { failingSince } from './engine/failing-since.ts';
import { addDays, isDay } from './engine/local-time.ts';
import type { RollupSource } from './engine/rollup.ts';
import { rollUp } from './engine/rollup.ts';
import type { CountyDayContext } from './load/load-county-context.ts';
import { loadCountyContext } from './load/load-county-context.ts';
import type { LoadedSchool } from './load/load-schools.ts';
import { loadSchools } from './load/load-schools.ts';
import { selectSchoolIds } from './load/queries-places.ts';
import { thresholdsOf } from './load/steps-in-force.ts';
import type { RollupRow, SchoolResultRow } from './queries-results.ts';
import {
  deleteCountyDay,
  insertRollups,
  insertSchoolResults,
  selectDayStatuses,
} from './queries-results.ts';

/** Schools loaded and computed at a time: bounds memory, and lets requests in between. */
export const SCHOOLS_PER_BATCH = 1000;

export interface RecomputeDayInput {
  readonly countyId: number;
  /** Local date (YYYY-MM-DD) in the county's timezone. */
  readonly day: string;
}

export interface RecomputeDayResult {
  readonly schools: number;
  readonly results: number;
  readonly rollups: number;
}

/**
 * Computes every school × indicator of a county's day and its town and county rollups, and
 * replaces that day's rows in one transaction, so recomputing is idempotent. Reads happen
 * first, in bulk, so the write transaction stays short.
 */
export async function recomputeDay({
  db,
  clock,
  input,
}: WriteContext<RecomputeDayInput>): Promise<RecomputeDayResult> {
  const { countyId, day } = input;
  if (!isDay(day)) {
    throw validationError([
      { path: 'day', key: 'compliance.validation.day', params: { value: day } },
    ]);
  }
  const now = clock();
  const ctx = await loadCountyContext(db, { countyId, day, now });
  const yesterday = await selectDayStatuses(db, countyId, addDays(day, -1));
  const ids = await selectSchoolIds(db, countyId);
  const results: SchoolResultRow[] = [];
  const sources: RollupSource[] = [];
  for (let i = 0; i < ids.length; i += SCHOOLS_PER_BATCH) {
    const batch = ids.slice(i, i + SCHOOLS_PER_BATCH);
    const schools = await loadSchools(db, ctx, { from: batch[0] ?? 0, to: batch.at(-1) ?? 0 });
    addResults(ctx, schools, yesterday, now.toISOString(), { results, sources });
    // better-sqlite3 blocks the thread; let requests in between batches.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const rollups = rollUp(sources, { countyId, townIds: ctx.townIds }).map((r): RollupRow => ({
    scope: r.scope,
    scope_id: r.scopeId,
    day,
    indicator: r.indicator,
    county_id: countyId,
    numerator: r.numerator,
    denominator: r.denominator,
    value: r.value,
    threshold: ctx.steps[r.indicator]?.threshold ?? null,
    schools: r.schools,
    schools_met: r.schoolsMet,
    schools_not_met: r.schoolsNotMet,
    schools_unknown: r.schoolsUnknown,
    teaching_points: r.teachingPoints,
    teaching_points_met: r.teachingPointsMet,
    teaching_points_not_met: r.teachingPointsNotMet,
    teaching_points_unknown: r.teachingPointsUnknown,
    computed_at: now.toISOString(),
  }));
  await inTransaction(db, async (tx) => {
    await deleteCountyDay(tx, countyId, day);
    await insertSchoolResults(tx, results);
    await insertRollups(tx, rollups);
  });
  return { schools: ids.length, results: results.length, rollups: rollups.length };
}

function addResults(
  ctx: CountyDayContext,
  schools: readonly LoadedSchool[],
  yesterday: Awaited<ReturnType<typeof selectDayStatuses>>,
  computedAt: string,
  out: { results: SchoolResultRow[]; sources: RollupSource[] },
): void {
  const before = new Map(
    yesterday.map((r) => [
      `${r.school_id}:${r.indicator}`,
      { status: r.status, failingSince: r.failing_since },
    ]),
  );
  const thresholds = thresholdsOf(ctx.steps);
  for (const school of schools) {
    const teachingPoint = isTeachingPoint(school.kind);
    for (const r of computeSchoolDay(school, thresholds, ctx.settings)) {
      const { value, numerator, denominator, unknownReason, details } = r.measure;
      const key = `${school.schoolId}:${r.indicator}`;
      out.results.push({
        school_id: school.schoolId,
        day: ctx.day,
        indicator: r.indicator,
        county_id: ctx.county.id,
        town_id: school.townId,
        value,
        numerator,
        denominator,
        threshold: r.step?.threshold ?? null,
        target_step_id: r.step?.id ?? null,
        status: r.status,
        unknown_reason: unknownReason,
        failing_since: failingSince(r.status, ctx.day, before.get(key)),
        details: JSON.stringify(details),
        computed_at: computedAt,
      });
      const { townId } = school;
      const { indicator, status } = r;
      out.sources.push({ townId, teachingPoint, indicator, status, numerator, denominator });
    }
  }
}
