import type { EntityInventory } from '@xiaowang/shared';
import { asNumber } from '../snmp/varbind.ts';
import type { Table } from '../snmp/walk-set.ts';
import { cellBytes, WalkSet } from '../snmp/walk-set.ts';
import { decodeText } from '../text/decode.ts';
import type { Check } from './check.ts';

const ENT_PHYSICAL_ENTRY = '1.3.6.1.2.1.47.1.1.1.1';

const COL = {
  descr: 2,
  containedIn: 4,
  class: 5,
  name: 7,
  hardwareRev: 8,
  firmwareRev: 9,
  softwareRev: 10,
  serialNum: 11,
  mfgName: 12,
  modelName: 13,
} as const;

const CLASS_CHASSIS = 3;
const CLASS_MODULE = 9;

const SELECTION = {
  chassis: 'entPhysicalClass chassis(3)',
  topLevel: 'no chassis(3) row in the walk; top-level row(s) with entPhysicalContainedIn = 0 used',
} as const;

/** One entPhysicalTable row with its text trimmed (J13); empty text is null. */
export interface PhysicalRow {
  readonly index: number;
  readonly containedIn: number | null;
  readonly physicalClass: number | null;
  readonly descr: string | null;
  readonly name: string | null;
  readonly hardwareRev: string | null;
  readonly firmwareRev: string | null;
  readonly softwareRev: string | null;
  readonly serial: string | null;
  readonly mfgName: string | null;
  readonly modelName: string | null;
}

// A module function, not a closure per row, so V8 optimises it once (docs/adr/0021).
function textAt(table: Table, col: number, index: string): string | null {
  const bytes = cellBytes(table, col, index);
  const value = bytes === undefined ? '' : decodeText(bytes).trim();
  return value === '' ? null : value;
}

function readRows(ws: WalkSet): PhysicalRow[] {
  const table = ws.table(ENT_PHYSICAL_ENTRY);
  const rows: PhysicalRow[] = [];
  for (const index of WalkSet.rowIndexes(table)) {
    if (!/^\d+$/.test(index)) continue;
    rows.push({
      index: Number(index),
      containedIn: asNumber(table.get(COL.containedIn)?.get(index)) ?? null,
      physicalClass: asNumber(table.get(COL.class)?.get(index)) ?? null,
      descr: textAt(table, COL.descr, index),
      name: textAt(table, COL.name, index),
      hardwareRev: textAt(table, COL.hardwareRev, index),
      firmwareRev: textAt(table, COL.firmwareRev, index),
      softwareRev: textAt(table, COL.softwareRev, index),
      serial: textAt(table, COL.serialNum, index),
      mfgName: textAt(table, COL.mfgName, index),
      modelName: textAt(table, COL.modelName, index),
    });
  }
  return rows.sort((a, b) => a.index - b.index);
}

/** Model: ModelName, else Name, else Descr. */
export function pickModel(row: PhysicalRow): string | null {
  return row.modelName ?? row.name ?? row.descr;
}

function pickFirmware(row: PhysicalRow): string | null {
  return row.softwareRev ?? row.firmwareRev;
}

/** Module rows anywhere below `root` (following entPhysicalContainedIn), by index. */
function findModulesInside(root: PhysicalRow, rows: readonly PhysicalRow[]): PhysicalRow[] {
  const inside = new Set<number>([root.index]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const row of rows) {
      if (row.containedIn !== null && inside.has(row.containedIn) && !inside.has(row.index)) {
        inside.add(row.index);
        grew = true;
      }
    }
  }
  return rows.filter(
    (r) => r.index !== root.index && inside.has(r.index) && r.physicalClass === CLASS_MODULE,
  );
}

interface Sourced {
  readonly value: string | null;
  readonly from: string | null;
}

/** The chosen row's own value, else the first module inside it that has one. */
function pickWithFallback(
  chosen: PhysicalRow,
  modules: readonly PhysicalRow[],
  pick: (row: PhysicalRow) => string | null,
  label: (row: PhysicalRow) => string,
): Sourced {
  const own = pick(chosen);
  if (own !== null) return { value: own, from: 'chassis' };
  for (const candidate of modules) {
    const value = pick(candidate);
    if (value !== null) return { value, from: label(candidate) };
  }
  return { value: null, from: null };
}

/** J13: the box's identity from entPhysicalTable, or null when nothing can stand for it. */
export function selectEntity(rows: readonly PhysicalRow[]): EntityInventory | null {
  const chassis = rows.filter((r) => r.physicalClass === CLASS_CHASSIS);
  const candidates = chassis.length > 0 ? chassis : rows.filter((r) => r.containedIn === 0);
  const chosen = candidates[0];
  if (chosen === undefined) return null;
  const modules = findModulesInside(chosen, rows);
  const serial = pickWithFallback(
    chosen,
    modules,
    (r) => r.serial,
    (r) =>
      r.name === null ? `entPhysicalIndex ${r.index}` : `entPhysicalIndex ${r.index} (${r.name})`,
  );
  const firmware = pickWithFallback(
    chosen,
    modules,
    pickFirmware,
    (r) => `entPhysicalIndex ${r.index}`,
  );
  const entity: EntityInventory = {
    entPhysicalIndex: chosen.index,
    model: pickModel(chosen),
    serial: serial.value,
    firmware: firmware.value,
    serialFrom: serial.from,
    firmwareFrom: firmware.from,
    descr: chosen.descr,
    name: chosen.name,
    mfgName: chosen.mfgName,
    hardwareRev: chosen.hardwareRev,
    firmwareRev: chosen.firmwareRev,
    softwareRev: chosen.softwareRev,
    selection: chassis.length > 0 ? SELECTION.chassis : SELECTION.topLevel,
    chassisCount: candidates.length,
  };
  if (candidates.length > 1) {
    entity.chassis = candidates.map((r) => ({
      entPhysicalIndex: r.index,
      model: pickModel(r),
      serial: r.serial,
    }));
  }
  return entity;
}

export function extractEntity(ws: WalkSet): EntityInventory | null {
  return selectEntity(readRows(ws));
}

export const entityCheck: Check<'entity'> = {
  part: 'entity',
  plan: () => ({
    scalars: [],
    subtrees: Object.values(COL).map((col) => `${ENT_PHYSICAL_ENTRY}.${col}`),
  }),
  extract: (ws) => ({ entity: extractEntity(ws) }),
};
