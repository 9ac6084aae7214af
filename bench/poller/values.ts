// Typed values for the synthetic walks, and their snmprec lines (`oid|tag|value`, the format
// snmpsim serves). Strings that are not plain printable ASCII are written as hex (`4x`).
import type { Varbind } from '@xiaowang/shared/varbind';

const utf8 = new TextEncoder();

export const str = (oid: string, text: string): Varbind => ({
  oid,
  type: 'OctetString',
  value: utf8.encode(text),
});
export const octets = (oid: string, value: Uint8Array): Varbind => ({
  oid,
  type: 'OctetString',
  value,
});
export const int = (oid: string, value: number): Varbind => ({ oid, type: 'Integer', value });
export const gauge = (oid: string, value: number): Varbind => ({ oid, type: 'Gauge32', value });
export const counter32 = (oid: string, value: number): Varbind => ({
  oid,
  type: 'Counter32',
  value: value % 4294967296,
});
export const counter64 = (oid: string, value: bigint): Varbind => ({
  oid,
  type: 'Counter64',
  value,
});
export const ticks = (oid: string, value: number): Varbind => ({ oid, type: 'TimeTicks', value });
export const objectId = (oid: string, value: string): Varbind => ({
  oid,
  type: 'ObjectIdentifier',
  value,
});
export const ipAddress = (oid: string, value: string): Varbind => ({
  oid,
  type: 'IpAddress',
  value,
});

/** A string index: its length, then its bytes (not IMPLIED). */
export function stringIndex(text: string): string {
  const bytes = utf8.encode(text);
  return [bytes.length, ...bytes].join('.');
}

export function macBytes(a: number, b: number, n: number): Uint8Array {
  return Uint8Array.of(0x50, 0x6f, a & 0xff, b & 0xff, (n >> 8) & 0xff, n & 0xff);
}

/** Deterministic pseudo-random numbers, so a seed always builds the same fleet. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
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
