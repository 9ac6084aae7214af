import { asNumber } from '../../snmp/varbind.ts';
import type { WalkSet } from '../../snmp/walk-set.ts';
import type { Table, WirelessFields, WirelessVendor } from './common.ts';
import {
  apsFromMacTable,
  columnOids,
  countWhere,
  hasColumn,
  macFromIndexPrefix,
  scalarNumber,
  tableRows,
} from './common.ts';

/** AIRESPACE-WIRELESS-MIB bsnAPTable, index bsnAPDot3MacAddress `<6 octets>` (mibs.md §6). */
const AP_ENTRY = '1.3.6.1.4.1.14179.2.2.1.1';
const AP = { name: 3, status: 6, model: 16, serial: 17 } as const;
const ASSOCIATED = 1;
/** bsnAPIfLoadParametersTable, index `<6 octets>.<slot>`: .4 clients per radio. */
const LOAD_ENTRY = '1.3.6.1.4.1.14179.2.2.13.1';
const LOAD_CLIENTS = 4;
/** CISCO-LWAPP-SYS-MIB clsSysApConnectCount: APs joined to the WLC. */
const AP_CONNECT_COUNT = '1.3.6.1.4.1.9.9.618.1.8.4.0';

/** Clients summed over each AP's radio slots, keyed by AP MAC. */
function clientsPerAp(load: Table): Map<string, number> {
  const sums = new Map<string, number>();
  for (const [index, vb] of load.get(LOAD_CLIENTS) ?? []) {
    const mac = macFromIndexPrefix(index);
    const clients = asNumber(vb);
    if (mac === null || clients === undefined) continue;
    sums.set(mac, (sums.get(mac) ?? 0) + clients);
  }
  return sums;
}

function extractCisco(ws: WalkSet): WirelessFields | null {
  const connected = scalarNumber(ws, AP_CONNECT_COUNT);
  const scalarText =
    connected === null ? '' : `; clsSysApConnectCount ${AP_CONNECT_COUNT} = ${connected}`;
  const { table, rows } = tableRows(ws, AP_ENTRY);
  if (rows.length === 0) {
    if (connected === null) return null;
    return {
      apCount: connected,
      apsOnline: connected,
      apSource: {
        kind: 'scalar',
        detail: `bsnAPTable absent; count and online from clsSysApConnectCount ${AP_CONNECT_COUNT} = ${connected}`,
      },
      aps: null,
    };
  }
  const clients = clientsPerAp(ws.table(LOAD_ENTRY));
  const aps = apsFromMacTable(table, rows, AP, ASSOCIATED, (mac) => clients.get(mac) ?? null);
  const withStatus = hasColumn(table, AP.status);
  return {
    apCount: aps.length,
    apsOnline: withStatus ? countWhere(aps, (ap) => ap.online === true) : connected,
    apSource: {
      kind: 'table',
      detail:
        `bsnAPTable ${AP_ENTRY}, APs counted by index bsnAPDot3MacAddress; ` +
        (withStatus
          ? 'online = bsnAPOperationStatus (.6) associated(1)'
          : 'bsnAPOperationStatus absent, online = clsSysApConnectCount') +
        `; clients = bsnAPIfLoadNumOfClients ${LOAD_ENTRY}.${LOAD_CLIENTS} summed per AP${scalarText}`,
    },
    aps,
  };
}

export const ciscoWireless: WirelessVendor = {
  name: 'Cisco',
  plan: {
    scalars: [AP_CONNECT_COUNT],
    subtrees: [...columnOids(AP_ENTRY, Object.values(AP)), `${LOAD_ENTRY}.${LOAD_CLIENTS}`],
  },
  extract: extractCisco,
};
