import type { Lang } from '@xiaowang/shared';
import { t } from '@xiaowang/shared';
import { schoolKindLabel } from '../places/kinds.ts';
import { INDICATOR_UNITS, indicatorLabel } from '../targets/indicator-units.ts';
import type { LedgerColumn } from './columns.ts';
import { columnTitle } from './columns.ts';
import { toCsv } from './csv.ts';
import { formatMeasured, formatThreshold } from './format-values.ts';
import type { Ledger } from './schema.ts';

const COLUMNS: readonly LedgerColumn[] = [
  'town',
  'school',
  'schoolCode',
  'kind',
  'indicator',
  'status',
  'value',
  'threshold',
  'unknownReason',
  'failingSince',
  'document',
];

/** One flat table: a row per school and indicator, headed in the reader's language. */
export function renderLedgerCsv(ledger: Ledger, lang: Lang): string {
  const header = COLUMNS.map((c) => columnTitle(c, lang));
  const rows = ledger.rows.map((r) => {
    const unit = INDICATOR_UNITS[r.indicator];
    return [
      r.town,
      r.school,
      r.schoolCode,
      t(lang, schoolKindLabel(r.kind)),
      t(lang, indicatorLabel(r.indicator)),
      t(lang, `ledger.status.${r.status}`),
      formatMeasured(unit, r, lang),
      formatThreshold(unit, r.threshold, lang),
      r.unknownReason === null ? '' : t(lang, `ledger.unknownReason.${r.unknownReason}`),
      r.failingSince ?? '',
      r.document,
    ];
  });
  return toCsv([header, ...rows]);
}
