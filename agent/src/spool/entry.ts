/** One queued report as the spool indexes it; the bytes stay on disk until asked for. */
export interface SpoolEntry {
  readonly seq: number;
  /** ms since epoch when it was appended; kept in the name so age survives copies and touch. */
  readonly spooledAt: number;
  readonly reportId: string;
  readonly name: string;
  readonly bytes: number;
}

const SEQ_DIGITS = 12;
const TIME_DIGITS = 13;
const REPORT_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;
const ENTRY_NAME = /^(\d{12})-(\d{13})-([A-Za-z0-9][A-Za-z0-9_-]{0,127})\.json$/;

/** A report id must be safe as part of a file name; the contract's UUIDs always are. */
export function checkReportId(value: unknown): string {
  if (typeof value === 'string' && REPORT_ID.test(value)) return value;
  const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 80)) : typeof value;
  throw new TypeError(
    `expected report.reportId to be 1-128 letters, digits, '-' or '_', got ${shown}`,
  );
}

/** `000000000123-1718000000000-<reportId>.json`: sequence first, so names sort in queue order. */
export function entryName(seq: number, spooledAt: number, reportId: string): string {
  const time = String(Math.max(0, Math.trunc(spooledAt))).padStart(TIME_DIGITS, '0');
  return `${String(seq).padStart(SEQ_DIGITS, '0')}-${time}-${reportId}.json`;
}

export function parseEntryName(
  name: string,
): Pick<SpoolEntry, 'seq' | 'spooledAt' | 'reportId' | 'name'> | null {
  const match = ENTRY_NAME.exec(name);
  if (match === null) return null;
  const [, seq = '', time = '', reportId = ''] = match;
  return { seq: Number(seq), spooledAt: Number(time), reportId, name };
}

export type EntryCheck =
  | { readonly ok: true; readonly report: Record<string, unknown> }
  | { readonly ok: false; readonly reason: string; readonly detail: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A torn write shows up as an empty file, zero-filled blocks or a cut-off document; each
 * fails one of these checks (JSON forbids NUL and must end with the closing brace).
 */
export function checkEntryBytes(bytes: Uint8Array, reportId: string): EntryCheck {
  if (bytes.byteLength === 0) return { ok: false, reason: 'empty', detail: 'file has 0 bytes' };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, reason: 'not-utf8', detail: 'file is not valid UTF-8' };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: 'not-json', detail: `${bytes.byteLength} bytes: ${detail}` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, reason: 'not-an-object', detail: 'the JSON is not an object' };
  }
  const inside = (parsed as Record<string, unknown>)['reportId'];
  if (inside !== reportId) {
    return {
      ok: false,
      reason: 'report-id-mismatch',
      detail: `name says ${reportId}, content says ${String(inside)}`,
    };
  }
  return { ok: true, report: parsed as Record<string, unknown> };
}
