import type { Lang } from '@xiaowang/shared';
import { t } from '@xiaowang/shared';

/** The columns exports can show; each has a heading in the catalogue (`ledger.column.*`). */
export type LedgerColumn =
  | 'town'
  | 'school'
  | 'schoolCode'
  | 'kind'
  | 'indicator'
  | 'status'
  | 'value'
  | 'numerator'
  | 'denominator'
  | 'threshold'
  | 'unknownReason'
  | 'failingSince'
  | 'document'
  | 'effectiveFrom'
  | 'schools'
  | 'notMet'
  | 'unknown';

export function columnTitle(column: LedgerColumn, lang: Lang): string {
  return t(lang, `ledger.column.${column}`);
}
