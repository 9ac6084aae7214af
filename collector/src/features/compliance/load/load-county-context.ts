import type { Db } from '../../../db/schema.ts';
import { notFound } from '../../../errors.ts';
import { addDays, dayBounds, localInstant } from '../engine/local-time.ts';
import type { Indicator } from '../indicators.ts';
import { findSettings } from '../settings/queries.ts';
import type { ComplianceSettings } from '../settings/schema.ts';
import type { ApFacts } from './load-aps.ts';
import { loadSchoolAps } from './load-aps.ts';
import type { SchoolReports } from './load-reports.ts';
import { loadSchoolReports } from './load-reports.ts';
import { selectCountyRow, selectTownIds } from './queries-places.ts';
import type { TargetStepRow } from './queries-targets.ts';
import { selectTargetSteps } from './queries-targets.ts';
import { stepsInForce } from './steps-in-force.ts';

/** What a county's day is judged by, loaded once before its schools are, batch by batch. */
export interface CountyDayContext {
  readonly county: {
    readonly id: number;
    readonly name: string;
    readonly timezone: string;
    readonly metroPattern: string | null;
  };
  readonly day: string;
  /** The end of the local day, or now when the day is not over yet. */
  readonly evaluatedAt: Date;
  readonly settings: ComplianceSettings;
  readonly coverageFromDay: string;
  readonly schoolHours: { readonly from: string; readonly to: string };
  /** IPv6 addresses seen since the coverage window began still count. */
  readonly addressesSince: string;
  readonly townIds: readonly number[];
  readonly steps: Partial<Record<Indicator, TargetStepRow>>;
  readonly reportsOf: (schoolId: number) => SchoolReports;
  /** APs by the school they are attributed to: attribution needs the whole county's rules. */
  readonly apsOf: ReadonlyMap<number, readonly ApFacts[]>;
}

export async function loadCountyContext(
  db: Db,
  v: { countyId: number; day: string; now: Date },
): Promise<CountyDayContext> {
  const { day, now } = v;
  const county = await selectCountyRow(db, v.countyId);
  if (county === undefined) throw notFound('api.notFound.county', v.countyId);
  const tz = county.timezone;
  const settings = await findSettings(db, county.id);
  const bounds = dayBounds(day, tz);
  // Reports polled exactly at the next midnight belong to the next day.
  const until = new Date(Math.min(now.getTime(), bounds.end.getTime() - 1)).toISOString();
  const coverageFromDay = addDays(day, 1 - settings.coverageWindowDays);
  return {
    county: {
      id: county.id,
      name: county.name,
      timezone: tz,
      metroPattern: county.metro_name_pattern,
    },
    day,
    evaluatedAt: new Date(Math.min(now.getTime(), bounds.end.getTime())),
    settings,
    coverageFromDay,
    schoolHours: {
      from: localInstant(day, settings.schoolHoursStart, tz).toISOString(),
      to: localInstant(day, settings.schoolHoursEnd, tz).toISOString(),
    },
    addressesSince: dayBounds(coverageFromDay, tz).start.toISOString(),
    townIds: await selectTownIds(db, county.id),
    steps: stepsInForce(await selectTargetSteps(db, county.id), day),
    reportsOf: await loadSchoolReports(db, {
      countyId: county.id,
      dayStart: bounds.start.toISOString(),
      until,
    }),
    apsOf: await loadSchoolAps(db, { countyId: county.id, fromDay: coverageFromDay, day }),
  };
}
