/** OIDs are handled as dotted text without a leading dot; these helpers keep that true. */

export function normaliseOid(oid: string): string {
  return oid.startsWith('.') ? oid.slice(1) : oid;
}

export function parseOid(oid: string): number[] {
  const text = normaliseOid(oid);
  if (text === '') return [];
  // Digits and single dots (the usual case) are read in one pass without split's strings;
  // anything else keeps Number()'s reading of each part.
  const out: number[] = [];
  let value = 0;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      digits++;
    } else if (c === 46 && digits > 0 && digits < 16) {
      out.push(value);
      value = 0;
      digits = 0;
    } else {
      return text.split('.').map((part) => Number(part));
    }
  }
  if (digits === 0 || digits >= 16) return text.split('.').map((part) => Number(part));
  out.push(value);
  return out;
}

/** True when `oid` lies strictly below `prefix`. */
export function isUnder(oid: string, prefix: string): boolean {
  return oid.length > prefix.length && oid.startsWith(prefix) && oid[prefix.length] === '.';
}

/**
 * Compares two OIDs sub-identifier by sub-identifier as numbers (…2.2.1.10 sorts after
 * …2.2.1.9, which a string comparison gets wrong). `shared` is a length of text the caller
 * knows both begin with (a walk's root), so it need not be read again.
 */
export function compareOids(a: string, b: string, shared = 0): number {
  if (a === b) return 0;
  // Skip the common text, then back up to the start of the arc where they part.
  let start = shared;
  const n = Math.min(a.length, b.length);
  while (start < n && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  while (start > 0 && a.charCodeAt(start - 1) !== 46) start--;
  let i = start;
  let j = start;
  for (;;) {
    const aEnd = i >= a.length;
    const bEnd = j >= b.length;
    if (aEnd || bEnd) return aEnd === bEnd ? 0 : aEnd ? -1 : 1;
    let x = 0;
    while (i < a.length && a.charCodeAt(i) !== 46) x = x * 10 + (a.charCodeAt(i++) - 48);
    let y = 0;
    while (j < b.length && b.charCodeAt(j) !== 46) y = y * 10 + (b.charCodeAt(j++) - 48);
    if (x !== y) return x < y ? -1 : 1;
    i++;
    j++;
  }
}

/** The sub-identifiers of `oid` after `prefix`, or undefined when it is not below it. */
export function indexAfter(oid: string, prefix: string): number[] | undefined {
  if (!isUnder(oid, prefix)) return undefined;
  return parseOid(oid.slice(prefix.length + 1));
}
