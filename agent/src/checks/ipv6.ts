import type { Ipv6Address } from '@xiaowang/shared';
import { isUnder, parseOid } from '../snmp/oid.ts';
import { asNumber, asOidText } from '../snmp/varbind.ts';
import { WalkSet } from '../snmp/walk-set.ts';
import type { Check } from './check.ts';
import { decodeAsciiAddress, classifyIpv6, formatIpv6, formatIpv6Full } from './ipv6-address.ts';

const IP_ADDRESS_ENTRY = '1.3.6.1.2.1.4.34.1';
const IP_ADDRESS_PREFIX_ENTRY = '1.3.6.1.2.1.4.32.1';
const IPV6_ADDR_ENTRY = '1.3.6.1.2.1.55.1.8.1';

const IP_ADDRESS_COL = { ifIndex: 3, type: 4, prefix: 5, status: 7 } as const;
const IPV6_ADDR_COL = { pfxLength: 2 } as const;
/** InetAddressType values of the rows we read, with their address length in octets. */
const ADDRESS_TYPES = [
  { type: 2, length: 16, zoned: false },
  { type: 4, length: 20, zoned: true },
] as const;

const ANOMALY = {
  lengthMissing: 'ipAddressTable index has no address length (agent bug)',
  asciiIpMib: 'ipAddressTable index is ASCII text (agent bug)',
  asciiIpv6Mib: 'ipv6AddrTable index is ASCII text (agent bug)',
} as const;

export interface Ipv6Extraction {
  readonly addresses: Ipv6Address[];
  /** Index rows that could not be decoded, each with the reason; not part of the snapshot. */
  readonly notes: string[];
}

interface DecodedIndex {
  readonly bytes: readonly number[];
  readonly zone?: number;
  readonly anomaly?: string;
  readonly prefixFromText?: number | null;
}

type Decoded = DecodedIndex | { readonly skip: string };

function isByte(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= 255;
}

function decodeZone(octets: readonly number[]): number {
  return octets.reduce((acc, o) => acc * 256 + o, 0);
}

/**
 * ipAddressTable index after the column: addrType, length, octets (J6). Text is tried first:
 * no address in use spells hex text in ASCII (that would be 3000::/4 or 4100::-6600::).
 */
export function decodeIpAddressIndex(subIds: readonly number[]): Decoded {
  const [addrType, ...rest] = subIds;
  const kind = ADDRESS_TYPES.find((t) => t.type === addrType);
  if (kind === undefined) return { skip: `address type ${String(addrType)} is not IPv6` };
  const split = (octets: readonly number[]): DecodedIndex =>
    kind.zoned
      ? { bytes: octets.slice(0, 16), zone: decodeZone(octets.slice(16, 20)) }
      : { bytes: octets };
  const ascii = kind.zoned ? undefined : decodeAsciiAddress(rest);
  if (ascii !== undefined) return { bytes: ascii.bytes, anomaly: ANOMALY.asciiIpMib };
  if (!rest.every(isByte)) return { skip: 'a sub-identifier is above 255' };
  if (rest.length === kind.length + 1 && rest[0] === kind.length) return split(rest.slice(1));
  if (rest.length === kind.length) return { ...split(rest), anomaly: ANOMALY.lengthMissing };
  return { skip: `length ${String(rest[0])} does not match address type ${String(addrType)}` };
}

/** ipv6AddrTable index after the column: ifIndex, then 16 octets with no length (J6). */
export function decodeIpv6AddrIndex(subIds: readonly number[]): Decoded & { ifIndex?: number } {
  const [ifIndex, ...rest] = subIds;
  if (ifIndex === undefined) return { skip: 'empty index' };
  const ascii = decodeAsciiAddress(rest);
  if (ascii !== undefined) {
    const { bytes, prefixLength } = ascii;
    return { ifIndex, bytes, anomaly: ANOMALY.asciiIpv6Mib, prefixFromText: prefixLength };
  }
  if (!rest.every(isByte)) return { skip: 'a sub-identifier is above 255' };
  if (rest.length === 16) return { ifIndex, bytes: rest };
  return { skip: `${rest.length} address octets instead of 16` };
}

/** J7: the last sub-id of a RowPointer into ipAddressPrefixTable. */
export function readPrefixPointer(pointer: string | undefined): number | null {
  if (pointer === undefined || !isUnder(pointer, IP_ADDRESS_PREFIX_ENTRY)) return null;
  const last = parseOid(pointer).at(-1);
  return last !== undefined && Number.isInteger(last) && last <= 128 ? last : null;
}

function buildAddressRow(
  decoded: DecodedIndex,
  ifIndex: number | null,
  prefixLength: number | null,
  source: Ipv6Address['source'],
): Ipv6Address {
  const row: Ipv6Address = {
    ifIndex,
    address: formatIpv6(decoded.bytes),
    addressFull: formatIpv6Full(decoded.bytes),
    prefixLength,
    type: classifyIpv6(decoded.bytes),
    source,
  };
  if (decoded.zone !== undefined) row.zone = decoded.zone;
  if (decoded.anomaly !== undefined) row.indexAnomaly = decoded.anomaly;
  return row;
}

function readIpAddressTable(ws: WalkSet, notes: string[]): Ipv6Address[] {
  const table = ws.table(IP_ADDRESS_ENTRY);
  const indexes = WalkSet.rowIndexes(table);
  const out: Ipv6Address[] = [];
  for (const index of indexes) {
    const decoded = decodeIpAddressIndex(parseOid(index));
    if ('skip' in decoded) {
      notes.push(`ipAddressTable row ${index} skipped: ${decoded.skip}`);
      continue;
    }
    const prefix = readPrefixPointer(asOidText(table.get(IP_ADDRESS_COL.prefix)?.get(index)));
    const ifIndex = asNumber(table.get(IP_ADDRESS_COL.ifIndex)?.get(index)) ?? null;
    const row = buildAddressRow(decoded, ifIndex, prefix, 'ipAddressTable');
    const status = asNumber(table.get(IP_ADDRESS_COL.status)?.get(index));
    if (status !== undefined) row.ipAddressStatus = status;
    out.push(row);
  }
  return out;
}

function readIpv6AddrTable(ws: WalkSet, notes: string[]): Ipv6Address[] {
  const table = ws.table(IPV6_ADDR_ENTRY);
  const indexes = WalkSet.rowIndexes(table);
  const out: Ipv6Address[] = [];
  for (const index of indexes) {
    const decoded = decodeIpv6AddrIndex(parseOid(index));
    if ('skip' in decoded) {
      notes.push(`ipv6AddrTable row ${index} skipped: ${decoded.skip}`);
      continue;
    }
    const pfx = asNumber(table.get(IPV6_ADDR_COL.pfxLength)?.get(index));
    const prefix = pfx !== undefined && pfx >= 0 && pfx <= 128 ? pfx : null;
    const ifIndex = decoded.ifIndex ?? null;
    out.push(
      buildAddressRow(decoded, ifIndex, prefix ?? decoded.prefixFromText ?? null, 'ipv6AddrTable'),
    );
  }
  return out;
}

/** J6: an address on the same ifIndex in both tables becomes one row, source `both`. */
function mergeTables(ipMib: Ipv6Address[], ipv6Mib: readonly Ipv6Address[]): Ipv6Address[] {
  const rows = [...ipMib];
  for (const old of ipv6Mib) {
    const same = rows.find(
      (r) =>
        r.source === 'ipAddressTable' &&
        r.ifIndex === old.ifIndex &&
        r.addressFull === old.addressFull,
    );
    if (same === undefined) {
      rows.push(old);
      continue;
    }
    same.source = 'both';
    same.prefixLength ??= old.prefixLength;
    if (same.indexAnomaly === undefined && old.indexAnomaly !== undefined) {
      same.indexAnomaly = old.indexAnomaly;
    }
  }
  return rows;
}

function compareRows(a: Ipv6Address, b: Ipv6Address): number {
  const ai = a.ifIndex ?? Number.MAX_SAFE_INTEGER;
  const bi = b.ifIndex ?? Number.MAX_SAFE_INTEGER;
  if (ai !== bi) return ai - bi;
  return a.addressFull < b.addressFull ? -1 : a.addressFull > b.addressFull ? 1 : 0;
}

export function extractIpv6(ws: WalkSet): Ipv6Extraction {
  const notes: string[] = [];
  const ipMib = readIpAddressTable(ws, notes);
  const ipv6Mib = readIpv6AddrTable(ws, notes);
  return { addresses: mergeTables(ipMib, ipv6Mib).sort(compareRows), notes };
}

/** ipv4 rows share ipAddressTable and are many on routers: walk only the IPv6 types. */
function planSubtrees(): string[] {
  const columns = Object.values(IP_ADDRESS_COL);
  const ipMib = columns.flatMap((col) =>
    ADDRESS_TYPES.map(({ type }) => `${IP_ADDRESS_ENTRY}.${col}.${type}`),
  );
  return [...ipMib, IPV6_ADDR_ENTRY];
}

export const ipv6Check: Check<'ipv6'> = {
  part: 'ipv6',
  plan: () => ({ scalars: [], subtrees: planSubtrees() }),
  extract: (ws) => ({ ipv6: extractIpv6(ws).addresses }),
};
