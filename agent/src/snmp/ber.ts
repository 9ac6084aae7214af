import { toHex } from '../text/decode.ts';
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
export const END_OF_MIB_VIEW = 0x82;

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

/** Where the varbinds of a datagram lie in it: SPAN offsets each (see readSpan). */
export interface VarbindSpans {
  readonly buf: Uint8Array;
  readonly spans: Int32Array;
  readonly count: number;
}

export interface DecodedResponse extends VarbindSpans {
  readonly version: number;
  readonly community: Uint8Array;
  readonly pduType: number;
  readonly requestId: number;
  readonly errorStatus: number;
  readonly errorIndex: number;
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

/** An OID as the content octets it came in, `buf[start…end]`: a walk asks on from these. */
export interface OidSpan {
  buf: Uint8Array;
  start: number;
  end: number;
}

/** An OID to ask for: dotted text, or octets already in BER. */
export type OidRef = string | OidSpan;

function ensureScratch(pos: number, more: number): void {
  if (scratch.length < pos + more) {
    const bigger = Buffer.allocUnsafe(2 * (pos + more));
    scratch.copy(bigger, 0, 0, pos);
    scratch = bigger;
  }
}

/** Writes an OID's content octets into the scratch buffer at `pos`; returns the end. */
function writeOid(ref: OidRef, pos: number): number {
  if (typeof ref !== 'string') {
    ensureScratch(pos, ref.end - ref.start);
    const from = ref.buf;
    for (let i = ref.start; i < ref.end; i++) scratch[pos++] = from[i] ?? 0;
    return pos;
  }
  const oid = ref;
  ensureScratch(pos, 5 * oid.length + 8);
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

const sharedContent = new Map<string, Uint8Array>();
const SHARED_CONTENT_SIZE = 4096;

/**
 * oidContent of an OID a poll reads again and again (plan roots, table entries), made once
 * for the process and shared: the caller must not modify it. A county's 500 devices walk
 * the same few dozen roots, and octets made per device lived through the whole device's
 * poll, so the young generation copied them and then promoted them.
 */
export function sharedOidContent(oid: string): Uint8Array {
  let octets = sharedContent.get(oid);
  if (octets === undefined) {
    if (sharedContent.size >= SHARED_CONTENT_SIZE) sharedContent.clear();
    octets = oidContent(oid);
    sharedContent.set(oid, octets);
  }
  return octets;
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
    end = writeOid(oid, end);
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
    // A loop, not Buffer#copy: an OID is a few dozen octets, below what copy's checks cost.
    for (let i = start; i < e; i++) out[pos++] = scratch[i] ?? 0;
    out[pos++] = NULL;
    out[pos++] = 0;
    start = e;
  }
  return out;
}

// ---- decoding -----------------------------------------------------------------------------

export class BerError extends Error {
  override readonly name: string = 'BerError';
}

/**
 * A datagram that does not even begin as an SNMP message (a SEQUENCE and its version): not
 * a device's SNMP agent with a defect, but something else answering on the port.
 */
export class NotSnmpError extends BerError {
  override readonly name = 'NotSnmpError';
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

/** An unsigned value of at most 6 octets, exact in a number. */
function unsignedBelow2p48(buf: Uint8Array, start: number, end: number): number {
  let v = 0;
  for (let i = start; i < end; i++) v = v * 256 + (buf[i] ?? 0);
  return v;
}

function counter64At(buf: Uint8Array, start: number, end: number): bigint {
  if (end - start > 9) throw new BerError('Counter64 longer than 9 octets');
  if (end - start <= 6) return BigInt(unsignedBelow2p48(buf, start, end));
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

/**
 * Dotted text of sub-identifiers in BER, built in a byte buffer and read once. `whole`: the
 * octets are a whole OID, whose first sub-identifier holds the first two arcs; otherwise
 * they are a part of one (a table index), each sub-identifier an arc of its own.
 */
function dottedText(buf: Uint8Array, start: number, end: number, whole: boolean): string {
  checkOidEnds(buf, start, end);
  if (text.length < 11 * (end - start) + 4) text = Buffer.allocUnsafe(22 * (end - start) + 8);
  let n = 0;
  let v = 0;
  let first = whole;
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
      if (n > 0) text[n++] = 46;
      n = putNumber(v, n);
    }
    v = 0;
  }
  return text.toString('latin1', 0, n);
}

/** An OID's octets are not empty and end on a sub-identifier's last octet. */
function checkOidEnds(buf: Uint8Array, start: number, end: number): void {
  if (start === end) throw new BerError('empty OID');
  if ((buf[end - 1] ?? 0) >= 0x80) throw new BerError('OID ends inside a sub-identifier');
}

/** Dotted text of an OID's content octets. */
export function oidText(buf: Uint8Array, start: number, end: number): string {
  return dottedText(buf, start, end, true);
}

/** Dotted text of sub-identifiers that are part of an OID, such as a table row's index. */
export function subIdsText(buf: Uint8Array, start: number, end: number): string {
  return dottedText(buf, start, end, false);
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

/** True for the tags of a value, false for an exception or a type we do not read. */
export function isValueTag(tag: number | undefined): boolean {
  switch (tag) {
    case INTEGER:
    case OCTET_STRING:
    case NULL:
    case OBJECT_IDENTIFIER:
    case IP_ADDRESS:
    case COUNTER32:
    case GAUGE32:
    case TIME_TICKS:
    case OPAQUE:
    case COUNTER64:
      return true;
    default:
      return false;
  }
}

/**
 * The varbind whose OID is at `oidStart`…`oidEnd` of a datagram (its value's tag at
 * `oidEnd`) and whose value is at `valueStart`…`valueEnd`, as decodeMessage checked it.
 */
function cellFrom(
  buf: Uint8Array,
  oidStart: number,
  oidEnd: number,
  valueStart: number,
  valueEnd: number,
): Cell {
  return valueCell(oidText(buf, oidStart, oidEnd), buf, oidEnd, valueStart, valueEnd);
}

/**
 * cellFrom with the OID's text already known: a regular table's cell is its column's prefix
 * and its row's index, so the text need not be made again from the octets for every cell.
 */
export function valueCell(
  oid: string,
  buf: Uint8Array,
  oidEnd: number,
  valueStart: number,
  valueEnd: number,
): Cell {
  const s = valueStart;
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
 * What `asNumber` gives for the value at these offsets, read without making its cell: a
 * check that wants a number from a packed table needs no varbind, OID text or copy.
 */
export function numberAt(
  buf: Uint8Array,
  oidEnd: number,
  valueStart: number,
  valueEnd: number,
): number | undefined {
  switch (buf[oidEnd]) {
    case INTEGER:
      return signedAt(buf, valueStart, valueEnd);
    case COUNTER32:
    case GAUGE32:
    case TIME_TICKS:
      return unsignedAt(buf, valueStart, valueEnd);
    case COUNTER64:
      return Number(counter64At(buf, valueStart, valueEnd));
    default:
      return undefined;
  }
}

/**
 * What `asCounterText` gives for the value at these offsets: a counter as a report carries
 * it. Only a Counter64 too wide for a number goes through a BigInt.
 */
export function counterTextAt(
  buf: Uint8Array,
  oidEnd: number,
  valueStart: number,
  valueEnd: number,
): string | undefined {
  switch (buf[oidEnd]) {
    case INTEGER: {
      const v = signedAt(buf, valueStart, valueEnd);
      return v < 0 ? undefined : String(v);
    }
    case COUNTER32:
    case GAUGE32:
    case TIME_TICKS:
      return String(unsignedAt(buf, valueStart, valueEnd));
    case COUNTER64:
      return valueEnd - valueStart <= 6
        ? String(unsignedBelow2p48(buf, valueStart, valueEnd))
        : counter64At(buf, valueStart, valueEnd).toString(10);
    default:
      return undefined;
  }
}

/**
 * What `asBytes` gives for the value at these offsets, as a view of the datagram, not a
 * copy: for a caller that turns the octets into text at once and keeps nothing of them.
 */
export function bytesViewAt(
  buf: Uint8Array,
  oidEnd: number,
  valueStart: number,
  valueEnd: number,
): Uint8Array | undefined {
  const tag = buf[oidEnd];
  return tag === OCTET_STRING || tag === OPAQUE ? buf.subarray(valueStart, valueEnd) : undefined;
}

/**
 * Checks a varbind's OID octets: not empty, not ending inside a sub-identifier, and each
 * sub-identifier in its fewest octets (X.690 8.19.2). The last makes equal OIDs equal octets,
 * so walks and tables compare and match OIDs on the wire's bytes without text.
 */
function checkOidOctets(buf: Uint8Array, start: number, end: number): void {
  checkOidEnds(buf, start, end);
  let atStart = true;
  for (let i = start; i < end; i++) {
    const byte = buf[i] ?? 0;
    if (atStart && byte === 0x80) {
      throw new BerError(
        `OID sub-identifier at octet ${i} is not in its fewest octets (it starts with 0x80, which BER forbids): the device's SNMP agent sends malformed OIDs`,
      );
    }
    atStart = byte < 0x80;
  }
}

/** Checks what cellFrom will read of a value, so that reading it later cannot fail. */
function checkValue(buf: Uint8Array, tag: number | undefined, s: number, end: number): void {
  switch (tag) {
    case INTEGER:
      signedAt(buf, s, end);
      return;
    case OBJECT_IDENTIFIER:
      // What oidText will require, without making the text (ifSpecific is one per interface).
      checkOidEnds(buf, s, end);
      return;
    case IP_ADDRESS:
      if (end - s !== 4) throw new BerError(`IpAddress of ${end - s} octets`);
      return;
    case COUNTER32:
    case GAUGE32:
    case TIME_TICKS:
      unsignedAt(buf, s, end);
      return;
    case COUNTER64:
      if (end - s > 9) throw new BerError('Counter64 longer than 9 octets');
      return;
    default:
      return;
  }
}

/** Spans of one varbind in `spans`: OID start, OID end (= value tag), value start, value end. */
export const SPAN = 4;

/**
 * Reads one varbind, checks it whole and writes where its parts lie at `spans[at…at+3]`.
 * Nothing is made of it here: a walk keeps the datagram and these offsets, and a value
 * becomes a JS value only when a check reads it (cellFrom).
 */
function readSpan(r: Reader, limit: number, spans: Int32Array, at: number): void {
  const end = r.enter(SEQUENCE, limit);
  const oidEnd = r.enter(OBJECT_IDENTIFIER, end);
  const oidStart = r.pos;
  checkOidOctets(r.buf, oidStart, oidEnd);
  r.pos = oidEnd;
  const tag = r.buf[r.pos++];
  const valueEnd = r.contentEnd(end);
  const valueStart = r.pos;
  r.pos = end;
  try {
    if (valueEnd !== end) throw new BerError('trailing octets');
    checkValue(r.buf, tag, valueStart, valueEnd);
  } catch (error) {
    throw new BerError(`varbind ${oidText(r.buf, oidStart, oidEnd)}: ${(error as Error).message}`);
  }
  spans[at] = oidStart;
  spans[at + 1] = oidEnd;
  spans[at + 2] = valueStart;
  spans[at + 3] = valueEnd;
}

let spanScratch = new Int32Array(SPAN * 512);

/**
 * Whether the datagram begins as every SNMP message does, a SEQUENCE whose first element is
 * an INTEGER (the version), whatever follows: a truncated or defective reply still does,
 * an answer from another service on the port almost never.
 */
function beginsAsSnmp(buf: Uint8Array): boolean {
  const first = buf[1];
  if (buf[0] !== SEQUENCE || first === undefined) return false;
  const lengthOctets = first < 0x80 ? 1 : 1 + (first & 0x7f);
  return buf[1 + lengthOctets] === INTEGER;
}

/**
 * Decodes one SNMPv1/v2c message; throws BerError on anything malformed, NotSnmpError when
 * the datagram does not begin as an SNMP message at all.
 */
export function decodeMessage(buf: Uint8Array): DecodedResponse {
  if (!beginsAsSnmp(buf)) {
    const start = buf.length === 0 ? '(empty)' : `0x${toHex(buf.subarray(0, 8))}`;
    throw new NotSnmpError(`it does not begin as an SNMP message but ${start}`);
  }
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
  // A varbind takes at least 6 octets (SEQUENCE, OID of one octet, NULL); read into the
  // scratch array, then copied once at the size found.
  const most = SPAN * Math.ceil((listEnd - r.pos) / 6);
  if (spanScratch.length < most) spanScratch = new Int32Array(2 * most);
  let count = 0;
  while (r.pos < listEnd) readSpan(r, listEnd, spanScratch, SPAN * count++);
  const spans = spanScratch.slice(0, SPAN * count);
  return { version, community, pduType, requestId, errorStatus, errorIndex, buf, spans, count };
}

/** The varbind at `i` of a decoded message, as a Cell. */
export function cellAt(message: VarbindSpans, i: number): Cell {
  const { buf, spans } = message;
  const at = SPAN * i;
  return cellFrom(buf, spans[at] ?? 0, spans[at + 1] ?? 0, spans[at + 2] ?? 0, spans[at + 3] ?? 0);
}

/** Every varbind of a decoded message as Cells, for the few requests that read them all. */
export function cellsOf(message: VarbindSpans): Cell[] {
  const out: Cell[] = [];
  for (let i = 0; i < message.count; i++) out.push(cellAt(message, i));
  return out;
}
