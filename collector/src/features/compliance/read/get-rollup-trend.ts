import type { ReadContext } from '../../../context.ts';
import type { Indicator } from '../indicators.ts';
import { INDICATORS } from '../indicators.ts';
import { addDays } from '../engine/local-time.ts';
import { selectLatestRollupDay, selectRollupRange } from './queries-trend.ts';

export interface RollupTrend {
  readonly days: readonly string[];
  /** One value per day (null: not computed, or no known school), per indicator. */
  readonly series: readonly { indicator: Indicator; values: (number | null)[] }[];
}

/** A county's or a town's daily figures over the `days` days ending `toDay`, for trend charts. */
export async function getRollupTrend({
  db,
  input,
}: ReadContext<{
  countyId: number;
  scope: 'county' | 'town';
  scopeId: number;
  toDay: string;
  days: number;
}>): Promise<RollupTrend> {
  const fromDay = addDays(input.toDay, -(input.days - 1));
  const days = Array.from({ length: input.days }, (_, i) => addDays(fromDay, i));
  const rows = await selectRollupRange(db, { ...input, fromDay });
  const byKey = new Map(rows.map((r) => [`${r.indicator}/${r.day}`, r.value]));
  return {
    days,
    series: INDICATORS.map((indicator) => ({
      indicator,
      values: days.map((day) => byKey.get(`${indicator}/${day}`) ?? null),
    })),
  };
}

/** The newest day with stored county figures, so a page opens on data rather than on a blank today. */
export async function getLatestComputedDay({
  db,
  input,
}: ReadContext<{ countyId: number }>): Promise<string | null> {
  return (await selectLatestRollupDay(db, input.countyId))?.day ?? null;
}
