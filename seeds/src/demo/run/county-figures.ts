import type { Lang } from '@xiaowang/shared';
import { t } from '@xiaowang/shared';
import type { AdminApi } from './admin-api.ts';

interface RollupView {
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly value: number | null;
  readonly schools: number;
  readonly schoolsMet: number;
  readonly schoolsNotMet: number;
  readonly schoolsUnknown: number;
}

/** The part of `GET /api/v1/counties/:id/compliance` the demo prints. */
export interface CountyCompliance {
  readonly date: string;
  readonly indicators: readonly {
    readonly indicator: string;
    readonly rollup: RollupView | null;
  }[];
}

export function fetchCountyCompliance(
  api: AdminApi,
  countyId: number,
  date: string,
): Promise<CountyCompliance> {
  return api.request<CountyCompliance>(
    'GET',
    `/api/v1/counties/${countyId}/compliance?date=${date}`,
  );
}

const percent = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)} %`);

/** One line: room coverage, schools meeting the 1000M uplink, schools unknown. */
export function describeFigures(lang: Lang, c: CountyCompliance): string {
  const of = (indicator: string) =>
    c.indicators.find((i) => i.indicator === indicator)?.rollup ?? null;
  const coverage = of('room_coverage');
  const uplink = of('uplink_1000m');
  return t(lang, 'demo.figures', {
    date: c.date,
    coverage: percent(coverage?.value ?? null),
    covered: coverage?.numerator ?? 0,
    rooms: coverage?.denominator ?? 0,
    uplinkMet: uplink?.schoolsMet ?? 0,
    schools: uplink?.schools ?? 0,
    unknown: uplink?.schoolsUnknown ?? 0,
  });
}
