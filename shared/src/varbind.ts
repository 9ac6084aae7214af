import { counterToString } from './counter64.ts';

/**
 * A value as it came off the wire, typed by its BER tag. OIDs are dotted text without a
 * leading dot. Counter64 is a bigint here and a decimal string in reports.
 */
export type Varbind =
  | {
      readonly oid: string;
      readonly type: 'Integer' | 'Counter32' | 'Gauge32' | 'TimeTicks';
      readonly value: number;
    }
  | { readonly oid: string; readonly type: 'Counter64'; readonly value: bigint }
  | { readonly oid: string; readonly type: 'OctetString' | 'Opaque'; readonly value: Uint8Array }
  | {
      readonly oid: string;
      readonly type: 'ObjectIdentifier' | 'IpAddress';
      readonly value: string;
    }
  | { readonly oid: string; readonly type: 'Null'; readonly value: null };

export type VarbindType = Varbind['type'];

/** The numeric value of an integer-like varbind, or undefined for anything else. */
export function asNumber(vb: Varbind | undefined): number | undefined {
  if (vb === undefined) return undefined;
  switch (vb.type) {
    case 'Integer':
    case 'Counter32':
    case 'Gauge32':
    case 'TimeTicks':
      return vb.value;
    case 'Counter64':
      return Number(vb.value);
    default:
      return undefined;
  }
}

/**
 * An integer-like varbind as a report carries a counter: decimal text, undefined for a
 * negative INTEGER or anything not a number. No BigInt for the widths that fit a number.
 */
export function asCounterText(vb: Varbind | undefined): string | undefined {
  if (vb === undefined) return undefined;
  if (vb.type === 'Counter64') return counterToString(vb.value);
  if (
    vb.type === 'Counter32' ||
    vb.type === 'Gauge32' ||
    vb.type === 'TimeTicks' ||
    vb.type === 'Integer'
  ) {
    return vb.value < 0 ? undefined : String(vb.value);
  }
  return undefined;
}

/** The raw bytes of a string-like varbind. */
export function asBytes(vb: Varbind | undefined): Uint8Array | undefined {
  if (vb === undefined) return undefined;
  if (vb.type === 'OctetString' || vb.type === 'Opaque') return vb.value;
  return undefined;
}

/** Dotted text for an OBJECT IDENTIFIER or IpAddress value. */
export function asOidText(vb: Varbind | undefined): string | undefined {
  if (vb === undefined) return undefined;
  if (vb.type === 'ObjectIdentifier' || vb.type === 'IpAddress') return vb.value;
  return undefined;
}
