import type ExcelJS from 'exceljs';
import type { Lang } from '@xiaowang/shared';
import { t } from '@xiaowang/shared';
import { indicatorLabel } from '../targets/indicator-units.ts';
import type { LedgerColumn } from './columns.ts';
import { columnTitle } from './columns.ts';
import { formatThreshold } from './format-values.ts';
import type { Ledger } from './schema.ts';
import { addTable, sheetName } from './xlsx-table.ts';

/** The first sheet: one line per target in force, with how many schools miss it or are unknown. */
export function addSummarySheet(book: ExcelJS.Workbook, ledger: Ledger, lang: Lang): void {
  const sheet = book.addWorksheet(sheetName(t(lang, 'ledger.sheet.summary')));
  const { date } = ledger;
  const above = [t(lang, 'ledger.title', { county: ledger.county.name, date })];
  if (ledger.targets.length === 0) above.push(t(lang, 'ledger.sheet.noTargets', { date }));
  const title = (key: LedgerColumn) => columnTitle(key, lang);
  addTable(sheet, {
    above,
    columns: [
      { title: title('indicator'), width: 18 },
      { title: title('threshold'), width: 16 },
      { title: title('effectiveFrom'), width: 14 },
      { title: title('document'), width: 44 },
      { title: title('schools'), width: 14 },
      { title: title('notMet'), width: 10 },
      { title: title('unknown'), width: 10 },
    ],
    rows: ledger.targets.map((target) => [
      t(lang, indicatorLabel(target.indicator)),
      formatThreshold(target.unit, target.step.threshold, lang),
      target.step.effectiveFrom,
      target.document,
      target.schools,
      target.notMet,
      target.unknown,
    ]),
  });
}
