import ExcelJS from 'exceljs';
import type { Lang } from '@xiaowang/shared';
import { t } from '@xiaowang/shared';
import { schoolKindLabel } from '../places/kinds.ts';
import type { IndicatorUnit } from '../targets/indicator-units.ts';
import { indicatorLabel } from '../targets/indicator-units.ts';
import { formatThreshold } from './format-values.ts';
import type { LedgerColumn } from './columns.ts';
import { columnTitle } from './columns.ts';
import type { Ledger, LedgerTarget } from './schema.ts';
import { addSummarySheet } from './xlsx-summary.ts';
import { addTable, sheetName } from './xlsx-table.ts';

const NUMBER_FORMAT: Readonly<Record<IndicatorUnit, string>> = {
  fraction: '0.0%',
  mbps: '0 "Mbit/s"',
  level: '0',
};

/**
 * A summary sheet, then one sheet per target in force with its source sentence above the
 * table. Every cell is a plain string or number, never a formula, whatever the text holds.
 */
export async function renderLedgerXlsx(
  ledger: Ledger,
  lang: Lang,
): Promise<Uint8Array<ArrayBuffer>> {
  const book = new ExcelJS.Workbook();
  book.creator = 'xiaowang';
  book.created = new Date(ledger.generatedAt);
  addSummarySheet(book, ledger, lang);
  for (const target of ledger.targets) addIndicatorSheet(book, ledger, target, lang);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

function addIndicatorSheet(
  book: ExcelJS.Workbook,
  ledger: Ledger,
  target: LedgerTarget,
  lang: Lang,
): void {
  const sheet = book.addWorksheet(sheetName(t(lang, indicatorLabel(target.indicator))));
  const { document, sourceSentence: sentence, unit } = target;
  const threshold = formatThreshold(unit, target.step.threshold, lang);
  const effectiveFrom = target.step.effectiveFrom;
  const above = [
    t(lang, 'ledger.sheet.source', { document, sentence }),
    t(lang, 'ledger.sheet.target', { threshold, effectiveFrom }),
  ];
  const format = NUMBER_FORMAT[unit];
  const column = (key: LedgerColumn, width: number, numFmt?: string) => ({
    title: columnTitle(key, lang),
    width,
    ...(numFmt === undefined ? {} : { numFmt }),
  });
  const rows = ledger.rows
    .filter((r) => r.indicator === target.indicator)
    .map((r) => [
      r.town,
      r.school,
      r.schoolCode,
      t(lang, schoolKindLabel(r.kind)),
      t(lang, `ledger.status.${r.status}`),
      r.value,
      r.numerator,
      r.denominator,
      r.threshold,
      r.unknownReason === null ? '' : t(lang, `ledger.unknownReason.${r.unknownReason}`),
      r.failingSince ?? '',
    ]);
  addTable(sheet, {
    above,
    columns: [
      column('town', 16),
      column('school', 28),
      column('schoolCode', 14),
      column('kind', 12),
      column('status', 10),
      column('value', 12, format),
      column('numerator', 8),
      column('denominator', 8),
      column('threshold', 12, format),
      column('unknownReason', 28),
      column('failingSince', 14),
    ],
    rows,
  });
}
