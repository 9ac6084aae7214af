import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError } from '../../../errors.ts';
import { decodeText } from './decode.ts';

export type FileFormat = 'csv-utf-8' | 'csv-gb18030' | 'xlsx';

/** A sheet as text. Row numbers are what a spreadsheet shows: the header is row 1. */
export interface Table {
  readonly format: FileFormat;
  readonly header: readonly { readonly text: string; readonly index: number }[];
  readonly rows: readonly { readonly row: number; readonly cells: readonly string[] }[];
}

/** Reads the first sheet of an XLSX file, or a CSV file; the bytes decide, not the file name. */
export async function readTable(bytes: Uint8Array): Promise<Table> {
  try {
    return isZip(bytes) ? await readXlsx(bytes) : readCsv(bytes);
  } catch (error) {
    if (error instanceof AppError) throw error;
    const detail = error instanceof Error ? error.message.slice(0, 200) : String(error);
    throw unreadable(detail, error);
  }
}

function unreadable(detail: string, cause?: unknown): AppError {
  const key = 'import.error.unreadable';
  return new AppError('VALIDATION', 'api.error.VALIDATION', {
    params: { count: 1 },
    details: [{ path: 'file', key, params: { detail } }],
    cause,
  });
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

// csv-parse (maintained, no dependencies, Node 20) handles quoted commas, doubled quotes and
// newlines inside cells, which Excel writes and which naive splitting gets wrong.
function readCsv(bytes: Uint8Array): Table {
  const { text, encoding } = decodeText(bytes);
  const records: string[][] = parse(text, {
    bom: true,
    delimiter: guessDelimiter(text),
    relax_column_count: true,
    skip_empty_lines: false,
  });
  return toTable(
    encoding === 'utf-8' ? 'csv-utf-8' : 'csv-gb18030',
    records.map((cells, i) => ({ row: i + 1, cells })),
  );
}

/** Excel in some locales saves "CSV" with semicolons or tabs; the header line tells. */
function guessDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => ({ d, n: firstLine.split(d).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0] !== undefined && counts[0].n > 0 ? counts[0].d : ',';
}

async function readXlsx(bytes: Uint8Array): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  // exceljs declares its own Buffer as an ArrayBuffer; JSZip reads either. Copy to own the bytes.
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (sheet === undefined) throw unreadable('no sheet with data');
  const rows: { row: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let col = 1; col <= sheet.columnCount; col++) cells.push(row.getCell(col).text);
    rows.push({ row: rowNumber, cells });
  });
  return toTable('xlsx', rows);
}

/** The first non-blank row is the header; blank rows below it are skipped, keeping numbers. */
function toTable(format: FileFormat, all: { row: number; cells: string[] }[]): Table {
  const nonBlank = all
    .map((r) => ({ row: r.row, cells: r.cells.map((c) => c.trim()) }))
    .filter((r) => r.cells.some((c) => c !== ''));
  const [first, ...rest] = nonBlank;
  if (first === undefined) return { format, header: [], rows: [] };
  const header = first.cells.map((text, index) => ({ text, index })).filter((h) => h.text !== '');
  return { format, header, rows: rest };
}
