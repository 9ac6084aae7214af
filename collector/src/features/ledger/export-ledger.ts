import type { Lang } from '@xiaowang/shared';
import type { Clock, ReadContext } from '../../context.ts';
import type { LedgerInput } from './build-ledger.ts';
import { buildLedger } from './build-ledger.ts';
import { ledgerFileName } from './file-name.ts';
import { renderLedgerCsv } from './render-csv.ts';
import { renderLedgerXlsx } from './render-xlsx.ts';
import type { Ledger } from './schema.ts';

export interface LedgerFile {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly contentType: string;
  /** In the reader's language, with its extension, e.g. 城口县-达标台账-2026-11-27.xlsx. */
  readonly fileName: string;
  /** ASCII only, for clients that ignore the UTF-8 name. */
  readonly fallbackName: string;
  readonly ledger: Ledger;
}

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** The ledger as a file a bureau hands upward: CSV for any tool, XLSX for Excel. */
export async function exportLedger({
  db,
  clock,
  input,
}: ReadContext<LedgerInput & { format: 'csv' | 'xlsx'; lang: Lang }> & {
  readonly clock: Clock;
}): Promise<LedgerFile> {
  const { format, lang, ...query } = input;
  const ledger = await buildLedger({ db, clock, input: query });
  const bytes =
    format === 'csv'
      ? new TextEncoder().encode(renderLedgerCsv(ledger, lang))
      : await renderLedgerXlsx(ledger, lang);
  return {
    bytes,
    contentType: CONTENT_TYPES[format],
    fileName: `${ledgerFileName(ledger.county.name, ledger.date, lang)}.${format}`,
    fallbackName: `ledger-${ledger.county.id}-${ledger.date}.${format}`,
    ledger,
  };
}
