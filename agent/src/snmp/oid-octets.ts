/**
 * OIDs compared as the BER content octets they arrive in, so a walk of a county's devices
 * never turns the OIDs it only compares into text. decodeMessage refuses a sub-identifier
 * that is not in its fewest octets, which makes equal OIDs equal octets and a longer
 * sub-identifier a larger one.
 */

/** Where the sub-identifier starting at `at` ends (one past its last octet). */
export function subIdEnd(buf: Uint8Array, at: number, end: number): number {
  let i = at;
  while (i < end && (buf[i] ?? 0) >= 0x80) i++;
  return i + 1;
}

/** The value of the sub-identifier starting at `at`. */
export function subIdValue(buf: Uint8Array, at: number, end: number): number {
  let v = 0;
  for (let i = at; i < end; i++) {
    const byte = buf[i] ?? 0;
    v = v * 128 + (byte & 0x7f);
    if (byte < 0x80) break;
  }
  return v;
}

/**
 * Compares two runs of whole sub-identifiers as numbers, sub-identifier by sub-identifier
 * (…2.2.1.10 after …2.2.1.9). `shared` is a count of leading octets the caller knows both
 * begin with (a walk's root), so they need not be read again.
 */
export function compareOctets(
  a: Uint8Array,
  aStart: number,
  aEnd: number,
  b: Uint8Array,
  bStart: number,
  bEnd: number,
  shared = 0,
): number {
  let i = aStart + shared;
  let j = bStart + shared;
  while (i < aEnd && j < bEnd && a[i] === b[j]) {
    i++;
    j++;
  }
  if (i >= aEnd || j >= bEnd) {
    // One is a prefix of the other: equal octets end on a sub-identifier's last octet.
    return i >= aEnd ? (j >= bEnd ? 0 : -1) : 1;
  }
  // Back to the start of the sub-identifier where they part; the octets before are equal.
  let from = i - aStart;
  while (from > 0 && (a[aStart + from - 1] ?? 0) >= 0x80) from--;
  const aLength = subIdEnd(a, aStart + from, aEnd) - (aStart + from);
  const bLength = subIdEnd(b, bStart + from, bEnd) - (bStart + from);
  if (aLength !== bLength) return aLength < bLength ? -1 : 1;
  return (a[i] ?? 0) < (b[j] ?? 0) ? -1 : 1;
}

/** True when `buf[start…end]` lies strictly below the OID whose octets are `prefix`. */
export function isUnderOctets(
  buf: Uint8Array,
  start: number,
  end: number,
  prefix: Uint8Array,
): boolean {
  const n = prefix.length;
  if (end - start <= n) return false;
  for (let k = 0; k < n; k++) if (buf[start + k] !== prefix[k]) return false;
  return true;
}

/** True when two runs of octets are the same. */
export function sameOctets(
  a: Uint8Array,
  aStart: number,
  aEnd: number,
  b: Uint8Array,
  bStart: number,
  bEnd: number,
): boolean {
  if (aEnd - aStart !== bEnd - bStart) return false;
  for (let i = aStart, j = bStart; i < aEnd; i++, j++) if (a[i] !== b[j]) return false;
  return true;
}
