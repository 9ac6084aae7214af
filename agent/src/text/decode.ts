/**
 * Turning device bytes into text (J5): drop trailing NULs; UTF-8 when valid; else GB18030
 * when that yields CJK ideographs (Chinese school networks); else ISO-8859-1, which never
 * fails. Buffer 'latin1' is used because TextDecoder's 'latin1' label means windows-1252.
 */
const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030', { fatal: true });
const CJK = /[\u4e00-\u9fff]/;

export function stripTrailingNuls(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  return end === bytes.length ? bytes : bytes.subarray(0, end);
}

export function decodeText(bytes: Uint8Array): string {
  const trimmed = stripTrailingNuls(bytes);
  try {
    return utf8.decode(trimmed);
  } catch {
    // not UTF-8; fall through
  }
  try {
    const text = gb18030.decode(trimmed);
    if (CJK.test(text)) return text;
  } catch {
    // not GB18030 either
  }
  return Buffer.from(trimmed.buffer, trimmed.byteOffset, trimmed.byteLength).toString('latin1');
}

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

const HEX_PAIRS = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** Lower-case colon-separated MAC; null for an empty value. */
export function formatMac(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return null;
  // From a table, not an array and six strings per MAC: a county cycle formats tens of
  // thousands.
  let out = HEX_PAIRS[bytes[0] ?? 0] ?? '';
  for (let i = 1; i < bytes.length; i++) out += `:${HEX_PAIRS[bytes[i] ?? 0] ?? ''}`;
  return out;
}

/** MAC from six index sub-identifiers. */
export function macFromSubIds(subIds: readonly number[]): string | null {
  return subIds.length === 6 && allOctets(subIds) ? formatMac(Uint8Array.from(subIds)) : null;
}

/** True when every number is a whole 0–255 (a loop, not `some` with a closure: hot per row). */
export function allOctets(numbers: readonly number[]): boolean {
  for (const n of numbers) if (!Number.isInteger(n) || n < 0 || n > 255) return false;
  return true;
}

/** Printable means text a person can read: no control characters apart from none at all. */
export function isPrintable(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return text.length > 0 && !/[\u0000-\u001f\u007f-\u009f\ufffd]/.test(text);
}
