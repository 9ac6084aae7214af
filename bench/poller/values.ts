// Typed values for the synthetic walks, and their snmprec lines (`oid|tag|value`, the format
// snmpsim serves). Strings that are not plain printable ASCII are written as hex (`4x`).
import type { Varbind } from '@xiaowang/shared/varbind';

// The builders the simulator's own walks use; only what snmpsim needs differently is here.
export {
  bytes as octets,
  counter64,
  gauge,
  int,
  objectId,
  seededRandom,
  str,
  stringIndex,
  ticks,
} from '../../seeds/src/walks/build.ts';

/** A Counter32 as a device holds it: the running count modulo 2^32. */
export const counter32 = (oid: string, value: number): Varbind => ({
  oid,
  type: 'Counter32',
  value: value % 4294967296,
});
export const ipAddress = (oid: string, value: string): Varbind => ({
  oid,
  type: 'IpAddress',
  value,
});

export function macBytes(a: number, b: number, n: number): Uint8Array {
  return Uint8Array.of(0x50, 0x6f, a & 0xff, b & 0xff, (n >> 8) & 0xff, n & 0xff);
}

const TAGS = {
  Integer: '2',
  OctetString: '4',
  Null: '5',
  ObjectIdentifier: '6',
  IpAddress: '64',
  Counter32: '65',
  Gauge32: '66',
  TimeTicks: '67',
  Opaque: '68',
  Counter64: '70',
} as const;

function isPlainText(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b < 0x20 || b > 0x7e || b === 0x7c) return false;
  return true;
}

export function snmprecLine(vb: Varbind): string {
  const tag = TAGS[vb.type];
  switch (vb.type) {
    case 'OctetString':
    case 'Opaque':
      return isPlainText(vb.value)
        ? `${vb.oid}|${tag}|${Buffer.from(vb.value).toString('latin1')}`
        : `${vb.oid}|${tag}x|${Buffer.from(vb.value).toString('hex')}`;
    case 'Null':
      return `${vb.oid}|${tag}|`;
    default:
      return `${vb.oid}|${tag}|${String(vb.value)}`;
  }
}
