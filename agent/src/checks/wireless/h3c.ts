import type { AccessPoint } from '@xiaowang/shared';
import type { WalkSet } from '../../snmp/walk-set.ts';
import { decodeText } from '../../text/decode.ts';
import type { Table, WirelessFields, WirelessVendor } from './common.ts';
import {
  accessPoint,
  bytesFromStringIndex,
  cellIdentifier,
  cellMac,
  cellNonEmptyText,
  cellNumber,
  columnOids,
  countWhere,
  describeScalars,
  hasColumn,
  tableRows,
} from './common.ts';

/**
 * HH3C-DOT11-APMT-MIB under 25506.2.75, and the same tables of the pre-HH3C H3C-DOT11-APMT-MIB
 * under Huawei's 2011.10.2.75 (Huawei-3Com era firmware). Joins per synthetic-ac/README.md:
 * status table rows are the APs; object table (same index) then brief table (by MAC) fill in.
 */
export const H3C_ROOT = '1.3.6.1.4.1.25506.2.75';
export const H3C_OLD_ROOT = '1.3.6.1.4.1.2011.10.2.75';

const STATUS = { mac: 3, operStatus: 4, templateName: 5 } as const;
const OBJECT = { clients: 7, name: 8, model: 9 } as const;
const BRIEF = { serial: 2, model: 3, mac: 17, clients: 21 } as const;
const OPER_STATUS_RUN = 5;

interface H3cTree {
  readonly root: string;
  readonly withBrief: boolean;
}

const statusEntry = (root: string): string => `${root}.2.1.1.1`;
const objectEntry = (root: string): string => `${root}.2.1.2.1`;
const briefEntry = (root: string): string => `${root}.2.1.12.1`;
const connectingScalar = (root: string): string => `${root}.1.1.2.1.0`;
const connectedScalar = (root: string): string => `${root}.1.1.2.21.0`;

interface BriefRow {
  readonly index: string;
  readonly name: string | null;
}

/** Brief rows by MAC; the index is the AP name as `len.<bytes>` (bytes may exceed 127). */
function briefRowsByMac(brief: Table, rows: readonly string[]): Map<string, BriefRow> {
  const byMac = new Map<string, BriefRow>();
  for (const index of rows) {
    const mac = cellMac(brief, BRIEF.mac, index);
    if (mac === null || byMac.has(mac)) continue;
    const nameBytes = bytesFromStringIndex(index);
    byMac.set(mac, { index, name: nameBytes === null ? null : decodeText(nameBytes) });
  }
  return byMac;
}

function readAps(ws: WalkSet, tree: H3cTree): { aps: AccessPoint[]; online: number | null } | null {
  const status = tableRows(ws, statusEntry(tree.root));
  if (status.rows.length === 0) return null;
  const object = ws.table(objectEntry(tree.root));
  const brief = tree.withBrief ? tableRows(ws, briefEntry(tree.root)) : null;
  const briefByMac =
    brief === null ? new Map<string, BriefRow>() : briefRowsByMac(brief.table, brief.rows);
  const briefTable: Table = brief?.table ?? new Map();
  const aps = status.rows.map((index) => {
    const mac = cellMac(status.table, STATUS.mac, index);
    const briefRow = mac === null ? undefined : briefByMac.get(mac);
    const fromBrief = <T>(read: (row: BriefRow) => T | null): T | null =>
      briefRow === undefined ? null : read(briefRow);
    const state = cellNumber(status.table, STATUS.operStatus, index);
    return accessPoint({
      mac,
      name:
        cellNonEmptyText(object, OBJECT.name, index) ??
        fromBrief((row) => (row.name === '' ? null : row.name)) ??
        cellNonEmptyText(status.table, STATUS.templateName, index),
      model:
        cellNonEmptyText(object, OBJECT.model, index) ??
        fromBrief((row) => cellNonEmptyText(briefTable, BRIEF.model, row.index)),
      serial: fromBrief((row) => cellIdentifier(briefTable, BRIEF.serial, row.index)),
      online: state === null ? null : state === OPER_STATUS_RUN,
      clients:
        cellNumber(object, OBJECT.clients, index) ??
        fromBrief((row) => cellNumber(briefTable, BRIEF.clients, row.index)),
    });
  });
  const online = hasColumn(status.table, STATUS.operStatus)
    ? countWhere(aps, (ap) => ap.online === true)
    : null;
  return { aps, online };
}

function extractH3c(ws: WalkSet, tree: H3cTree): WirelessFields | null {
  const table = readAps(ws, tree);
  if (table === null) return null;
  const joins = tree.withBrief
    ? `hh3cDot11APObjectTable ${objectEntry(tree.root)} (same index), hh3cDot11ApBriefInfoTable ${briefEntry(tree.root)} (by MAC)`
    : `hh3cDot11APObjectTable ${objectEntry(tree.root)} (same index)`;
  const scalars = describeScalars(ws, [
    ['hh3cDot11APConnectCount', connectingScalar(tree.root)],
    ['hh3cDot11TotalAPconnected', connectedScalar(tree.root)],
  ]);
  return {
    apCount: table.aps.length,
    apsOnline: table.online,
    apSource: {
      kind: 'table',
      detail:
        `hh3cDot11APObjectStatusTable ${statusEntry(tree.root)}, APs counted by index hh3cDot11APID; ` +
        `online = hh3cDot11APOperationStatus (.4) run(5); joined with ${joins}${scalars}`,
    },
    aps: table.aps,
  };
}

function createH3cVendor(name: string, tree: H3cTree): WirelessVendor {
  const subtrees = [
    columnOids(statusEntry(tree.root), Object.values(STATUS)),
    columnOids(objectEntry(tree.root), Object.values(OBJECT)),
    tree.withBrief ? columnOids(briefEntry(tree.root), Object.values(BRIEF)) : [],
  ].flat();
  return {
    name,
    plan: { scalars: [connectingScalar(tree.root), connectedScalar(tree.root)], subtrees },
    extract: (ws) => extractH3c(ws, tree),
  };
}

export const h3cWireless = createH3cVendor('H3C', { root: H3C_ROOT, withBrief: true });

/** The brief table arrived in the 2018 HH3C MIB, so the old tree has none. */
export const h3cOldTreeWireless = createH3cVendor('H3C (2011.10 tree)', {
  root: H3C_OLD_ROOT,
  withBrief: false,
});
