import type { Varbind } from '@xiaowang/shared/varbind';

/** Small builders for synthetic walks: values typed like a real agent would send them. */
const utf8 = new TextEncoder();

export const str = (oid: string, text: string): Varbind => ({
  oid,
  type: 'OctetString',
  value: utf8.encode(text),
});
export const bytes = (oid: string, value: Uint8Array): Varbind => ({
  oid,
  type: 'OctetString',
  value,
});
export const int = (oid: string, value: number): Varbind => ({ oid, type: 'Integer', value });
export const gauge = (oid: string, value: number): Varbind => ({ oid, type: 'Gauge32', value });
export const counter32 = (oid: string, value: number): Varbind => ({
  oid,
  type: 'Counter32',
  value,
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

/** A string index: its length, then its bytes (not IMPLIED). */
export function stringIndex(text: string): string {
  const b = utf8.encode(text);
  return [b.length, ...b].join('.');
}

export function macBytes(mac: string): Uint8Array {
  return Uint8Array.from(mac.split(':').map((h) => parseInt(h, 16)));
}

/** A MAC as six index sub-identifiers. */
export function macIndex(mac: string): string {
  return Array.from(macBytes(mac)).join('.');
}

/** Deterministic pseudo-random numbers, so a seed always builds the same school. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

export function macFrom(prefix: number, n: number): string {
  const b = [0x50, 0x6f, 0x77, prefix & 0xff, (n >> 8) & 0xff, n & 0xff];
  return b.map((x) => x.toString(16).padStart(2, '0')).join(':');
}
