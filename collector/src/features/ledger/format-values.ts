import type { Lang } from '@xiaowang/shared';
import { t } from '@xiaowang/shared';
import type { IndicatorUnit } from '../targets/indicator-units.ts';
import type { LedgerRow } from './schema.ts';

/* Figures as a person reads them in an export: 75% (3/4), 100 Mbit/s, level 3. */

/** At most one decimal, none when whole: 0.6 → 60%, 0.756 → 75.6%. */
export function formatPercent(fraction: number): string {
  return `${trimNumber(fraction * 100, 1)}%`;
}

export function trimNumber(value: number, decimals = 2): string {
  return String(Number(value.toFixed(decimals)));
}

export function formatMeasured(unit: IndicatorUnit, row: LedgerRow, lang: Lang): string {
  const { value, numerator, denominator } = row;
  if (value === null) return '';
  switch (unit) {
    case 'fraction': {
      const percent = formatPercent(value);
      if (numerator === null || denominator === null) return percent;
      return t(lang, 'ledger.value.ratio', {
        percent,
        numerator: trimNumber(numerator),
        denominator: trimNumber(denominator),
      });
    }
    case 'mbps':
      return t(lang, 'ledger.value.mbps', { value: trimNumber(value, 0) });
    case 'level':
      return t(lang, 'ledger.value.level', { value: trimNumber(value, 0) });
  }
}

export function formatThreshold(unit: IndicatorUnit, threshold: number | null, lang: Lang): string {
  if (threshold === null) return '';
  const value =
    unit === 'fraction'
      ? formatPercent(threshold)
      : unit === 'mbps'
        ? t(lang, 'ledger.value.mbps', { value: trimNumber(threshold, 0) })
        : t(lang, 'ledger.value.level', { value: trimNumber(threshold, 0) });
  return t(lang, 'ledger.value.atLeast', { value });
}
