import type { WriteContext } from '../../../context.ts';
import type { Indicator } from '../indicators.ts';
import { countyOrNotFound } from '../../places/lookups.ts';
import { addDays } from '../engine/local-time.ts';
import { selectTargetSteps } from '../load/queries-targets.ts';
import { stepsInForce } from '../load/steps-in-force.ts';
import { findSettings } from '../settings/queries.ts';
import { selectRollups, selectSchoolResults, selectTownsOf } from './queries-read.ts';
import { resolveDay } from './resolve-day.ts';
import type { CountyCompliance } from './schema.ts';
import { indicatorRollups, latestComputedAt, toListedResult } from './views.ts';

/**
 * A county's day: the targets in force with their source sentences, the county and town
 * figures with the change since the previous day, and the schools not meeting a target or
 * unknown, with why and since when (the list bureaus report upward, targets.md §8).
 */
export async function getCountyCompliance({
  db,
  clock,
  input,
}: WriteContext<{
  countyId: number;
  date?: string;
  indicator?: Indicator;
}>): Promise<CountyCompliance> {
  const county = await countyOrNotFound(db, input.countyId);
  const day = resolveDay(input.date, clock, county.timezone);
  const steps = stepsInForce(await selectTargetSteps(db, county.id), day);
  const days = [day, addDays(day, -1)];
  const countyRows = await selectRollups(db, { scope: 'county', countyId: county.id, days });
  const townRows = await selectRollups(db, { scope: 'town', countyId: county.id, days });
  const towns = await selectTownsOf(db, county.id);
  const schools = await selectSchoolResults(db, {
    countyId: county.id,
    day,
    statuses: ['not_met', 'unknown'],
    ...(input.indicator === undefined ? {} : { indicator: input.indicator }),
  });
  return {
    countyId: county.id,
    name: county.name,
    date: day,
    computedAt: latestComputedAt(countyRows.filter((r) => r.day === day)),
    settings: await findSettings(db, county.id),
    indicators: indicatorRollups(countyRows, county.id, day, steps),
    towns: towns.map((t) => ({
      townId: t.id,
      name: t.name,
      indicators: indicatorRollups(townRows, t.id, day, steps).map(
        ({ target: _t, ...rest }) => rest,
      ),
    })),
    schools: schools.map(toListedResult),
  };
}
