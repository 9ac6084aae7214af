import type { InterfaceRow } from '@xiaowang/shared';
import { cellBytes, cellCounterText, cellNumber, WalkSet } from '../snmp/walk-set.ts';
import type { Column } from '../snmp/walk-set.ts';
import { decodeText, formatMac } from '../text/decode.ts';
import type { Check } from './check.ts';
import { nameIfType } from './if-types.ts';

const IF_ENTRY = '1.3.6.1.2.1.2.2.1';
const IFX_ENTRY = '1.3.6.1.2.1.31.1.1.1';

const IF_COL = {
  descr: 2,
  type: 3,
  speed: 5,
  physAddress: 6,
  adminStatus: 7,
  operStatus: 8,
  lastChange: 9,
  inOctets: 10,
  outOctets: 16,
} as const;

const IFX_COL = {
  name: 1,
  hcInOctets: 6,
  hcOutOctets: 10,
  highSpeed: 15,
  alias: 18,
  counterDiscontinuityTime: 19,
} as const;

const STATUS_NAMES = [
  'up',
  'down',
  'testing',
  'unknown',
  'dormant',
  'notPresent',
  'lowerLayerDown',
] as const;

/** ifSpeed saturates here (RFC 2863): anything faster than 4.29 Gbit/s reads as this. */
const IF_SPEED_SATURATED = 4_294_967_295;
/** 10 Tbit/s in Mbit/s: no port is that fast, so a larger ifHighSpeed was sent in bit/s. */
const HIGH_SPEED_LIMIT_MBPS = 10_000_000;

type Status = InterfaceRow['ifAdminStatus'];

export function nameStatus(value: number | undefined): Status {
  if (value === undefined) return null;
  return STATUS_NAMES[value - 1] ?? value;
}

/** J2: ifHighSpeed when the row has it (even 0), else ifSpeed in Mbit/s, else null. */
export function computeSpeedMbps(
  ifSpeed: number | null,
  ifHighSpeed: number | null,
): number | null {
  if (ifHighSpeed !== null) return ifHighSpeed;
  if (ifSpeed === null) return null;
  return ifSpeed / 1_000_000;
}

/** Why ifHighSpeed cannot be true, or null; the reported speed is left as it is. */
export function suspectSpeed(ifSpeed: number | null, ifHighSpeed: number | null): string | null {
  if (ifHighSpeed === null) return null;
  if (ifHighSpeed > HIGH_SPEED_LIMIT_MBPS) {
    return `ifHighSpeed ${ifHighSpeed} Mbit/s is above 10 Tbit/s; probably sent in bit/s`;
  }
  // A D-Link-style bug fills both columns with bit/s; ifSpeed tells the two apart.
  if (ifSpeed !== null && ifSpeed >= 1_000_000 && ifSpeed < IF_SPEED_SATURATED) {
    if (ifHighSpeed === ifSpeed) return `ifHighSpeed equals ifSpeed (${ifSpeed}); sent in bit/s`;
  }
  return null;
}

// The text and numbers are read off the packed cells, no varbind made (docs/adr/0022).
function readText(table: ReadonlyMap<number, Column>, column: number, index: string) {
  const bytes = cellBytes(table, column, index);
  return bytes === undefined ? null : decodeText(bytes);
}

function readNumber(table: ReadonlyMap<number, Column>, column: number, index: string) {
  return cellNumber(table, column, index) ?? null;
}

// Also off the packed cells: a varbind and a BigInt per counter had been about 50,000 of
// each in a county cycle.
function readCounter(table: ReadonlyMap<number, Column>, column: number, index: string) {
  return cellCounterText(table, column, index) ?? null;
}

function buildRow(
  ifTable: ReadonlyMap<number, Column>,
  ifXTable: ReadonlyMap<number, Column>,
  index: string,
): InterfaceRow {
  const ifType = readNumber(ifTable, IF_COL.type, index);
  const ifSpeed = readNumber(ifTable, IF_COL.speed, index);
  const ifHighSpeed = readNumber(ifXTable, IFX_COL.highSpeed, index);
  const physBytes = cellBytes(ifTable, IF_COL.physAddress, index);
  // `has`, not a read: a packed cell becomes a varbind each time it is read (ADR 0022).
  const is64 = ifXTable.get(IFX_COL.hcInOctets)?.has(index) === true;
  return {
    ifIndex: Number(index),
    ifName: readText(ifXTable, IFX_COL.name, index),
    ifDescr: readText(ifTable, IF_COL.descr, index),
    ifAlias: readText(ifXTable, IFX_COL.alias, index),
    ifType,
    ifTypeName: nameIfType(ifType),
    ifSpeedMbps: computeSpeedMbps(ifSpeed, ifHighSpeed),
    ifSpeed,
    ifHighSpeed,
    speedSuspect: suspectSpeed(ifSpeed, ifHighSpeed),
    ifAdminStatus: nameStatus(cellNumber(ifTable, IF_COL.adminStatus, index)),
    ifOperStatus: nameStatus(cellNumber(ifTable, IF_COL.operStatus, index)),
    ifPhysAddress: physBytes === undefined ? null : formatMac(physBytes),
    inOctets: is64
      ? readCounter(ifXTable, IFX_COL.hcInOctets, index)
      : readCounter(ifTable, IF_COL.inOctets, index),
    outOctets: is64
      ? readCounter(ifXTable, IFX_COL.hcOutOctets, index)
      : readCounter(ifTable, IF_COL.outOctets, index),
    octetsAre64bit: is64,
    ifLastChange: readNumber(ifTable, IF_COL.lastChange, index),
    ifCounterDiscontinuityTime: readNumber(ifXTable, IFX_COL.counterDiscontinuityTime, index),
  };
}

/** J1: one row per ifIndex seen in any column of either table, ascending. */
export function extractInterfaces(ws: WalkSet): InterfaceRow[] {
  const ifTable = ws.table(IF_ENTRY);
  const ifXTable = ws.table(IFX_ENTRY);
  const indexes = new Set(WalkSet.rowIndexes(ifTable));
  for (const index of WalkSet.rowIndexes(ifXTable)) indexes.add(index);
  const numbered: string[] = [];
  for (const index of indexes) if (/^\d+$/.test(index)) numbered.push(index);
  const rows: InterfaceRow[] = [];
  for (const index of numbered.sort(byNumber)) rows.push(buildRow(ifTable, ifXTable, index));
  return rows;
}

// Loops and a module comparator rather than callbacks made per call, so V8 optimises them
// once rather than per device (docs/adr/0021).
const byNumber = (a: string, b: string): number => Number(a) - Number(b);

export const interfacesCheck: Check<'interfaces'> = {
  part: 'interfaces',
  plan: () => ({ scalars: [], subtrees: [IF_ENTRY, IFX_ENTRY] }),
  extract: (ws) => ({ interfaces: extractInterfaces(ws) }),
};
