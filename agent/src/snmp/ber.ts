import type { Varbind } from './varbind.ts';

/**
 * The BER subset an SNMPv2c manager needs: it encodes GET, GETNEXT and GETBULK requests and
 * decodes responses straight into our Varbind shape, with no intermediate objects. SNMPv3
 * stays on net-snmp. Layout per RFC 3416: SEQUENCE { version, community, PDU }.
 */
export const PDU_TYPE = {
  get: 0xa0,
  getNext: 0xa1,
  response: 0xa2,
  getBulk: 0xa5,
  report: 0xa8,
} as const;

const SEQUENCE = 0x30;
const INTEGER = 0x02;
const OCTET_STRING = 0x04;
const NULL = 0x05;
const OBJECT_IDENTIFIER = 0x06;
const IP_ADDRESS = 0x40;
const COUNTER32 = 0x41;
const GAUGE32 = 0x42;
const TIME_TICKS = 0x43;
const OPAQUE = 0x44;
const COUNTER64 = 0x46;
const NO_SUCH_OBJECT = 0x80;
const NO_SUCH_INSTANCE = 0x81;
const END_OF_MIB_VIEW = 0x82;

export const SNMP_V2C = 1;

/** A varbind the agent answered with an exception, or with a type we do not read. */
export interface ExceptionCell {
  readonly oid: string;
  readonly type: 'noSuchObject' | 'noSuchInstance' | 'endOfMibView' | 'unsupported';
}
export type Cell = Varbind | ExceptionCell;

export function isValue(cell: Cell): cell is Varbind {
  return (
    cell.type !== 'noSuchObject' &&
    cell.type !== 'noSuchInstance' &&
    cell.type !== 'endOfMibView' &&
    cell.type !== 'unsupported'
  );
}

export interface DecodedResponse {
  readonly version: number;
  readonly community: Uint8Array;
  readonly pduType: number;
  readonly requestId: number;
  readonly errorStatus: number;
  readonly errorIndex: number;
  readonly cells: Cell[];
}

// ---- encoding -----------------------------------------------------------------------------

/** Encoded OIDs of the request being built; requests are built one at a time. */
let scratch = Buffer.allocUnsafe(4096);

function lengthSize(length: number): number {
  return length < 0x80 ? 1 : length < 0x100 ? 2 : length < 0x10000 ? 3 : 4;
}

function writeLength(buf: Buffer, pos: number, length: number): number {
  if (length < 0x80) {
    buf[pos] = length;
    return pos + 1;
  }
  const size = lengthSize(length) - 1;
  buf[pos++] = 0x80 | size;
  for (let i = size - 1; i >= 0; i--) buf[pos++] = (length >>> (8 * i)) & 0xff;
  return pos;
}

function integerSize(value: number): number {
  if (value >= -0x80 && value < 0x80) return 1;
  if (value >= -0x8000 && value < 0x8000) return 2;
  return value >= -0x800000 && value < 0x800000 ? 3 : 4;
}

function writeInteger(buf: Buffer, pos: number, value: number): number {
  const size = integerSize(value);
  buf[pos++] = INTEGER;
  buf[pos++] = size;
  for (let i = size - 1; i >= 0; i--) buf[pos++] = (value >> (8 * i)) & 0xff;
  return pos;
}

function badOid(oid: string): Error {
  return new Error(`not an OID: ${JSON.stringify(oid)}`);
}

function writeSubId(value: number, pos: number): number {
  if (value > 0xffffffff) throw new Error(`OID sub-identifier out of range: ${value}`);
  if (value >= 0x10000000) scratch[pos++] = 0x80 | Math.floor(value / 0x10000000);
  if (value >= 0x200000) scratch[pos++] = 0x80 | ((value >>> 21) & 0x7f);
  if (value >= 0x4000) scratch[pos++] = 0x80 | ((value >>> 14) & 0x7f);
  if (value >= 0x80) scratch[pos++] = 0x80 | ((value >>> 7) & 0x7f);
  scratch[pos++] = value & 0x7f;
  return pos;
}

/** Writes an OID's content octets into the scratch buffer at `pos`; returns the end. */
function writeOid(oid: string, pos: number): number {
  if (scratch.length < pos + 5 * oid.length + 8) {
    const bigger = Buffer.allocUnsafe(2 * (pos + 5 * oid.length + 8));
    scratch.copy(bigger, 0, 0, pos);
    scratch = bigger;
  }
  let arc = 0;
  let digits = 0;
  let first = -1;
  let index = 0;
  for (let i = 0; i <= oid.length; i++) {
    const c = i < oid.length ? oid.charCodeAt(i) : 46;
    if (c >= 48 && c <= 57) {
      arc = arc * 10 + (c - 48);
      digits++;
      continue;
    }
    if (c !== 46 || digits === 0) throw badOid(oid);
    if (index === 0) {
      if (arc > 2) throw badOid(oid);
      first = arc;
    } else if (index === 1) {
      if (first < 2 && arc >= 40) throw badOid(oid);
      pos = writeSubId(first * 40 + arc, pos);
    } else {
      pos = writeSubId(arc, pos);
    }
    index++;
    arc = 0;
    digits = 0;
  }
  if (index < 2) throw badOid(oid);
  return pos;
}

/** BER content octets of a dotted OID; the first two arcs share one sub-identifier. */
export function oidContent(oid: string): Uint8Array {
  const end = writeOid(oid, 0);
  return Uint8Array.prototype.slice.call(scratch, 0, end);
}

/**
 * An OID to ask for: dotted text, or the content octets of one a device sent, which a walk
 * asks for next without turning it into text and back.
 */
export type OidRef = string | Uint8Array;

function writeOidRef(oid: OidRef, pos: number): number {
  if (typeof oid === 'string') return writeOid(oid, pos);
  if (scratch.length < pos + oid.length) {
    const bigger = Buffer.allocUnsafe(2 * (pos + oid.length));
    scratch.copy(bigger, 0, 0, pos);
    scratch = bigger;
  }
  if (oid.length === 0 || (oid[oid.length - 1] ?? 0) >= 0x80)
    throw new Error('not an OID: malformed content octets');
  scratch.set(oid, pos);
  return pos + oid.length;
}

/**
 * One request message. For GETBULK, `a` is non-repeaters and `b` max-repetitions; for other
 * PDUs both are 0 (error-status, error-index). Every varbind carries NULL.
 */
export function encodeRequest(
  community: Uint8Array,
  pduType: number,
  requestId: number,
  oids: readonly OidRef[],
  a = 0,
  b = 0,
): Buffer {
  const ends: number[] = [];
  let end = 0;
  for (const oid of oids) {
    end = writeOidRef(oid, end);
    ends.push(end);
  }
  let list = 0;
  let start = 0;
  for (const e of ends) {
    const oidLength = e - start;
    const inner = 1 + lengthSize(oidLength) + oidLength + 2;
    list += 1 + lengthSize(inner) + inner;
    start = e;
  }
  const pdu =
    2 +
    integerSize(requestId) +
    2 +
    integerSize(a) +
    2 +
    integerSize(b) +
    1 +
    lengthSize(list) +
    list;
  const body = 3 + 1 + lengthSize(community.length) + community.length + 1 + lengthSize(pdu) + pdu;
  const out = Buffer.allocUnsafe(1 + lengthSize(body) + body);
  let pos = 0;
  out[pos++] = SEQUENCE;
  pos = writeLength(out, pos, body);
  pos = writeInteger(out, pos, SNMP_V2C);
  out[pos++] = OCTET_STRING;
  pos = writeLength(out, pos, community.length);
  out.set(community, pos);
  pos += community.length;
  out[pos++] = pduType;
  pos = writeLength(out, pos, pdu);
  pos = writeInteger(out, pos, requestId);
  pos = writeInteger(out, pos, a);
  pos = writeInteger(out, pos, b);
  out[pos++] = SEQUENCE;
  pos = writeLength(out, pos, list);
  start = 0;
  for (const e of ends) {
    const oidLength = e - start;
    out[pos++] = SEQUENCE;
    pos = writeLength(out, pos, 1 + lengthSize(oidLength) + oidLength + 2);
    out[pos++] = OBJECT_IDENTIFIER;
    pos = writeLength(out, pos, oidLength);
    scratch.copy(out, pos, start, e);
    pos += oidLength;
    out[pos++] = NULL;
    out[pos++] = 0;
    start = e;
  }
  return out;
}

// ---- decoding -----------------------------------------------------------------------------

export class BerError extends Error {
  override readonly name = 'BerError';
}

/** A cursor over one datagram; every read checks it stays inside the enclosing element. */
class Reader {
  pos = 0;
  readonly buf: Uint8Array;
  constructor(buf: Uint8Array) {
    this.buf = buf;
  }

  /** Reads a tag and length; returns the content end. */
  enter(expected: number, limit: number): number {
    const tag = this.buf[this.pos];
    if (tag !== expected) {
      throw new BerError(
        `expected tag 0x${expected.toString(16)} at ${this.pos}, got ${tagText(tag)}`,
      );
    }
    this.pos++;
    return this.contentEnd(limit);
  }

  /** Reads a length at pos; returns the content end, checked against `limit`. */
  contentEnd(limit: number): number {
    const first = this.buf[this.pos++];
    if (first === undefined) throw new BerError('truncated length');
    let length = first;
    if (first >= 0x80) {
      const count = first & 0x7f;
      if (count === 0 || count > 4)
        throw new BerError(`unsupported length form 0x${first.toString(16)}`);
      length = 0;
      for (let i = 0; i < count; i++) {
        const byte = this.buf[this.pos++];
        if (byte === undefined) throw new BerError('truncated length');
        length = length * 256 + byte;
      }
    }
    const end = this.pos + length;
    if (end > limit) throw new BerError(`element at ${this.pos} runs past its container`);
    return end;
  }

  integer(limit: number): number {
    const end = this.enter(INTEGER, limit);
    const value = signedAt(this.buf, this.pos, end);
    this.pos = end;
    return value;
  }
}

function tagText(tag: number | undefined): string {
  return tag === undefined ? 'end of data' : `0x${tag.toString(16)}`;
}

function signedAt(buf: Uint8Array, start: number, end: number): number {
  if (end - start > 6 || end === start) throw new BerError(`INTEGER of ${end - start} octets`);
  let v = (buf[start] ?? 0) >= 0x80 ? -1 : 0;
  for (let i = start; i < end; i++) v = v * 256 + (buf[i] ?? 0);
  return v;
}

function unsignedAt(buf: Uint8Array, start: number, end: number): number {
  let v = 0;
  for (let i = start; i < end; i++) v = v * 256 + (buf[i] ?? 0);
  if (end - start > 5 || v > 0xffffffff) throw new BerError('32-bit value out of range');
  return v;
}

function counter64At(buf: Uint8Array, start: number, end: number): bigint {
  if (end - start > 9) throw new BerError('Counter64 longer than 9 octets');
  if (end - start <= 6) {
    let v = 0;
    for (let i = start; i < end; i++) v = v * 256 + (buf[i] ?? 0);
    return BigInt(v);
  }
  let v = 0n;
  for (let i = start; i < end; i++) v = (v << 8n) | BigInt(buf[i] ?? 0);
  return v & 0xffffffffffffffffn;
}

/** ASCII of the OID being decoded; one byte per character. */
let text = Buffer.allocUnsafe(1024);

function putNumber(n: number, at: number): number {
  if (n < 10) {
    text[at] = 48 + n;
    return at + 1;
  }
  if (n < 100) {
    text[at] = 48 + Math.floor(n / 10);
    text[at + 1] = 48 + (n % 10);
    return at + 2;
  }
  if (n >= 1e10) return at + text.write(String(n), at, 'latin1');
  // Larger sub-identifiers (MAC bytes, ifIndex, enterprise numbers) without a String().
  let digits = 3;
  for (let p = 1000; p <= n && digits < 10; p *= 10) digits++;
  for (let i = at + digits - 1; i >= at; i--) {
    text[i] = 48 + (n % 10);
    n = Math.floor(n / 10);
  }
  return at + digits;
}

/** Dotted text of an OID's content octets, built in a byte buffer and read once. */
export function oidText(buf: Uint8Array, start: number, end: number): string {
  if (start === end) throw new BerError('empty OID');
  if ((buf[end - 1] ?? 0) >= 0x80) throw new BerError('OID ends inside a sub-identifier');
  if (text.length < 11 * (end - start) + 4) text = Buffer.allocUnsafe(22 * (end - start) + 8);
  let n = 0;
  let v = 0;
  let first = true;
  for (let i = start; i < end; i++) {
    const byte = buf[i] ?? 0;
    v = v * 128 + (byte & 0x7f);
    if (byte >= 0x80) continue;
    if (first) {
      const x = v < 40 ? 0 : v < 80 ? 1 : 2;
      text[n++] = 48 + x;
      text[n++] = 46;
      n = putNumber(v - 40 * x, n);
      first = false;
    } else {
      text[n++] = 46;
      n = putNumber(v, n);
    }
    v = 0;
  }
  return text.toString('latin1', 0, n);
}

function bytesAt(buf: Uint8Array, start: number, end: number): Uint8Array {
  // A copy, so a kept value does not pin the whole datagram in memory; one allocation (from
  // Node's pool for short values), no intermediate view of the datagram.
  const length = end - start;
  const out = Buffer.allocUnsafe(length);
  if (length > 64) {
    out.set(buf.subarray(start, end));
  } else {
    for (let i = 0; i < length; i++) out[i] = buf[start + i] ?? 0;
  }
  return out;
}

function checkOid(buf: Uint8Array, start: number, end: number): void {
  if (start === end) throw new BerError('empty OID');
  if ((buf[end - 1] ?? 0) >= 0x80) throw new BerError('OID ends inside a sub-identifier');
}

/** Refuses a value decoding would refuse, without building it. */
function checkValue(
  tag: number | undefined,
  buf: Uint8Array,
  s: number,
  e: number,
  oidStart: number,
  oidEnd: number,
): void {
  switch (tag) {
    case INTEGER:
      signedAt(buf, s, e);
      return;
    case COUNTER32:
    case GAUGE32:
    case TIME_TICKS:
      unsignedAt(buf, s, e);
      return;
    case COUNTER64:
      if (e - s > 9) throw new BerError('Counter64 longer than 9 octets');
      return;
    case OBJECT_IDENTIFIER:
      checkOid(buf, s, e);
      return;
    case IP_ADDRESS:
      if (e - s !== 4) {
        const oid = oidText(buf, oidStart, oidEnd);
        throw new BerError(`IpAddress of ${e - s} octets at ${oid}`);
      }
      return;
    default:
      return;
  }
}

/** One varbind from its offsets: the OID's content, and the value's content after its tag. */
function cellFrom(
  buf: Uint8Array,
  oidStart: number,
  oidEnd: number,
  s: number,
  valueEnd: number,
): Cell {
  const oid = oidText(buf, oidStart, oidEnd);
  switch (buf[oidEnd]) {
    case INTEGER:
      return { oid, type: 'Integer', value: signedAt(buf, s, valueEnd) };
    case OCTET_STRING:
      return { oid, type: 'OctetString', value: bytesAt(buf, s, valueEnd) };
    case NULL:
      return { oid, type: 'Null', value: null };
    case OBJECT_IDENTIFIER:
      return { oid, type: 'ObjectIdentifier', value: oidText(buf, s, valueEnd) };
    case IP_ADDRESS:
      if (valueEnd - s !== 4) throw new BerError(`IpAddress of ${valueEnd - s} octets at ${oid}`);
      return {
        oid,
        type: 'IpAddress',
        value: `${buf[s]}.${buf[s + 1]}.${buf[s + 2]}.${buf[s + 3]}`,
      };
    case COUNTER32:
      return { oid, type: 'Counter32', value: unsignedAt(buf, s, valueEnd) };
    case GAUGE32:
      return { oid, type: 'Gauge32', value: unsignedAt(buf, s, valueEnd) };
    case TIME_TICKS:
      return { oid, type: 'TimeTicks', value: unsignedAt(buf, s, valueEnd) };
    case OPAQUE:
      return { oid, type: 'Opaque', value: bytesAt(buf, s, valueEnd) };
    case COUNTER64:
      return { oid, type: 'Counter64', value: counter64At(buf, s, valueEnd) };
    case NO_SUCH_OBJECT:
      return { oid, type: 'noSuchObject' };
    case NO_SUCH_INSTANCE:
      return { oid, type: 'noSuchInstance' };
    case END_OF_MIB_VIEW:
      return { oid, type: 'endOfMibView' };
    default:
      return { oid, type: 'unsupported' };
  }
}

/**
 * Reads one varbind's framing at `r.pos`, refusing anything its decoding would refuse, and
 * pushes its start, its OID's content start, its value's tag (where the OID ends) and its
 * value's content start onto `at`. Leaves `r.pos` at its end.
 */
function scanCell(r: Reader, limit: number, at: Int32Array, k: number): void {
  const start = r.pos;
  const end = r.enter(SEQUENCE, limit);
  const oidEnd = r.enter(OBJECT_IDENTIFIER, end);
  const oidStart = r.pos;
  checkOid(r.buf, oidStart, oidEnd);
  r.pos = oidEnd;
  const tag = r.buf[r.pos++];
  const valueEnd = r.contentEnd(end);
  const valueStart = r.pos;
  if (valueEnd !== end) {
    throw new BerError(`varbind ${oidText(r.buf, oidStart, oidEnd)} has trailing octets`);
  }
  checkValue(tag, r.buf, valueStart, valueEnd, oidStart, oidEnd);
  r.pos = end;
  at[k] = start;
  at[k + 1] = oidStart;
  at[k + 2] = oidEnd;
  at[k + 3] = valueStart;
}

/**
 * A reply found in a datagram but not decoded into values. Everything `decodeMessage` would
 * refuse has been refused, so any cell decodes later without error; until then the values
 * are only bytes, and a walk keeps the ones it wants as bytes (`keepCell`).
 */
export interface RawReply {
  readonly buf: Uint8Array;
  readonly version: number;
  readonly community: Uint8Array;
  readonly pduType: number;
  readonly requestId: number;
  readonly errorStatus: number;
  readonly errorIndex: number;
  /** Varbinds in the reply. */
  readonly count: number;
  /**
   * Four offsets per varbind i at 4i: its start, its OID's content start, its value's tag
   * (the OID's end), its value's content start; then the end of the list at 4·count.
   */
  readonly at: Int32Array;
}

/** Offsets of the reply being framed; copied out at its exact size once its length is known. */
let framing = new Int32Array(1024);

/** Reads an SNMPv1/v2c message's header and frames its varbinds; throws BerError on anything malformed. */
export function scanMessage(buf: Uint8Array): RawReply {
  const r = new Reader(buf);
  const end = r.enter(SEQUENCE, buf.length);
  const version = r.integer(end);
  const communityEnd = r.enter(OCTET_STRING, end);
  const community = buf.subarray(r.pos, communityEnd);
  r.pos = communityEnd;
  const pduType = buf[r.pos];
  if (pduType === undefined || pduType < 0xa0 || pduType > 0xa8) {
    throw new BerError(`not an SNMP PDU: tag ${tagText(pduType)}`);
  }
  r.pos++;
  const pduEnd = r.contentEnd(end);
  const requestId = r.integer(pduEnd);
  const errorStatus = r.integer(pduEnd);
  const errorIndex = r.integer(pduEnd);
  const listEnd = r.enter(SEQUENCE, pduEnd);
  let count = 0;
  while (r.pos < listEnd) {
    if (framing.length < 4 * count + 5) {
      const bigger = new Int32Array(2 * framing.length);
      bigger.set(framing);
      framing = bigger;
    }
    scanCell(r, listEnd, framing, 4 * count);
    count++;
  }
  framing[4 * count] = listEnd;
  const at = framing.slice(0, 4 * count + 1);
  return { buf, version, community, pduType, requestId, errorStatus, errorIndex, count, at };
}

/** Varbind i of a reply, decoded. */
export function cellAt(reply: RawReply, i: number): Cell {
  const { buf, at } = reply;
  const k = 4 * i;
  return cellFrom(buf, at[k + 1] ?? 0, at[k + 2] ?? 0, at[k + 3] ?? 0, at[k + 4] ?? 0);
}

/** Every varbind of a reply, decoded. */
export function decodeCells(reply: RawReply): Cell[] {
  const cells: Cell[] = [];
  for (let i = 0; i < reply.count; i++) cells.push(cellAt(reply, i));
  return cells;
}

/** The tag of varbind i's value, which tells values from exceptions without decoding. */
export function valueTagAt(reply: RawReply, i: number): number {
  return reply.buf[reply.at[4 * i + 2] ?? 0] ?? 0;
}

/** True for the tags of values we decode; false for exceptions and tags we do not read. */
export function isValueTag(tag: number): boolean {
  return (
    tag === INTEGER ||
    tag === OCTET_STRING ||
    tag === NULL ||
    tag === OBJECT_IDENTIFIER ||
    (tag >= IP_ADDRESS && tag <= OPAQUE) ||
    tag === COUNTER64
  );
}

export const END_OF_MIB_VIEW_TAG = END_OF_MIB_VIEW;

/** Reads the sub-identifier starting at `i`; leaves its end in `subEnd`. */
let subEnd = 0;
function subIdAt(buf: Uint8Array, i: number, end: number): number {
  let v = 0;
  for (; i < end; i++) {
    const byte = buf[i] ?? 0;
    v = v * 128 + (byte & 0x7f);
    if (byte < 0x80) {
      subEnd = i + 1;
      return v;
    }
  }
  subEnd = end;
  return v;
}

/**
 * Orders two OIDs given as content octets, sub-identifier by sub-identifier as numbers, as
 * `compareOids` orders their text (the first two arcs share a sub-identifier, which orders
 * the same way). Octets alone would not do: a longer sub-identifier is larger whatever its
 * first octet, and a device may pad one with 0x80.
 */
export function compareOidContent(
  a: Uint8Array,
  aStart: number,
  aEnd: number,
  b: Uint8Array,
  bStart: number,
  bEnd: number,
): number {
  let i = aStart;
  let j = bStart;
  for (;;) {
    if (i >= aEnd || j >= bEnd) return i >= aEnd ? (j >= bEnd ? 0 : -1) : 1;
    // Equal octets up to the end of a sub-identifier in both mean equal sub-identifiers.
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    // They part inside the sub-identifiers that hold i and j: back up to their starts.
    while (i > aStart && (a[i - 1] ?? 0) >= 0x80) i--;
    while (j > bStart && (b[j - 1] ?? 0) >= 0x80) j--;
    const x = subIdAt(a, i, aEnd);
    i = subEnd;
    const y = subIdAt(b, j, bEnd);
    j = subEnd;
    if (x !== y) return x < y ? -1 : 1;
  }
}

/**
 * True when the OID in `oid[start, end)` lies strictly below `root` (content octets of an
 * OID we encoded, so minimal). Equal leading octets are the usual case; a device's padded
 * sub-identifiers still compare by value.
 */
export function isUnderContent(
  oid: Uint8Array,
  start: number,
  end: number,
  root: Uint8Array,
): boolean {
  const n = root.length;
  if (end - start > n) {
    let k = 0;
    while (k < n && oid[start + k] === root[k]) k++;
    if (k === n) return true;
  }
  // Compare the first sub-identifiers of `oid` with all of root's, by value.
  let i = start;
  let j = 0;
  while (j < n) {
    if (i >= end) return false;
    const x = subIdAt(oid, i, end);
    i = subEnd;
    const y = subIdAt(root, j, n);
    j = subEnd;
    if (x !== y) return false;
  }
  return i < end;
}

/** Offsets of the varbind `readCell` is reading; reused, since cells are read one at a time. */
const one = new Int32Array(4);

function readCell(r: Reader, limit: number): Cell {
  scanCell(r, limit, one, 0);
  return cellFrom(r.buf, one[1] ?? 0, one[2] ?? 0, one[3] ?? 0, r.pos);
}

/** Decodes varbinds laid end to end, as `keepCell` keeps them; they were checked when kept. */
export function decodeKeptCells(buf: Uint8Array, end: number): Cell[] {
  const r = new Reader(buf);
  const cells: Cell[] = [];
  while (r.pos < end) cells.push(readCell(r, end));
  return cells;
}

/** Decodes one SNMPv1/v2c message; throws BerError on anything malformed. */
export function decodeMessage(buf: Uint8Array): DecodedResponse {
  const reply = scanMessage(buf);
  const { version, community, pduType, requestId, errorStatus, errorIndex } = reply;
  return {
    version,
    community,
    pduType,
    requestId,
    errorStatus,
    errorIndex,
    cells: decodeCells(reply),
  };
}
