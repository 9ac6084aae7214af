import type { WriteContext } from '../../../context.ts';
import { countyOrNotFound, townOrNotFound } from '../../places/lookups.ts';
import { addDays } from '../engine/local-time.ts';
import { selectTargetSteps } from '../load/queries-targets.ts';
import { stepsInForce } from '../load/steps-in-force.ts';
import { selectRollups, selectSchoolResults, selectTownSchools } from './queries-read.ts';
import { resolveDay } from './resolve-day.ts';
import type { TownCompliance } from './schema.ts';
import { indicatorRollups, latestComputedAt, toResultView, toSchoolRef } from './views.ts';

/** A town's day: its figures per indicator with the change since the day before, and every school's results. */
export async function getTownCompliance({
  db,
  clock,
  input,
}: WriteContext<{ townId: number; date?: string }>): Promise<TownCompliance> {
  const town = await townOrNotFound(db, input.townId);
  const county = await countyOrNotFound(db, town.countyId);
  const day = resolveDay(input.date, clock, county.timezone);
  const steps = stepsInForce(await selectTargetSteps(db, county.id), day);
  const rows = await selectRollups(db, {
    scope: 'town',
    countyId: county.id,
    scopeId: town.id,
    days: [day, addDays(day, -1)],
  });
  const results = await selectSchoolResults(db, { countyId: county.id, day, townId: town.id });
  const schools = await selectTownSchools(db, town.id);
  return {
    townId: town.id,
    countyId: county.id,
    name: town.name,
    date: day,
    computedAt: latestComputedAt(rows.filter((r) => r.day === day)),
    indicators: indicatorRollups(rows, town.id, day, steps),
    schools: schools.map((s) => ({
      ...toSchoolRef({ ...s, school_id: s.id }),
      results: results.filter((r) => r.school_id === s.id).map(toResultView),
    })),
  };
}
