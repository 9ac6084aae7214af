import type ExcelJS from 'exceljs';

export type XlsxCell = string | number | null;

export interface XlsxTable {
  /** Lines of text above the table, e.g. the target's source sentence. */
  readonly above: readonly string[];
  readonly columns: readonly { title: string; width: number; numFmt?: string }[];
  readonly rows: readonly (readonly XlsxCell[])[];
}

/** Excel refuses these characters in a sheet name and names longer than 31 characters. */
export function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31);
}

/**
 * Writes lines, a blank row, then a bold header frozen in place and the rows. Values are
 * assigned as strings and numbers only, so exceljs never writes a formula.
 */
export function addTable(sheet: ExcelJS.Worksheet, table: XlsxTable): void {
  for (const line of table.above) sheet.addRow([line]);
  if (table.above.length > 0) sheet.addRow([]);
  const header = sheet.addRow(table.columns.map((c) => c.title));
  header.font = { bold: true };
  for (const row of table.rows) sheet.addRow([...row]);
  table.columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = c.width;
    if (c.numFmt !== undefined) column.numFmt = c.numFmt;
  });
  sheet.views = [{ state: 'frozen', ySplit: header.number, xSplit: 0 }];
}
