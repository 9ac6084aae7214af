import type { AccessPoint } from '@xiaowang/shared';
import { asBytes, asNumber } from '../../snmp/varbind.ts';
import type { WalkSet } from '../../snmp/walk-set.ts';
import { decodeText } from '../../text/decode.ts';
import type { Table, WirelessFields, WirelessVendor } from './common.ts';
import {
  accessPoint,
  apsFromMacTable,
  columnOids,
  countWhere,
  describeScalars,
  hasColumn,
  macFromIndexPrefix,
  tableRows,
} from './common.ts';

/** WLSX-WLAN-MIB wlsxWlanAPTable (controller), index `<6 octets>` (mibs.md §6). */
const AP_ENTRY = '1.3.6.1.4.1.14823.2.2.1.5.2.1.4.1';
const AP = { name: 3, serial: 6, model: 13, status: 19 } as const;
/** wlsxWlanRadioTable, index `<6 octets>.<radio>`: one row per radio, never per AP. */
const RADIO_ENTRY = '1.3.6.1.4.1.14823.2.2.1.5.2.1.5.1';
const RADIO = { clients: 7, apName: 16 } as const;
/** AI-AP-MIB aiAccessPointTable (Instant virtual controller), index `<6 octets>`. */
const INSTANT_ENTRY = '1.3.6.1.4.1.14823.2.3.3.1.2.1.1';
const INSTANT = { name: 2, serial: 4, model: 6, status: 11 } as const;
const STATUS_UP = 1;
/** wlsxSwitchTotalNumAccessPoints: about twice the APs on arubaos; reported, never counted. */
const TOTAL_APS = '1.3.6.1.4.1.14823.2.2.1.1.3.1.0';
const SCALARS = [['wlsxSwitchTotalNumAccessPoints', TOTAL_APS]] as const;

interface RadioSummary {
  radios: number;
  clients: number | null;
  name: string | null;
}

/** Radio rows folded per AP MAC, in index order (so the first radio names the AP). */
function radiosPerAp(radio: Table, rows: readonly string[]): Map<string, RadioSummary> {
  const perAp = new Map<string, RadioSummary>();
  for (const index of rows) {
    const mac = macFromIndexPrefix(index);
    if (mac === null) continue;
    const summary = perAp.get(mac) ?? { radios: 0, clients: null, name: null };
    summary.radios++;
    const clients = asNumber(radio.get(RADIO.clients)?.get(index));
    if (clients !== undefined) summary.clients = (summary.clients ?? 0) + clients;
    const nameBytes = asBytes(radio.get(RADIO.apName)?.get(index));
    if (summary.name === null && nameBytes !== undefined) summary.name = decodeText(nameBytes);
    perAp.set(mac, summary);
  }
  return perAp;
}

function fromApTable(ws: WalkSet, radios: Map<string, RadioSummary>): WirelessFields | null {
  const { table, rows } = tableRows(ws, AP_ENTRY);
  if (rows.length === 0) return null;
  const aps = apsFromMacTable(
    table,
    rows,
    AP,
    STATUS_UP,
    (mac) => radios.get(mac)?.clients ?? null,
  );
  const withStatus = hasColumn(table, AP.status);
  return {
    apCount: aps.length,
    apsOnline: withStatus ? countWhere(aps, (ap) => ap.online === true) : null,
    apSource: {
      kind: 'table',
      detail:
        `wlsxWlanAPTable ${AP_ENTRY}, APs counted by index wlanAPMacAddress; ` +
        (withStatus ? 'online = wlanAPStatus (.19) up(1)' : 'no status column, online unknown') +
        `; clients summed from wlsxWlanRadioTable ${RADIO_ENTRY}.${RADIO.clients}` +
        describeScalars(ws, SCALARS),
    },
    aps,
  };
}

function fromRadioTable(ws: WalkSet, radios: Map<string, RadioSummary>): WirelessFields | null {
  if (radios.size === 0) return null;
  const aps: AccessPoint[] = [...radios].map(([mac, summary]) =>
    accessPoint(
      {
        mac,
        name: summary.name,
        model: null,
        serial: null,
        online: null,
        clients: summary.clients,
      },
      { radios: summary.radios },
    ),
  );
  return {
    apCount: aps.length,
    apsOnline: null,
    apSource: {
      kind: 'radioTable',
      detail:
        `wlsxWlanAPTable absent; APs = distinct AP MACs in wlsxWlanRadioTable ${RADIO_ENTRY}; ` +
        'clients = wlanAPRadioNumAssociatedClients (.7) summed per AP; no status column, ' +
        `online unknown${describeScalars(ws, SCALARS)}`,
    },
    aps,
  };
}

function fromInstantTable(ws: WalkSet): WirelessFields | null {
  const { table, rows } = tableRows(ws, INSTANT_ENTRY);
  if (rows.length === 0) return null;
  const aps = apsFromMacTable(table, rows, INSTANT, STATUS_UP);
  const withStatus = hasColumn(table, INSTANT.status);
  return {
    apCount: aps.length,
    apsOnline: withStatus ? countWhere(aps, (ap) => ap.online === true) : null,
    apSource: {
      kind: 'table',
      detail:
        `aiAccessPointTable ${INSTANT_ENTRY}, APs counted by index aiAPMACAddress; ` +
        (withStatus ? 'online = aiAPStatus (.11) up(1)' : 'no status column, online unknown'),
    },
    aps,
  };
}

function extractAruba(ws: WalkSet): WirelessFields | null {
  const radio = tableRows(ws, RADIO_ENTRY);
  const radios = radiosPerAp(radio.table, radio.rows);
  return fromApTable(ws, radios) ?? fromRadioTable(ws, radios) ?? fromInstantTable(ws);
}

export const arubaWireless: WirelessVendor = {
  name: 'Aruba',
  plan: {
    scalars: [TOTAL_APS],
    subtrees: [
      ...columnOids(AP_ENTRY, Object.values(AP)),
      ...columnOids(RADIO_ENTRY, Object.values(RADIO)),
      ...columnOids(INSTANT_ENTRY, Object.values(INSTANT)),
    ],
  },
  extract: extractAruba,
};
