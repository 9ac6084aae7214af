import type { Varbind } from '@xiaowang/shared/varbind';
import type { VarbindValue } from '../sim/ber.ts';
import { macBytes, macIndex, stringIndex } from './build.ts';
import type { AcVendor } from './vendors.ts';

/*
 * Per-AP tables of the three controller families county schools use, at the OIDs and with
 * the values of docs/mibs.md §6 (Huawei hwWlanApTable, H3C status/object/brief tables,
 * Ruijie config + offline tables). Every cell that depends on whether the AP is up is
 * returned twice, online and offline (undefined = the row is absent in that state), so a
 * simulator can switch APs on and off while it answers.
 */

export interface WalkAp {
  readonly mac: string;
  readonly name: string;
  readonly serial: string;
  readonly model: string;
  /** AP group: Huawei and Ruijie have a column for it; H3C has none. */
  readonly group: string;
  readonly clients: number;
}

/** A cell whose value follows the AP's state; undefined hides the OID in that state. */
export interface ApStateCell {
  readonly mac: string;
  readonly oid: string;
  readonly online: VarbindValue | undefined;
  readonly offline: VarbindValue | undefined;
}

/** A controller scalar counting APs in a state. */
export interface ApCountCell {
  readonly oid: string;
  readonly counts: 'online' | 'offline' | 'total' | 'zero';
}

export interface ApTables {
  /** Every AP online: what the controller answers when all is well. */
  readonly varbinds: Varbind[];
  readonly cells: readonly ApStateCell[];
  readonly counts: readonly ApCountCell[];
}

const utf8 = new TextEncoder();
const text = (s: string): VarbindValue => ({ type: 'OctetString', value: utf8.encode(s) });
const integer = (n: number): VarbindValue => ({ type: 'Integer', value: n });
const gauge = (n: number): VarbindValue => ({ type: 'Gauge32', value: n });
const octets = (b: Uint8Array): VarbindValue => ({ type: 'OctetString', value: b });

interface Cell {
  readonly oid: string;
  readonly online: VarbindValue | undefined;
  readonly offline: VarbindValue | undefined;
}

const fixed = (oid: string, value: VarbindValue): Cell => ({ oid, online: value, offline: value });

function assemble(
  aps: readonly WalkAp[],
  cellsOf: (ap: WalkAp) => Cell[],
  counts: ApCountCell[],
): ApTables {
  const varbinds: Varbind[] = [];
  const cells: ApStateCell[] = [];
  for (const ap of aps) {
    for (const cell of cellsOf(ap)) {
      if (cell.online !== undefined) varbinds.push({ ...cell.online, oid: cell.oid });
      if (cell.online !== cell.offline) cells.push({ mac: ap.mac, ...cell });
    }
  }
  for (const c of counts) {
    const n = c.counts === 'online' || c.counts === 'total' ? aps.length : 0;
    varbinds.push({ oid: c.oid, type: 'Integer', value: n });
  }
  return { varbinds, cells, counts };
}

const HUAWEI_AP = '1.3.6.1.4.1.2011.6.139.13.3.3.1';
const HUAWEI_JOINED = '1.3.6.1.4.1.2011.6.139.12.1.2.1.0';

/** hwWlanApTable by MAC; runState normal(8) when up, fault(4) when not; joined-AP scalar. */
function huaweiTables(aps: readonly WalkAp[]): ApTables {
  return assemble(
    aps,
    (ap) => {
      const i = macIndex(ap.mac);
      return [
        fixed(`${HUAWEI_AP}.2.${i}`, text(ap.serial)),
        fixed(`${HUAWEI_AP}.3.${i}`, text(ap.model)),
        fixed(`${HUAWEI_AP}.4.${i}`, text(ap.name)),
        fixed(`${HUAWEI_AP}.5.${i}`, text(ap.group)),
        { oid: `${HUAWEI_AP}.6.${i}`, online: integer(8), offline: integer(4) },
        { oid: `${HUAWEI_AP}.44.${i}`, online: integer(ap.clients), offline: integer(0) },
      ];
    },
    [{ oid: HUAWEI_JOINED, counts: 'online' }],
  );
}

const H3C = '1.3.6.1.4.1.25506.2.75';
const H3C_STATUS = `${H3C}.2.1.1.1`;
const H3C_OBJECT = `${H3C}.2.1.2.1`;
const H3C_BRIEF = `${H3C}.2.1.12.1`;

/**
 * H3C: the status table lists every AP (run(5) or join(1)), the object table only running
 * ones, the brief table (by AP name) every AP with run(1)/idle(2). The AP ID is its serial.
 */
function h3cTables(aps: readonly WalkAp[]): ApTables {
  return assemble(
    aps,
    (ap) => {
      const id = stringIndex(ap.serial);
      const byName = stringIndex(ap.name);
      const mac = octets(macBytes(ap.mac));
      return [
        fixed(`${H3C_STATUS}.3.${id}`, mac),
        { oid: `${H3C_STATUS}.4.${id}`, online: integer(5), offline: integer(1) },
        fixed(`${H3C_STATUS}.5.${id}`, text(ap.name)),
        { oid: `${H3C_OBJECT}.3.${id}`, online: mac, offline: undefined },
        { oid: `${H3C_OBJECT}.7.${id}`, online: gauge(ap.clients), offline: undefined },
        { oid: `${H3C_OBJECT}.8.${id}`, online: text(ap.name), offline: undefined },
        { oid: `${H3C_OBJECT}.9.${id}`, online: text(ap.model), offline: undefined },
        fixed(`${H3C_BRIEF}.2.${byName}`, text(ap.serial)),
        fixed(`${H3C_BRIEF}.3.${byName}`, text(ap.model)),
        fixed(`${H3C_BRIEF}.17.${byName}`, mac),
        { oid: `${H3C_BRIEF}.21.${byName}`, online: gauge(ap.clients), offline: gauge(0) },
        { oid: `${H3C_BRIEF}.25.${byName}`, online: integer(1), offline: integer(2) },
      ];
    },
    [
      { oid: `${H3C}.1.1.2.1.0`, counts: 'zero' },
      { oid: `${H3C}.1.1.2.21.0`, counts: 'online' },
    ],
  );
}

const RUIJIE_CFG = '1.3.6.1.4.1.4881.1.1.10.2.56.2.1.1.1';
const RUIJIE_OFFLINE = '1.3.6.1.4.1.4881.1.1.10.2.56.2.1.5.1';
const RUIJIE_AC = '1.3.6.1.4.1.4881.1.1.10.2.56.1.1';

/** Ruijie: an AP is a config-table row while up (state 1) and an offline-table row while down. */
function ruijieTables(aps: readonly WalkAp[]): ApTables {
  return assemble(
    aps,
    (ap) => {
      const i = macIndex(ap.mac);
      const up = (oid: string, value: VarbindValue): Cell => ({
        oid,
        online: value,
        offline: undefined,
      });
      const down = (oid: string, value: VarbindValue): Cell => ({
        oid,
        online: undefined,
        offline: value,
      });
      return [
        up(`${RUIJIE_CFG}.2.${i}`, text(ap.name)),
        up(`${RUIJIE_CFG}.3.${i}`, text(ap.group)),
        up(`${RUIJIE_CFG}.32.${i}`, text(ap.serial)),
        up(`${RUIJIE_CFG}.34.${i}`, integer(ap.clients)),
        up(`${RUIJIE_CFG}.39.${i}`, text(ap.model)),
        up(`${RUIJIE_CFG}.48.${i}`, integer(1)),
        down(`${RUIJIE_OFFLINE}.2.${i}`, text(ap.name)),
        down(`${RUIJIE_OFFLINE}.3.${i}`, octets(macBytes(ap.mac))),
      ];
    },
    [
      { oid: `${RUIJIE_AC}.11.0`, counts: 'online' },
      { oid: `${RUIJIE_AC}.80.0`, counts: 'offline' },
      { oid: `${RUIJIE_AC}.81.0`, counts: 'total' },
    ],
  );
}

export function apTables(vendor: AcVendor, aps: readonly WalkAp[]): ApTables {
  if (vendor === 'huawei') return huaweiTables(aps);
  if (vendor === 'h3c') return h3cTables(aps);
  return ruijieTables(aps);
}
