/**
 * BER primitives for the SNMP subset: definite lengths (long form up to 4 bytes), one-byte
 * tags, two's-complement integers, unsigned 32/64-bit values and OBJECT IDENTIFIERs.
 */

export type BerDecodeErrorCode =
  | 'truncated'
  | 'badTag'
  | 'badLength'
  | 'badValue'
  | 'unsupportedVersion'
  | 'unsupportedPdu'
  | 'trailingBytes';

/** A datagram that is not a well-formed SNMP message; the responder counts it and stays up. */
export class BerDecodeError extends Error {
  override readonly name = 'BerDecodeError';
  readonly code: BerDecodeErrorCode;
  readonly offset: number;
  constructor(code: BerDecodeErrorCode, message: string, offset: number) {
    super(`${message} (at byte ${offset})`);
    this.code = code;
    this.offset = offset;
  }
}

/** A value that cannot be put on the wire (out of range for its type, malformed OID text). */
export class BerEncodeError extends Error {
  override readonly name = 'BerEncodeError';
}

export interface Tlv {
  readonly tag: number;
  /** Offset of the first content byte. */
  readonly start: number;
  /** Offset just past the last content byte. */
  readonly end: number;
}

/** Reads consecutive TLVs from `bytes[pos, end)`; every read is bounds-checked. */
export class BerReader {
  readonly bytes: Uint8Array;
  pos: number;
  readonly end: number;
  constructor(bytes: Uint8Array, start = 0, end = bytes.length) {
    this.bytes = bytes;
    this.pos = start;
    this.end = end;
  }

  atEnd(): boolean {
    return this.pos >= this.end;
  }

  readTlv(): Tlv {
    const at = this.pos;
    if (at + 2 > this.end) throw new BerDecodeError('truncated', 'TLV header cut short', at);
    const tag = this.bytes[at] ?? 0;
    if ((tag & 0x1f) === 0x1f) throw new BerDecodeError('badTag', 'multi-byte tag', at);
    const first = this.bytes[at + 1] ?? 0;
    let pos = at + 2;
    let length = first;
    if (first === 0x80) throw new BerDecodeError('badLength', 'indefinite length', at + 1);
    if (first > 0x80) {
      const count = first & 0x7f;
      if (count > 4) throw new BerDecodeError('badLength', 'length of more than 4 bytes', at + 1);
      if (pos + count > this.end) throw new BerDecodeError('truncated', 'length cut short', pos);
      length = 0;
      for (let i = 0; i < count; i++) length = length * 256 + (this.bytes[pos + i] ?? 0);
      pos += count;
    }
    if (pos + length > this.end) {
      throw new BerDecodeError('truncated', `content of ${length} bytes overruns`, pos);
    }
    this.pos = pos + length;
    return { tag, start: pos, end: pos + length };
  }

  /** Reads a TLV and insists on its tag. */
  expect(tag: number, what: string): Tlv {
    const at = this.pos;
    const tlv = this.readTlv();
    if (tlv.tag !== tag) {
      const got = tlv.tag.toString(16).padStart(2, '0');
      throw new BerDecodeError('badTag', `expected ${what}, got tag 0x${got}`, at);
    }
    return tlv;
  }
}

/** Signed two's-complement content as a number; must fit a safe integer. */
export function decodeSigned(bytes: Uint8Array, tlv: Tlv): number {
  const length = tlv.end - tlv.start;
  if (length === 0) throw new BerDecodeError('badValue', 'empty INTEGER', tlv.start);
  if (length > 7) throw new BerDecodeError('badValue', 'INTEGER too wide', tlv.start);
  let value = ((bytes[tlv.start] ?? 0) << 24) >> 24;
  for (let i = tlv.start + 1; i < tlv.end; i++) value = value * 256 + (bytes[i] ?? 0);
  if (!Number.isSafeInteger(value)) {
    throw new BerDecodeError('badValue', 'INTEGER beyond 2^53', tlv.start);
  }
  return value;
}

/** Unsigned content (leading zero bytes allowed) of at most `maxBytes` significant bytes. */
export function decodeUnsigned(bytes: Uint8Array, tlv: Tlv, maxBytes: 4 | 8): bigint {
  if (tlv.end === tlv.start) throw new BerDecodeError('badValue', 'empty integer', tlv.start);
  let i = tlv.start;
  while (i < tlv.end - 1 && bytes[i] === 0) i++;
  if (tlv.end - i > maxBytes) {
    throw new BerDecodeError('badValue', `unsigned value wider than ${maxBytes} bytes`, i);
  }
  let value = 0n;
  for (; i < tlv.end; i++) value = (value << 8n) | BigInt(bytes[i] ?? 0);
  return value;
}

/** OBJECT IDENTIFIER content as dotted text; the first byte(s) carry the first two arcs. */
export function decodeOid(bytes: Uint8Array, tlv: Tlv): string {
  if (tlv.end === tlv.start) throw new BerDecodeError('badValue', 'empty OID', tlv.start);
  const parts: number[] = [];
  let value = 0;
  let pending = false;
  for (let i = tlv.start; i < tlv.end; i++) {
    const b = bytes[i] ?? 0;
    if (!pending && b === 0x80) throw new BerDecodeError('badValue', 'OID sub-id padding', i);
    value = value * 128 + (b & 0x7f);
    if (value > 0xffffffff + 80) throw new BerDecodeError('badValue', 'OID sub-id > 2^32-1', i);
    pending = (b & 0x80) !== 0;
    if (pending) continue;
    if (parts.length === 0) {
      const first = value < 40 ? 0 : value < 80 ? 1 : 2;
      parts.push(first, value - first * 40);
    } else parts.push(value);
    if (parts.length > 2 && value > 0xffffffff) {
      throw new BerDecodeError('badValue', 'OID sub-id > 2^32-1', i);
    }
    value = 0;
  }
  if (pending) throw new BerDecodeError('truncated', 'OID ends inside a sub-id', tlv.end);
  return parts.join('.');
}

/** Bytes needed for a BER length field (short form below 128). */
export function lengthSize(length: number): number {
  if (length < 0x80) return 1;
  if (length < 0x100) return 2;
  if (length < 0x10000) return 3;
  if (length < 0x1000000) return 4;
  return 5;
}

/** Writes tag + length at `pos`; returns the offset of the content. */
export function writeHeader(out: Uint8Array, pos: number, tag: number, length: number): number {
  out[pos++] = tag;
  const size = lengthSize(length);
  if (size === 1) {
    out[pos++] = length;
    return pos;
  }
  out[pos++] = 0x80 | (size - 1);
  for (let shift = (size - 2) * 8; shift >= 0; shift -= 8) {
    out[pos++] = Math.floor(length / 2 ** shift) & 0xff;
  }
  return pos;
}

/** A complete TLV around `content`. */
export function encodeTlv(tag: number, content: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(1 + lengthSize(content.length) + content.length);
  const pos = writeHeader(out, 0, tag, content.length);
  out.set(content, pos);
  return out;
}

/** Minimal two's-complement content of a safe integer. */
export function signedContent(value: number): Uint8Array {
  let big = BigInt(value);
  const bytes: number[] = [];
  for (;;) {
    const byte = Number(big & 0xffn);
    bytes.unshift(byte);
    big >>= 8n;
    const signBit = (byte & 0x80) !== 0;
    if ((big === 0n && !signBit) || (big === -1n && signBit)) break;
  }
  return Uint8Array.from(bytes);
}

/** Minimal unsigned content, with a leading zero byte when the top bit would read as a sign. */
export function unsignedContent(value: bigint): Uint8Array {
  const bytes: number[] = [];
  let rest = value;
  do {
    bytes.unshift(Number(rest & 0xffn));
    rest >>= 8n;
  } while (rest > 0n);
  if (((bytes[0] ?? 0) & 0x80) !== 0) bytes.unshift(0);
  return Uint8Array.from(bytes);
}

/** OBJECT IDENTIFIER content; rejects OIDs the first-two-arcs rule cannot express. */
export function oidContent(subs: ArrayLike<number>): Uint8Array {
  const first = subs[0];
  const second = subs[1];
  if (subs.length < 2 || first === undefined || second === undefined) {
    throw new BerEncodeError('an OID needs at least two sub-ids');
  }
  if (first > 2 || (first < 2 && second >= 40)) {
    throw new BerEncodeError(`OID cannot start ${first}.${second}`);
  }
  const bytes: number[] = [];
  const push = (v: number): void => {
    let shift = 0;
    while (v >= 128 ** (shift + 1)) shift++;
    for (; shift > 0; shift--) bytes.push(0x80 | (Math.floor(v / 128 ** shift) & 0x7f));
    bytes.push(v & 0x7f);
  };
  push(first * 40 + second);
  for (let i = 2; i < subs.length; i++) push(subs[i] ?? 0);
  return Uint8Array.from(bytes);
}
