/**
 * OIDs for the simulator: dotted text at the edges, Uint32Array inside the store so a lookup
 * compares numbers without parsing. Kept local so seeds does not depend on agent internals.
 */

const MAX_SUB_ID = 0xffffffff;

/** Parses dotted text (a leading dot is tolerated) into sub-ids, or undefined when malformed. */
export function parseOidText(text: string): Uint32Array | undefined {
  const start = text.charCodeAt(0) === 46 ? 1 : 0;
  if (text.length <= start) return undefined;
  let count = 1;
  for (let i = start; i < text.length; i++) if (text.charCodeAt(i) === 46) count++;
  const out = new Uint32Array(count);
  let k = 0;
  let value = 0;
  let digits = 0;
  for (let i = start; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 46;
    if (c === 46) {
      if (digits === 0) return undefined;
      out[k++] = value;
      value = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      digits++;
      if (value > MAX_SUB_ID) return undefined;
    } else return undefined;
  }
  return out;
}

/** Dotted text without a leading dot. */
export function formatOid(subs: ArrayLike<number>): string {
  let text = '';
  for (let i = 0; i < subs.length; i++) text += i === 0 ? `${subs[i]}` : `.${subs[i]}`;
  return text;
}

/**
 * Orders OIDs sub-id by sub-id as numbers; a prefix sorts first. `bLength` compares against
 * only the first sub-ids of `b`, which lets a prefix search reuse a parsed OID.
 */
export function compareSubs(a: Uint32Array, b: Uint32Array, bLength = b.length): number {
  const n = a.length < bLength ? a.length : bLength;
  for (let i = 0; i < n; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length === bLength ? 0 : a.length < bLength ? -1 : 1;
}

/** True when `oid` starts with the first `prefixLength` sub-ids of `prefix` and is longer. */
export function isBelow(oid: Uint32Array, prefix: Uint32Array, prefixLength: number): boolean {
  if (oid.length <= prefixLength) return false;
  for (let i = 0; i < prefixLength; i++) if (oid[i] !== prefix[i]) return false;
  return true;
}
