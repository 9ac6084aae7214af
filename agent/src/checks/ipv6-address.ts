import type { Ipv6Address } from '@xiaowang/shared';

/** IPv6 address text (J8), classification (J9) and the index forms agents really send (J6). */

export type Ipv6Type = Ipv6Address['type'];

function toGroups(bytes: ArrayLike<number>): number[] {
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0));
  return groups;
}

/** The longest run of two or more zero groups, the first on a tie (RFC 5952 4.2). */
function findLongestZeroRun(groups: readonly number[]): { start: number; length: number } {
  let best = { start: -1, length: 0 };
  let start = -1;
  for (let i = 0; i <= groups.length; i++) {
    if (i < groups.length && groups[i] === 0) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0 && i - start > best.length) best = { start, length: i - start };
    start = -1;
  }
  return best.length >= 2 ? best : { start: -1, length: 0 };
}

/** RFC 5952 section 4 text, hex only: `::ffff:c000:201`, never a dotted-quad tail. */
export function formatIpv6(bytes: ArrayLike<number>): string {
  const groups = toGroups(bytes);
  const hex = (g: number): string => g.toString(16);
  const run = findLongestZeroRun(groups);
  if (run.start < 0) return groups.map(hex).join(':');
  const head = groups.slice(0, run.start).map(hex).join(':');
  const tail = groups
    .slice(run.start + run.length)
    .map(hex)
    .join(':');
  return `${head}::${tail}`;
}

/** Eight groups of four hex digits. */
export function formatIpv6Full(bytes: ArrayLike<number>): string {
  return toGroups(bytes)
    .map((g) => g.toString(16).padStart(4, '0'))
    .join(':');
}

/** J9: loopback ::1, linklocal fe80::/10, ula fc00::/7, global 2000::/3, else other. */
export function classifyIpv6(bytes: ArrayLike<number>): Ipv6Type {
  const first = bytes[0] ?? 0;
  const second = bytes[1] ?? 0;
  let allZeroBeforeLast = true;
  for (let i = 0; i < 15; i++) if ((bytes[i] ?? 0) !== 0) allZeroBeforeLast = false;
  if (allZeroBeforeLast && bytes[15] === 1) return 'loopback';
  if (first === 0xfe && (second & 0xc0) === 0x80) return 'linklocal';
  if ((first & 0xfe) === 0xfc) return 'ula';
  if ((first & 0xe0) === 0x20) return 'global';
  return 'other';
}

function parseGroups(text: string): number[] | undefined {
  if (text === '') return [];
  const out: number[] = [];
  for (const part of text.split(':')) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(part)) return undefined;
    out.push(parseInt(part, 16));
  }
  return out;
}

function parseDottedQuad(text: string): number[] | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (m === null) return undefined;
  const octets = m.slice(1).map(Number);
  if (octets.some((o) => o > 255)) return undefined;
  const [a = 0, b = 0, c = 0, d = 0] = octets;
  return [(a << 8) | b, (c << 8) | d];
}

/** Parses IPv6 text (with `::` and an optional dotted-quad tail) into 16 bytes. */
export function parseIpv6Text(text: string): number[] | undefined {
  let body = text;
  let quad: number[] = [];
  if (text.includes('.')) {
    const cut = text.lastIndexOf(':');
    const q = parseDottedQuad(text.slice(cut + 1));
    if (cut < 0 || q === undefined) return undefined;
    quad = q;
    body = text.slice(0, cut + 1);
    if (!body.endsWith('::')) body = body.slice(0, -1);
  }
  const halves = body.split('::');
  if (halves.length > 2) return undefined;
  const head = parseGroups(halves[0] ?? '');
  const tail = halves.length === 2 ? parseGroups(halves[1] ?? '') : [];
  if (head === undefined || tail === undefined) return undefined;
  const given = head.length + tail.length + quad.length;
  if (halves.length === 2 ? given > 7 : given !== 8) return undefined;
  const groups = [...head, ...new Array<number>(8 - given).fill(0), ...tail, ...quad];
  return groups.flatMap((g) => [g >> 8, g & 0xff]);
}

/** An address written as ASCII characters in an index, as `addr` or `addr/len`. */
export interface AsciiAddress {
  readonly bytes: number[];
  readonly prefixLength: number | null;
}

function readAsciiText(subIds: readonly number[]): string | undefined {
  if (subIds.length === 0 || subIds.some((c) => c < 0x20 || c > 0x7e)) return undefined;
  return String.fromCharCode(...subIds);
}

function parseAsciiAddress(text: string): AsciiAddress | undefined {
  const m = /^([0-9a-fA-F:.]+)(?:\/(\d{1,3}))?$/.exec(text);
  if (m === null) return undefined;
  const bytes = parseIpv6Text(m[1] ?? '');
  const prefixLength = m[2] === undefined ? null : Number(m[2]);
  if (bytes === undefined || (prefixLength !== null && prefixLength > 128)) return undefined;
  return { bytes, prefixLength };
}

/** Reads index sub-ids as address text, with or without a leading length sub-id. */
export function decodeAsciiAddress(subIds: readonly number[]): AsciiAddress | undefined {
  const whole = readAsciiText(subIds);
  const plain = whole === undefined ? undefined : parseAsciiAddress(whole);
  if (plain !== undefined) return plain;
  if (subIds[0] !== subIds.length - 1) return undefined;
  const prefixed = readAsciiText(subIds.slice(1));
  return prefixed === undefined ? undefined : parseAsciiAddress(prefixed);
}
