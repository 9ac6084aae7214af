import type { AccessPoint, DeviceSnapshot } from '@xiaowang/shared';
import type { Varbind } from '../../snmp/varbind.ts';
import { asNumber } from '../../snmp/varbind.ts';
import { parseOid } from '../../snmp/oid.ts';
import { cellBytes, cellNumber as packedNumber, WalkSet } from '../../snmp/walk-set.ts';
import {
  allOctets,
  decodeText,
  formatMac,
  isPrintable,
  macFromSubIds,
  toHex,
} from '../../text/decode.ts';
import type { WalkPlan } from '../check.ts';

/** The snapshot fields the wireless check fills (J14). */
export type WirelessFields = Pick<DeviceSnapshot, 'apCount' | 'apsOnline' | 'apSource' | 'aps'>;

/** One vendor's AP sources: what to fetch, and what it means ("null" = nothing here). */
export interface WirelessVendor {
  readonly name: string;
  readonly plan: WalkPlan;
  extract(ws: WalkSet): WirelessFields | null;
}

export const NO_WIRELESS: WirelessFields = {
  apCount: null,
  apsOnline: null,
  apSource: null,
  aps: null,
};

/** A table read column by column: column number → (index text → varbind). */
export type Table = ReadonlyMap<number, ReadonlyMap<string, Varbind>>;

export function columnOids(entry: string, columns: readonly number[]): string[] {
  return columns.map((column) => `${entry}.${column}`);
}

export function mergePlans(plans: readonly WalkPlan[]): WalkPlan {
  const scalars = new Set<string>();
  const subtrees = new Set<string>();
  for (const plan of plans) {
    plan.scalars.forEach((oid) => scalars.add(oid));
    plan.subtrees.forEach((oid) => subtrees.add(oid));
  }
  return { scalars: [...scalars], subtrees: [...subtrees] };
}

export function cell(table: Table, column: number, index: string): Varbind | undefined {
  return table.get(column)?.get(index);
}

export function hasColumn(table: Table, column: number): boolean {
  return (table.get(column)?.size ?? 0) > 0;
}

export function cellText(table: Table, column: number, index: string): string | null {
  const bytes = cellBytes(table, column, index);
  return bytes === undefined ? null : decodeText(bytes);
}

/** Like cellText, but an empty string counts as missing, so a fallback can fill it. */
export function cellNonEmptyText(table: Table, column: number, index: string): string | null {
  const text = cellText(table, column, index);
  return text === '' ? null : text;
}

export function cellNumber(table: Table, column: number, index: string): number | null {
  return packedNumber(table, column, index) ?? null;
}

/** Serials may be binary (Huawei): lower-case hex when the text is not printable (§7). */
export function cellIdentifier(table: Table, column: number, index: string): string | null {
  const bytes = cellBytes(table, column, index);
  if (bytes === undefined) return null;
  const text = decodeText(bytes);
  return text === '' || isPrintable(text) ? text : toHex(bytes);
}

/** A MAC column: six raw bytes, or text holding twelve hex digits (`3c8c-40e3-7058`). */
export function cellMac(table: Table, column: number, index: string): string | null {
  const bytes = cellBytes(table, column, index);
  if (bytes === undefined) return null;
  if (bytes.length === 6) return formatMac(bytes);
  const digits = decodeText(bytes).replace(/[^0-9a-fA-F]/g, '');
  if (digits.length !== 12) return null;
  return formatMac(Uint8Array.from(Buffer.from(digits, 'hex')));
}

/** MAC from the first six index sub-identifiers (`<6 octets>` or `<6 octets>.<radio>`). */
export function macFromIndexPrefix(index: string): string | null {
  return macFromSubIds(parseOid(index).slice(0, 6));
}

/** MAC index written either as `<6 octets>` or length-prefixed as `6.<6 octets>`. */
export function macFromMacIndex(index: string): string | null {
  const subIds = parseOid(index);
  if (subIds.length === 7 && subIds[0] === 6) return macFromSubIds(subIds.slice(1));
  return subIds.length === 6 ? macFromSubIds(subIds) : null;
}

/** Bytes of a `len.<octets>` index that fills the whole index; null when malformed (§8). */
export function bytesFromStringIndex(index: string): Uint8Array | null {
  const [length, ...rest] = parseOid(index);
  if (length === undefined || rest.length !== length) return null;
  if (!allOctets(rest)) return null;
  return Uint8Array.from(rest);
}

export function scalarNumber(ws: WalkSet, oid: string): number | null {
  return asNumber(ws.scalar(oid)) ?? null;
}

/** The table and every index that appears in any walked column of it, in OID order. */
export function tableRows(ws: WalkSet, entry: string): { table: Table; rows: string[] } {
  const table = ws.table(entry);
  return { table, rows: WalkSet.rowIndexes(table) };
}

/** `name OID = value` for each scalar the device answered, for apSource.detail. */
export function describeScalars(
  ws: WalkSet,
  scalars: readonly (readonly [name: string, oid: string])[],
): string {
  const parts: string[] = [];
  for (const [name, oid] of scalars) {
    const value = scalarNumber(ws, oid);
    if (value !== null) parts.push(`${name} ${oid} = ${value}`);
  }
  return parts.length === 0 ? '' : `; ${parts.join(', ')}`;
}

/** An AP entry; `apGroup` is set only when the vendor table has a group column. */
export function accessPoint(
  fields: Omit<AccessPoint, 'apGroup' | 'radios'>,
  extra: { apGroup?: string | null; radios?: number } = {},
): AccessPoint {
  // Named one by one: a spread copy starts a shape of its own for every AP, which V8 cannot
  // share between APs or devices (docs/adr/0021).
  const ap: AccessPoint = {
    mac: fields.mac,
    name: fields.name,
    model: fields.model,
    serial: fields.serial,
    online: fields.online,
    clients: fields.clients,
  };
  if (extra.apGroup !== undefined) ap.apGroup = extra.apGroup;
  if (extra.radios !== undefined) ap.radios = extra.radios;
  return ap;
}

/** The columns of a per-AP table indexed by the AP's MAC (Huawei, Ruijie, Aruba, Cisco). */
export interface MacTableColumns {
  readonly name: number;
  readonly model: number;
  readonly serial: number;
  readonly status: number;
  /** A client-count column, when the table has one. */
  readonly clients?: number;
  /** An AP-group column, when the table has one (Huawei .5, Ruijie .3). */
  readonly group?: number;
}

/** One AP from a row of a MAC-indexed table; online when the status equals `onlineValue`. */
export function apFromMacRow(
  table: Table,
  index: string,
  columns: MacTableColumns,
  onlineValue: number,
  clientsOf: (mac: string) => number | null = () => null,
): AccessPoint {
  const mac = macFromIndexPrefix(index);
  const status = cellNumber(table, columns.status, index);
  const clients =
    columns.clients !== undefined
      ? cellNumber(table, columns.clients, index)
      : mac === null
        ? null
        : clientsOf(mac);
  const group = columns.group;
  return accessPoint(
    {
      mac,
      name: cellText(table, columns.name, index),
      model: cellText(table, columns.model, index),
      serial: cellIdentifier(table, columns.serial, index),
      online: status === null ? null : status === onlineValue,
      clients,
    },
    group !== undefined && hasColumn(table, group)
      ? { apGroup: cellText(table, group, index) }
      : {},
  );
}

/** Every row of a MAC-indexed table as one AP. */
export function apsFromMacTable(
  table: Table,
  rows: readonly string[],
  columns: MacTableColumns,
  onlineValue: number,
  clientsOf?: (mac: string) => number | null,
): AccessPoint[] {
  return rows.map((index) => apFromMacRow(table, index, columns, onlineValue, clientsOf));
}

export function countWhere<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  let n = 0;
  for (const item of items) if (predicate(item)) n++;
  return n;
}
