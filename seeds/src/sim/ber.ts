import type { Varbind } from '@xiaowang/shared/varbind';
import {
  BerDecodeError,
  BerEncodeError,
  BerReader,
  decodeOid,
  decodeSigned,
  decodeUnsigned,
  encodeTlv,
  lengthSize,
  oidContent,
  signedContent,
  unsignedContent,
  writeHeader,
} from './ber-core.ts';
import type { Tlv } from './ber-core.ts';
import { parseOidText } from './oid-text.ts';

export { BerDecodeError, BerEncodeError } from './ber-core.ts';
export type { BerDecodeErrorCode } from './ber-core.ts';

/** SNMP message version field: 0 is SNMPv1, 1 is SNMPv2c. */
export type SnmpVersion = 0 | 1;
export const SNMP_V1 = 0;
export const SNMP_V2C = 1;

export const PDU_TAGS = {
  GetRequest: 0xa0,
  GetNextRequest: 0xa1,
  GetResponse: 0xa2,
  SetRequest: 0xa3,
  GetBulkRequest: 0xa5,
  InformRequest: 0xa6,
  SNMPv2Trap: 0xa7,
  Report: 0xa8,
} as const;
export type PduType = keyof typeof PDU_TAGS;

export const ERROR_STATUS = {
  noError: 0,
  tooBig: 1,
  noSuchName: 2,
  genErr: 5,
  notWritable: 17,
} as const;

const EXCEPTION_TAGS = { noSuchObject: 0x80, noSuchInstance: 0x81, endOfMibView: 0x82 } as const;
export type ExceptionType = keyof typeof EXCEPTION_TAGS;

type WithoutOid<T> = T extends unknown ? Omit<T, 'oid'> : never;
/** A varbind's type and value without its OID, as a store or a provider holds it. */
export type VarbindValue = WithoutOid<Varbind>;
export interface ExceptionValue {
  readonly type: ExceptionType;
  readonly value: null;
}
export type PduValue = VarbindValue | ExceptionValue;
export type PduVarbind = Varbind | (ExceptionValue & { readonly oid: string });

/** A PDU as on the wire. For GetBulkRequest errorStatus is non-repeaters, errorIndex max-repetitions. */
export interface SnmpPdu {
  readonly type: PduType;
  readonly requestId: number;
  readonly errorStatus: number;
  readonly errorIndex: number;
  readonly varbinds: readonly PduVarbind[];
}

export interface SnmpMessage {
  readonly version: SnmpVersion;
  readonly community: Uint8Array;
  readonly pdu: SnmpPdu;
}

export type DecodeResult =
  | { readonly ok: true; readonly message: SnmpMessage }
  | { readonly ok: false; readonly error: BerDecodeError };

const TYPE_BY_PDU_TAG = new Map<number, PduType>(
  Object.entries(PDU_TAGS).map(([name, tag]) => [tag, name as PduType]),
);

function decodeValue(bytes: Uint8Array, tlv: Tlv): PduValue {
  // A copy, so a stored value never pins (or aliases) the received datagram.
  const content = (): Uint8Array => new Uint8Array(bytes.subarray(tlv.start, tlv.end));
  const unsigned32 = (): number => Number(decodeUnsigned(bytes, tlv, 4));
  switch (tlv.tag) {
    case 0x02:
      return { type: 'Integer', value: decodeSigned(bytes, tlv) };
    case 0x04:
      return { type: 'OctetString', value: content() };
    case 0x05:
      return { type: 'Null', value: null };
    case 0x06:
      return { type: 'ObjectIdentifier', value: decodeOid(bytes, tlv) };
    case 0x40:
      if (tlv.end - tlv.start !== 4) {
        throw new BerDecodeError('badValue', 'IpAddress is not 4 bytes', tlv.start);
      }
      return { type: 'IpAddress', value: Array.from(content()).join('.') };
    case 0x41:
      return { type: 'Counter32', value: unsigned32() };
    case 0x42:
      return { type: 'Gauge32', value: unsigned32() };
    case 0x43:
      return { type: 'TimeTicks', value: unsigned32() };
    case 0x44:
      return { type: 'Opaque', value: content() };
    case 0x46:
      return { type: 'Counter64', value: decodeUnsigned(bytes, tlv, 8) };
    case 0x80:
      return { type: 'noSuchObject', value: null };
    case 0x81:
      return { type: 'noSuchInstance', value: null };
    case 0x82:
      return { type: 'endOfMibView', value: null };
    default:
      throw new BerDecodeError('badTag', `unknown value tag 0x${tlv.tag.toString(16)}`, tlv.start);
  }
}

function decodeVarbinds(bytes: Uint8Array, list: Tlv): PduVarbind[] {
  const out: PduVarbind[] = [];
  const reader = new BerReader(bytes, list.start, list.end);
  while (!reader.atEnd()) {
    const seq = reader.expect(0x30, 'varbind SEQUENCE');
    const inner = new BerReader(bytes, seq.start, seq.end);
    const oid = decodeOid(bytes, inner.expect(0x06, 'varbind OID'));
    const value = decodeValue(bytes, inner.readTlv());
    if (!inner.atEnd())
      throw new BerDecodeError('trailingBytes', 'extra bytes in varbind', inner.pos);
    out.push({ oid, ...value });
  }
  return out;
}

function decodeOrThrow(bytes: Uint8Array): SnmpMessage {
  const outer = new BerReader(bytes);
  const message = outer.expect(0x30, 'message SEQUENCE');
  if (!outer.atEnd())
    throw new BerDecodeError('trailingBytes', 'bytes after the message', outer.pos);
  const reader = new BerReader(bytes, message.start, message.end);
  const versionTlv = reader.expect(0x02, 'version INTEGER');
  const version = decodeSigned(bytes, versionTlv);
  if (version !== SNMP_V1 && version !== SNMP_V2C) {
    throw new BerDecodeError('unsupportedVersion', `SNMP version ${version}`, versionTlv.start);
  }
  const communityTlv = reader.expect(0x04, 'community OCTET STRING');
  const community = new Uint8Array(bytes.subarray(communityTlv.start, communityTlv.end));
  const pduAt = reader.pos;
  const pduTlv = reader.readTlv();
  const type = TYPE_BY_PDU_TAG.get(pduTlv.tag);
  if (type === undefined) {
    throw new BerDecodeError('unsupportedPdu', `PDU tag 0x${pduTlv.tag.toString(16)}`, pduAt);
  }
  if (!reader.atEnd()) throw new BerDecodeError('trailingBytes', 'bytes after the PDU', reader.pos);
  const pdu = new BerReader(bytes, pduTlv.start, pduTlv.end);
  const requestId = decodeSigned(bytes, pdu.expect(0x02, 'request-id'));
  const errorStatus = decodeSigned(bytes, pdu.expect(0x02, 'error-status'));
  const errorIndex = decodeSigned(bytes, pdu.expect(0x02, 'error-index'));
  const varbinds = decodeVarbinds(bytes, pdu.expect(0x30, 'varbind list'));
  if (!pdu.atEnd()) throw new BerDecodeError('trailingBytes', 'bytes after the varbinds', pdu.pos);
  return { version, community, pdu: { type, requestId, errorStatus, errorIndex, varbinds } };
}

/** Decodes one SNMPv1/v2c datagram; malformed input is reported, never thrown. */
export function decodeMessage(bytes: Uint8Array): DecodeResult {
  try {
    return { ok: true, message: decodeOrThrow(bytes) };
  } catch (error) {
    if (error instanceof BerDecodeError) return { ok: false, error };
    throw error;
  }
}

function checkUnsigned32(type: string, value: number): bigint {
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
    throw new BerEncodeError(`${type} ${value} is not an integer in 0..2^32-1`);
  }
  return BigInt(value);
}

function ipContent(text: string): Uint8Array {
  const parts = text.split('.');
  const bytes = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : 256));
  if (bytes.length !== 4 || bytes.some((b) => b > 255)) {
    throw new BerEncodeError(`IpAddress ${JSON.stringify(text)} is not a dotted quad`);
  }
  return Uint8Array.from(bytes);
}

/** Parses OID text for encoding, failing loudly on malformed text. */
export function oidSubs(text: string): Uint32Array {
  const subs = parseOidText(text);
  if (subs === undefined) throw new BerEncodeError(`malformed OID ${JSON.stringify(text)}`);
  return subs;
}

/** The TLV of one value, checked against its type's range. */
export function encodeValue(value: PduValue): Buffer {
  switch (value.type) {
    case 'Integer':
      if (!Number.isInteger(value.value) || value.value < -(2 ** 31) || value.value >= 2 ** 31) {
        throw new BerEncodeError(`Integer ${value.value} is outside Integer32`);
      }
      return encodeTlv(0x02, signedContent(value.value));
    case 'OctetString':
      return encodeTlv(0x04, value.value);
    case 'Opaque':
      return encodeTlv(0x44, value.value);
    case 'Null':
      return encodeTlv(0x05, new Uint8Array(0));
    case 'ObjectIdentifier':
      return encodeTlv(0x06, oidContent(oidSubs(value.value)));
    case 'IpAddress':
      return encodeTlv(0x40, ipContent(value.value));
    case 'Counter32':
      return encodeTlv(0x41, unsignedContent(checkUnsigned32(value.type, value.value)));
    case 'Gauge32':
      return encodeTlv(0x42, unsignedContent(checkUnsigned32(value.type, value.value)));
    case 'TimeTicks':
      return encodeTlv(0x43, unsignedContent(checkUnsigned32(value.type, value.value)));
    case 'Counter64':
      if (value.value < 0n || value.value > 0xffffffffffffffffn) {
        throw new BerEncodeError(`Counter64 ${value.value} is outside 0..2^64-1`);
      }
      return encodeTlv(0x46, unsignedContent(value.value));
    case 'noSuchObject':
    case 'noSuchInstance':
    case 'endOfMibView':
      return encodeTlv(EXCEPTION_TAGS[value.type], new Uint8Array(0));
  }
}

/** One varbind SEQUENCE { OID, value }; pass parsed sub-ids to skip re-parsing. */
export function encodeVarbind(oid: string | ArrayLike<number>, value: PduValue): Buffer {
  const oidTlv = encodeTlv(0x06, oidContent(typeof oid === 'string' ? oidSubs(oid) : oid));
  const valueTlv = encodeValue(value);
  const length = oidTlv.length + valueTlv.length;
  const out = Buffer.allocUnsafe(1 + lengthSize(length) + length);
  const pos = writeHeader(out, 0, 0x30, length);
  out.set(oidTlv, pos);
  out.set(valueTlv, pos + oidTlv.length);
  return out;
}

export interface MessageHead {
  readonly version: SnmpVersion;
  readonly community: Uint8Array;
  readonly pduType: PduType;
  readonly requestId: number;
  readonly errorStatus: number;
  readonly errorIndex: number;
}

/** A whole message around varbinds that are already encoded (the responder's fast path). */
export function encodeMessageWith(head: MessageHead, varbinds: readonly Uint8Array[]): Buffer {
  const ints = [head.requestId, head.errorStatus, head.errorIndex].map((n) =>
    encodeTlv(0x02, signedContent(n)),
  );
  let listLength = 0;
  for (const vb of varbinds) listLength += vb.length;
  const listSize = 1 + lengthSize(listLength) + listLength;
  const pduLength = ints.reduce((sum, tlv) => sum + tlv.length, 0) + listSize;
  const pduSize = 1 + lengthSize(pduLength) + pduLength;
  const version = encodeTlv(0x02, signedContent(head.version));
  const community = encodeTlv(0x04, head.community);
  const bodyLength = version.length + community.length + pduSize;
  const out = Buffer.allocUnsafe(1 + lengthSize(bodyLength) + bodyLength);
  let pos = writeHeader(out, 0, 0x30, bodyLength);
  for (const part of [version, community]) {
    out.set(part, pos);
    pos += part.length;
  }
  pos = writeHeader(out, pos, PDU_TAGS[head.pduType], pduLength);
  for (const part of ints) {
    out.set(part, pos);
    pos += part.length;
  }
  pos = writeHeader(out, pos, 0x30, listLength);
  for (const vb of varbinds) {
    out.set(vb, pos);
    pos += vb.length;
  }
  return out;
}

/** Encodes any message, e.g. a request built by a test or a response to decode again. */
export function encodeMessage(message: SnmpMessage): Buffer {
  const { pdu } = message;
  return encodeMessageWith(
    { version: message.version, community: message.community, pduType: pdu.type, ...pdu },
    pdu.varbinds.map((vb) => encodeVarbind(vb.oid, vb)),
  );
}
