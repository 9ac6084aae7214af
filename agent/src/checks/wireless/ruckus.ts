import { asNumber } from '../../snmp/varbind.ts';
import type { WalkSet } from '../../snmp/walk-set.ts';
import type { WirelessFields, WirelessVendor } from './common.ts';
import {
  accessPoint,
  cellIdentifier,
  cellNumber,
  cellText,
  columnOids,
  countWhere,
  hasColumn,
  macFromMacIndex,
  scalarNumber,
  tableRows,
} from './common.ts';

/**
 * RUCKUS-ZD-WLAN-MIB ruckusZDWLANAPTable (columns from the MIB, not in our walks). Its MAC
 * index is read both bare and length-prefixed, as public ZD plugins walk it with a `6.`.
 */
const ZD_AP_ENTRY = '1.3.6.1.4.1.25053.1.2.2.1.1.2.1.1';
const ZD_AP = { name: 2, status: 3, model: 4, serial: 5, clients: 15 } as const;
const ZD_CONNECTED = 1;
/** RUCKUS-ZD-SYSTEM-MIB: APs connected, and all registered APs. */
const ZD_NUM_AP = '1.3.6.1.4.1.25053.1.2.1.1.1.15.1.0';
const ZD_NUM_REGISTERED_AP = '1.3.6.1.4.1.25053.1.2.1.1.1.15.15.0';
/** SmartZone: all APs; connected = sum over cluster nodes of NodeNumApConnected (.19). */
const SZ_NUM_AP = '1.3.6.1.4.1.25053.1.4.1.1.1.15.1.0';
const SZ_NODE_AP_CONNECTED = '1.3.6.1.4.1.25053.1.8.1.1.1.1.1.1.19';
/** Unleashed: number of APs, used for both figures. */
const UNLEASHED_NUM_AP = '1.3.6.1.4.1.25053.1.15.1.1.1.15.1.0';

function fromZdTable(ws: WalkSet): WirelessFields | null {
  const { table, rows } = tableRows(ws, ZD_AP_ENTRY);
  if (rows.length === 0) return null;
  const aps = rows.map((index) => {
    const status = cellNumber(table, ZD_AP.status, index);
    return accessPoint({
      mac: macFromMacIndex(index),
      name: cellText(table, ZD_AP.name, index),
      model: cellText(table, ZD_AP.model, index),
      serial: cellIdentifier(table, ZD_AP.serial, index),
      online: status === null ? null : status === ZD_CONNECTED,
      clients: cellNumber(table, ZD_AP.clients, index),
    });
  });
  const withStatus = hasColumn(table, ZD_AP.status);
  return {
    apCount: aps.length,
    apsOnline: withStatus
      ? countWhere(aps, (ap) => ap.online === true)
      : scalarNumber(ws, ZD_NUM_AP),
    apSource: {
      kind: 'table',
      detail:
        `ruckusZDWLANAPTable ${ZD_AP_ENTRY}, APs counted by MAC index; ` +
        (withStatus
          ? 'online = ruckusZDWLANAPStatus (.3) connected(1)'
          : `status absent, online = ruckusZDSystemStatsNumAP ${ZD_NUM_AP}`),
    },
    aps,
  };
}

function fromZdScalars(ws: WalkSet): WirelessFields | null {
  const connected = scalarNumber(ws, ZD_NUM_AP);
  const registered = scalarNumber(ws, ZD_NUM_REGISTERED_AP);
  if (connected === null && registered === null) return null;
  return {
    apCount: registered ?? connected,
    apsOnline: connected,
    apSource: {
      kind: 'scalar',
      detail:
        'no per-AP table (ruckusZDWLANAPTable absent); count = ruckusZDSystemStatsNumRegisteredAP ' +
        `${ZD_NUM_REGISTERED_AP} = ${registered ?? 'absent'} (else NumAP), online = ` +
        `ruckusZDSystemStatsNumAP ${ZD_NUM_AP} = ${connected ?? 'absent'}`,
    },
    aps: null,
  };
}

function sumOfNodes(ws: WalkSet): { sum: number | null; nodes: number } {
  let sum: number | null = null;
  let nodes = 0;
  for (const vb of ws.subtree(SZ_NODE_AP_CONNECTED)) {
    const value = asNumber(vb);
    if (value === undefined) continue;
    sum = (sum ?? 0) + value;
    nodes++;
  }
  return { sum, nodes };
}

function fromSmartZone(ws: WalkSet): WirelessFields | null {
  const total = scalarNumber(ws, SZ_NUM_AP);
  if (total === null) return null;
  const connected = sumOfNodes(ws);
  return {
    apCount: total,
    apsOnline: connected.sum,
    apSource: {
      kind: 'scalar',
      detail:
        `no per-AP table; count = ruckusSZSystemStatsNumAP ${SZ_NUM_AP} = ${total}; online = ` +
        `sum of ruckusCtrlSystemNodeNumApConnected ${SZ_NODE_AP_CONNECTED} over ` +
        `${connected.nodes} node(s) = ${connected.sum ?? 'absent'}`,
    },
    aps: null,
  };
}

function fromUnleashed(ws: WalkSet): WirelessFields | null {
  const count = scalarNumber(ws, UNLEASHED_NUM_AP);
  if (count === null) return null;
  return {
    apCount: count,
    apsOnline: count,
    apSource: {
      kind: 'scalar',
      detail: `no per-AP table; count and online from Unleashed NumAP ${UNLEASHED_NUM_AP} = ${count}`,
    },
    aps: null,
  };
}

export const ruckusWireless: WirelessVendor = {
  name: 'Ruckus',
  plan: {
    scalars: [ZD_NUM_AP, ZD_NUM_REGISTERED_AP, SZ_NUM_AP, UNLEASHED_NUM_AP],
    subtrees: [...columnOids(ZD_AP_ENTRY, Object.values(ZD_AP)), SZ_NODE_AP_CONNECTED],
  },
  extract: (ws) => fromZdTable(ws) ?? fromZdScalars(ws) ?? fromSmartZone(ws) ?? fromUnleashed(ws),
};
