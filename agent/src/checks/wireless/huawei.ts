import type { AccessPoint } from '@xiaowang/shared';
import type { WalkSet } from '../../snmp/walk-set.ts';
import type { WirelessFields, WirelessVendor } from './common.ts';
import {
  apsFromMacTable,
  columnOids,
  countWhere,
  hasColumn,
  scalarNumber,
  tableRows,
} from './common.ts';

/** HUAWEI-WLAN-AP-MIB hwWlanApTable, index hwWlanApMac `<6 octets>` (mibs.md §6). */
const AP_ENTRY = '1.3.6.1.4.1.2011.6.139.13.3.3.1';
const COL = { serial: 2, model: 3, name: 4, group: 5, runState: 6, clients: 44 } as const;
/** The table as the MAC-table reader names its columns: made once, not per call. */
const COLUMNS = { ...COL, status: COL.runState } as const;
/** HUAWEI-WLAN-GLOBAL-MIB hwWlanCurJointApNum: APs currently joined to the AC. */
const CUR_JOINT_AP_NUM = '1.3.6.1.4.1.2011.6.139.12.1.2.1.0';
const RUN_STATE_NORMAL = 8;

function readAps(ws: WalkSet): { aps: AccessPoint[]; online: number | null } | null {
  const { table, rows } = tableRows(ws, AP_ENTRY);
  if (rows.length === 0) return null;
  const aps = apsFromMacTable(table, rows, COLUMNS, RUN_STATE_NORMAL);
  const online = hasColumn(table, COL.runState)
    ? countWhere(aps, (ap) => ap.online === true)
    : null;
  return { aps, online };
}

function extractHuawei(ws: WalkSet): WirelessFields | null {
  const joined = scalarNumber(ws, CUR_JOINT_AP_NUM);
  const scalarText = joined === null ? '' : `; hwWlanCurJointApNum ${CUR_JOINT_AP_NUM} = ${joined}`;
  const table = readAps(ws);
  if (table !== null) {
    const onlineText =
      table.online !== null
        ? 'online = hwWlanApRunState (.6) normal(8)'
        : 'hwWlanApRunState absent, online = hwWlanCurJointApNum';
    return {
      apCount: table.aps.length,
      apsOnline: table.online ?? joined,
      apSource: {
        kind: 'table',
        detail: `hwWlanApTable ${AP_ENTRY}, APs counted by index hwWlanApMac; ${onlineText}${scalarText}`,
      },
      aps: table.aps,
    };
  }
  if (joined === null) return null;
  return {
    apCount: joined,
    apsOnline: joined,
    apSource: {
      kind: 'scalar',
      detail: `hwWlanApTable absent; count and online from hwWlanCurJointApNum ${CUR_JOINT_AP_NUM} = ${joined}`,
    },
    aps: null,
  };
}

export const huaweiWireless: WirelessVendor = {
  name: 'Huawei',
  plan: {
    scalars: [CUR_JOINT_AP_NUM],
    subtrees: columnOids(AP_ENTRY, Object.values(COL)),
  },
  extract: extractHuawei,
};
