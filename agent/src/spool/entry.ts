import { isUtf8 } from 'node:buffer';

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
  { readonly ok: true } | { readonly ok: false; readonly reason: string; readonly detail: string };

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

type Scan =
  | { readonly ok: true; readonly reportId: string | undefined }
  | { readonly ok: false; readonly reason: string; readonly detail: string };

const latin1 = new TextDecoder('latin1');

/**
 * One pass over the bytes of a JSON document, allocating nothing per value: it must be a
 * single object whose brackets balance outside strings, whose strings all end, with no
 * control byte anywhere and nothing after the closing brace. That is what a torn write
 * breaks (an empty file, zero-filled blocks, a document cut off anywhere before its last
 * byte: the top-level brace closes only there). Returns the top-level "reportId" text.
 * It does not check numbers and literals: the collector parses every report it is sent
 * and refuses one that is not JSON, and the agent then sets it aside with that reason.
 */
function scanObject(bytes: Uint8Array): Scan {
  const n = bytes.length;
  let i = 0;
  while (i < n && isSpace(bytes[i] ?? 0)) i++;
  const first = bytes[i] ?? 0;
  if (first !== OPEN_BRACE) {
    // Another JSON value (array, string, number, literal) is a document, just not a report.
    return /["[\-0-9tfn]/.test(String.fromCharCode(first))
      ? { ok: false, reason: 'not-an-object', detail: 'the JSON is not an object' }
      : { ok: false, reason: 'not-json', detail: `starts with byte ${first}` };
  }
  // Open brackets as a bit stack would limit depth; a byte stack grows as needed.
  let stack = new Uint8Array(64);
  let depth = 0;
  let reportId: string | undefined;
  /** At depth 1: the next string is a key; after the "reportId" key, its value is wanted. */
  let expectKey = false;
  let wantValue = false;
  let keyIsReportId = false;
  for (; i < n; i++) {
    const c = bytes[i] ?? 0;
    if (c === QUOTE) {
      const start = i + 1;
      let escaped = false;
      for (i = start; i < n; i++) {
        const d = bytes[i] ?? 0;
        if (d < 0x20) {
          return {
            ok: false,
            reason: 'not-json',
            detail: `control byte ${d} inside a string at ${i}`,
          };
        }
        if (escaped) escaped = false;
        else if (d === BACKSLASH) escaped = true;
        else if (d === QUOTE) break;
      }
      if (i >= n)
        return { ok: false, reason: 'not-json', detail: `${n} bytes: a string does not end` };
      if (depth === 1) {
        if (expectKey) {
          keyIsReportId = i - start === 8 && latin1.decode(bytes.subarray(start, i)) === 'reportId';
          expectKey = false;
        } else if (wantValue) {
          const raw = latin1.decode(bytes.subarray(start, i));
          reportId = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
          wantValue = false;
        }
      }
      continue;
    }
    if (c < 0x20 && !isSpace(c)) {
      return { ok: false, reason: 'not-json', detail: `control byte ${c} at ${i}` };
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (depth === stack.length) {
        const grown = new Uint8Array(stack.length * 2);
        grown.set(stack);
        stack = grown;
      }
      stack[depth++] = c;
      if (depth === 1) expectKey = true;
      wantValue = false;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      const open = depth === 0 ? 0 : (stack[--depth] ?? 0);
      if ((c === CLOSE_BRACE) !== (open === OPEN_BRACE)) {
        return {
          ok: false,
          reason: 'not-json',
          detail: `unbalanced ${String.fromCharCode(c)} at ${i}`,
        };
      }
      if (depth === 0) {
        for (i++; i < n; i++) {
          if (!isSpace(bytes[i] ?? 0)) {
            return {
              ok: false,
              reason: 'not-json',
              detail: `bytes after the closing brace at ${i}`,
            };
          }
        }
        return { ok: true, reportId };
      }
    } else if (depth === 1) {
      if (c === COMMA) expectKey = stack[0] === OPEN_BRACE;
      else if (c === COLON) {
        wantValue = keyIsReportId;
        keyIsReportId = false;
      } else if (!isSpace(c)) wantValue = false;
    }
  }
  return { ok: false, reason: 'not-json', detail: `${n} bytes: the document is cut off` };
}

/**
 * A torn write shows up as an empty file, zero-filled blocks or a cut-off document; each
 * fails one of these checks, made without parsing the report into objects (a county's
 * report can be 10 MB, and the agent only forwards it).
 */
export function checkEntryBytes(bytes: Uint8Array, reportId: string): EntryCheck {
  if (bytes.byteLength === 0) return { ok: false, reason: 'empty', detail: 'file has 0 bytes' };
  if (!isUtf8(bytes)) return { ok: false, reason: 'not-utf8', detail: 'file is not valid UTF-8' };
  const scan = scanObject(bytes);
  if (!scan.ok) return scan;
  if (scan.reportId !== reportId) {
    return {
      ok: false,
      reason: 'report-id-mismatch',
      detail: `name says ${reportId}, content says ${String(scan.reportId)}`,
    };
  }
  return { ok: true };
}
