import type { AccessPoint } from '@xiaowang/shared';
import { compareOids } from '../../snmp/oid.ts';
import type { WalkSet } from '../../snmp/walk-set.ts';
import type { Table, WirelessFields, WirelessVendor } from './common.ts';
import {
  accessPoint,
  apFromMacRow,
  cellText,
  columnOids,
  countWhere,
  describeScalars,
  hasColumn,
  macFromIndexPrefix,
  scalarNumber,
  tableRows,
} from './common.ts';

/**
 * RUIJIE-AC-MGMT-MIB (compiled copy only; meanings read from names, mibs.md §6). The config
 * table may list only online APs, so it is merged by MAC with the offline table. State 1 =
 * online is our reading of the MIB, kept here and nowhere else.
 */
const CFG_ENTRY = '1.3.6.1.4.1.4881.1.1.10.2.56.2.1.1.1';
const CFG = { name: 2, group: 3, serial: 32, clients: 34, model: 39, state: 48 } as const;
/** The config table as the MAC-table reader names its columns: made once, not per AP. */
const CFG_COLUMNS = { ...CFG, status: CFG.state } as const;
const OFFLINE_ENTRY = '1.3.6.1.4.1.4881.1.1.10.2.56.2.1.5.1';
const OFFLINE = { name: 2, mac: 3 } as const;
const STATE_ONLINE = 1;
const AC = '1.3.6.1.4.1.4881.1.1.10.2.56.1.1';
const AP_NUM = `${AC}.11.0`;
const OFFLINE_AP_NUM = `${AC}.80.0`;
const TOTAL_AP_NUM = `${AC}.81.0`;
const SCALARS = [
  ['ruijieAcApNum', AP_NUM],
  ['ruijieAcOfflineApNum', OFFLINE_AP_NUM],
  ['ruijieAcTotalApNum', TOTAL_AP_NUM],
] as const;

function configuredAp(cfg: Table, index: string): AccessPoint {
  return apFromMacRow(cfg, index, CFG_COLUMNS, STATE_ONLINE);
}

function offlineOnlyAp(offline: Table, index: string, withGroup: boolean): AccessPoint {
  return accessPoint(
    {
      mac: macFromIndexPrefix(index),
      name: cellText(offline, OFFLINE.name, index),
      model: null,
      serial: null,
      online: false,
      clients: null,
    },
    withGroup ? { apGroup: null } : {},
  );
}

function fromTables(ws: WalkSet): WirelessFields | null {
  const cfg = tableRows(ws, CFG_ENTRY);
  const offline = tableRows(ws, OFFLINE_ENTRY);
  const configured = new Set(cfg.rows);
  const macs = [...new Set([...cfg.rows, ...offline.rows])].sort(compareOids);
  if (macs.length === 0) return null;
  const withGroup = hasColumn(cfg.table, CFG.group);
  const aps = macs.map((index) =>
    configured.has(index)
      ? configuredAp(cfg.table, index)
      : offlineOnlyAp(offline.table, index, withGroup),
  );
  const onlineFromState = hasColumn(cfg.table, CFG.state);
  return {
    apCount: aps.length,
    apsOnline: onlineFromState
      ? countWhere(aps, (ap) => ap.online === true)
      : scalarNumber(ws, AP_NUM),
    apSource: {
      kind: 'table',
      detail:
        `ruijieApCfgTable ${CFG_ENTRY} (${cfg.rows.length} rows) merged by MAC index with ` +
        `ruijieApOfflineTable ${OFFLINE_ENTRY} (${offline.rows.length} rows); ` +
        (onlineFromState
          ? 'online = ruijieApState (.48) 1, offline-table-only APs offline'
          : 'ruijieApState absent, online = ruijieAcApNum') +
        describeScalars(ws, SCALARS),
    },
    aps,
  };
}

function fromScalars(ws: WalkSet): WirelessFields | null {
  const online = scalarNumber(ws, AP_NUM);
  const offline = scalarNumber(ws, OFFLINE_AP_NUM);
  const total =
    scalarNumber(ws, TOTAL_AP_NUM) ??
    (online !== null && offline !== null ? online + offline : null);
  if (total === null && online === null) return null;
  return {
    apCount: total,
    apsOnline: online,
    apSource: {
      kind: 'scalar',
      detail:
        'ruijieApCfgTable and ruijieApOfflineTable absent; count = ruijieAcTotalApNum, ' +
        `online = ruijieAcApNum${describeScalars(ws, SCALARS)}`,
    },
    aps: null,
  };
}

export const ruijieWireless: WirelessVendor = {
  name: 'Ruijie',
  plan: {
    scalars: SCALARS.map(([, oid]) => oid),
    subtrees: [
      ...columnOids(CFG_ENTRY, Object.values(CFG)),
      ...columnOids(OFFLINE_ENTRY, Object.values(OFFLINE)),
    ],
  },
  extract: (ws) => fromTables(ws) ?? fromScalars(ws),
};
