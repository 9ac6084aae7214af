import type { Cell, OidRef, RawReply } from '../snmp/ber.ts';
import { oidContent, oidText, scanMessage } from '../snmp/ber.ts';

/** Test-side SNMP responses: cells as a device would put them on the wire, framed as ours read them. */

function tlv(tag: number, content: Uint8Array): Buffer {
  const n = content.length;
  const length = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return Buffer.concat([Buffer.from([tag, ...length]), content]);
}

function unsigned(value: number | bigint): Buffer {
  let v = BigInt(value);
  const octets: number[] = [];
  do {
    octets.unshift(Number(v & 0xffn));
    v >>= 8n;
  } while (v > 0n);
  if ((octets[0] ?? 0) >= 0x80) octets.unshift(0);
  return Buffer.from(octets);
}

function signed(value: number): Buffer {
  const octets: number[] = [];
  let v = value;
  for (;;) {
    octets.unshift(v & 0xff);
    const top = v & 0x80;
    v >>= 8;
    if ((v === 0 && top === 0) || (v === -1 && top !== 0)) break;
  }
  return Buffer.from(octets);
}

function valueTlv(cell: Cell): Buffer {
  switch (cell.type) {
    case 'Integer':
      return tlv(0x02, signed(cell.value));
    case 'OctetString':
      return tlv(0x04, cell.value);
    case 'Null':
      return tlv(0x05, Buffer.alloc(0));
    case 'ObjectIdentifier':
      return tlv(0x06, oidContent(cell.value));
    case 'IpAddress':
      return tlv(0x40, Buffer.from(cell.value.split('.').map(Number)));
    case 'Counter32':
      return tlv(0x41, unsigned(cell.value));
    case 'Gauge32':
      return tlv(0x42, unsigned(cell.value));
    case 'TimeTicks':
      return tlv(0x43, unsigned(cell.value));
    case 'Opaque':
      return tlv(0x44, cell.value);
    case 'Counter64':
      return tlv(0x46, unsigned(cell.value));
    case 'noSuchObject':
      return tlv(0x80, Buffer.alloc(0));
    case 'noSuchInstance':
      return tlv(0x81, Buffer.alloc(0));
    case 'endOfMibView':
      return tlv(0x82, Buffer.alloc(0));
    case 'unsupported':
      return tlv(0x47, Buffer.alloc(0));
  }
}

/** A v2c GetResponse carrying `cells`, as datagram octets. */
export function encodeResponse(
  cells: readonly Cell[],
  requestId = 1,
  community = 'public',
): Buffer {
  const list = Buffer.concat(
    cells.map((cell) =>
      tlv(0x30, Buffer.concat([tlv(0x06, oidContent(cell.oid)), valueTlv(cell)])),
    ),
  );
  const pdu = Buffer.concat([
    tlv(0x02, signed(requestId)),
    Buffer.from('020100020100', 'hex'),
    tlv(0x30, list),
  ]);
  return tlv(
    0x30,
    Buffer.concat([
      Buffer.from('020101', 'hex'),
      tlv(0x04, Buffer.from(community)),
      tlv(0xa2, pdu),
    ]),
  );
}

/** `cells` as the reply the bulk-read engine is handed. */
export function replyOf(cells: readonly Cell[]): RawReply {
  return scanMessage(encodeResponse(cells));
}

/** Dotted text of an OID the engine asked for. */
export function oidRefText(oid: OidRef): string {
  return typeof oid === 'string' ? oid : oidText(oid, 0, oid.length);
}
