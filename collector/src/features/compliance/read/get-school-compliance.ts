import type { WriteContext } from '../../../context.ts';
import { countyOrNotFound, schoolOrNotFound } from '../../places/lookups.ts';
import { addDays } from '../engine/local-time.ts';
import { INDICATORS } from '../indicators.ts';
import { selectSchoolResultsWithDetails, selectSchoolTrend } from './queries-read.ts';
import { resolveDay } from './resolve-day.ts';
import type { SchoolCompliance } from './schema.ts';
import { parseDetails, toResultView, toSchoolRef } from './views.ts';

/** One school's day per indicator (value, numerator, denominator, status, details) and its trend. */
export async function getSchoolCompliance({
  db,
  clock,
  input,
}: WriteContext<{ schoolId: number; date?: string; days: number }>): Promise<SchoolCompliance> {
  const school = await schoolOrNotFound(db, input.schoolId);
  const county = await countyOrNotFound(db, school.countyId);
  const day = resolveDay(input.date, clock, county.timezone);
  const rows = await selectSchoolResultsWithDetails(db, {
    countyId: county.id,
    day,
    schoolId: school.id,
  });
  const trend = await selectSchoolTrend(db, school.id, addDays(day, 1 - input.days), day);
  return {
    school: {
      ...toSchoolRef({ ...school, school_id: school.id, town_id: school.townId }),
      countyId: county.id,
    },
    date: day,
    days: input.days,
    indicators: INDICATORS.map((indicator) => {
      const row = rows.find((r) => r.indicator === indicator);
      return {
        indicator,
        result:
          row === undefined
            ? null
            : {
                ...toResultView(row),
                targetStepId: row.target_step_id,
                details: parseDetails(row.details),
                computedAt: row.computed_at,
              },
        trend: trend
          .filter((t) => t.indicator === indicator)
          .map(({ day: d, status, value, numerator, denominator }) => ({
            day: d,
            status,
            value,
            numerator,
            denominator,
          })),
      };
    }),
  };
}
