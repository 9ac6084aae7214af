import type { LldpNeighbor } from '@xiaowang/shared';
import { parseOid } from '../snmp/oid.ts';
import type { Table } from '../snmp/walk-set.ts';
import { cellBytes, cellNumber, WalkSet } from '../snmp/walk-set.ts';
import { decodeText, formatMac, isPrintable, toHex } from '../text/decode.ts';
import type { Check } from './check.ts';
import { formatIpv6 } from './ipv6-address.ts';
import { LLDP_REM_MAN_ADDR_IF_SUBTYPE, readManagementAddresses } from './lldp-management.ts';

const LLDP_REM_ENTRY = '1.0.8802.1.1.2.1.4.1.1';
const LLDP_LOC_PORT_ENTRY = '1.0.8802.1.1.2.1.3.7.1';
const IF_ENTRY = '1.3.6.1.2.1.2.2.1';
const IFX_ENTRY = '1.3.6.1.2.1.31.1.1.1';
const IF_DESCR_COL = 2;
const IF_NAME_COL = 1;
const IF_NAME = `${IFX_ENTRY}.${IF_NAME_COL}`;
const IF_DESCR = `${IF_ENTRY}.${IF_DESCR_COL}`;

const REM_COL = {
  chassisIdSubtype: 4,
  chassisId: 5,
  portIdSubtype: 6,
  portId: 7,
  portDesc: 8,
  sysName: 9,
  capSupported: 11,
  capEnabled: 12,
} as const;
const LOC_COL = { portId: 3, portDesc: 4 } as const;

/** The subtype numbers meaning "MAC address" and "network address" for each id kind. */
export interface IdSubtypes {
  readonly mac: number;
  readonly network: number;
}
export const CHASSIS_ID_SUBTYPES: IdSubtypes = { mac: 4, network: 5 };
export const PORT_ID_SUBTYPES: IdSubtypes = { mac: 3, network: 4 };

const CAPABILITY_BITS = [
  'other',
  'repeater',
  'bridge',
  'wlanAccessPoint',
  'router',
  'telephone',
  'docsisCableDevice',
  'stationOnly',
  'cVLANComponent',
  'sVLANComponent',
  'twoPortMACRelay',
] as const;

const RESOLVED_BY = {
  portId: 'lldpLocPortId=ifName/ifDescr',
  portDesc: 'lldpLocPortDesc=ifName/ifDescr',
  portNum: 'lldpRemLocalPortNum taken as ifIndex',
} as const;

/** BITS: the most significant bit of the first octet is bit 0; unknown bits are dropped. */
export function decodeCapabilities(bytes: Uint8Array): string[] {
  const out: string[] = [];
  for (let bit = 0; bit < CAPABILITY_BITS.length; bit++) {
    const name = CAPABILITY_BITS[bit];
    if (name !== undefined && ((bytes[bit >> 3] ?? 0) & (0x80 >> (bit & 7))) !== 0) out.push(name);
  }
  return out;
}

function formatNetworkAddress(bytes: Uint8Array): string | undefined {
  const [family, ...address] = bytes;
  if (family === 1 && address.length === 4) return address.join('.');
  if (family === 2 && address.length === 16) return formatIpv6(address);
  return undefined;
}

/** J12 ids: a 6-byte MAC as aa:bb:…, a network address as IP text, else text or hex. */
export function decodeLldpId(
  bytes: Uint8Array,
  subtype: number | undefined,
  kinds: IdSubtypes,
): string {
  if (subtype === kinds.mac && bytes.length === 6) return formatMac(bytes) ?? '';
  const address = subtype === kinds.network ? formatNetworkAddress(bytes) : undefined;
  if (address !== undefined) return address;
  const text = decodeText(bytes);
  return isPrintable(text) ? text : toHex(bytes);
}

export interface LocalInterface {
  readonly ifIndex: number;
  readonly ifName: string | null;
  readonly ifDescr: string | null;
}

function dropEmpty(text: string | null | undefined): string | null {
  return text === undefined || text === null || text === '' ? null : text;
}

/**
 * One column's text by ifIndex, read through the table view the interfaces check builds
 * too (WalkSet keeps it), not as a subtree: no OID text is made or parsed per value, and
 * a loop rather than forEach, so no closure per device (docs/adr/0021).
 */
function readColumnText(ws: WalkSet, entry: string, column: number): Map<number, string> {
  const out = new Map<number, string>();
  const table = ws.table(entry);
  for (const index of table.get(column)?.keys() ?? []) {
    // ifIndex is one sub-identifier; anything else is not an interface row.
    if (index.includes('.')) continue;
    const bytes = cellBytes(table, column, index);
    if (bytes !== undefined) out.set(Number(index), decodeText(bytes));
  }
  return out;
}

function readLocalInterfaces(ws: WalkSet): LocalInterface[] {
  const names = readColumnText(ws, IFX_ENTRY, IF_NAME_COL);
  const descrs = readColumnText(ws, IF_ENTRY, IF_DESCR_COL);
  const indexes = new Set(names.keys());
  for (const ifIndex of descrs.keys()) indexes.add(ifIndex);
  const out: LocalInterface[] = [];
  for (const ifIndex of [...indexes].sort(byNumber)) {
    out.push({ ifIndex, ifName: names.get(ifIndex) ?? null, ifDescr: descrs.get(ifIndex) ?? null });
  }
  return out;
}

const byNumber = (a: number, b: number): number => a - b;

export type LocalPort = Pick<LldpNeighbor, 'localPort' | 'localIfIndex' | 'localPortResolvedBy'>;

function findByName(text: string, ifaces: readonly LocalInterface[]): LocalInterface | undefined {
  for (const iface of ifaces) if (iface.ifName === text) return iface;
  for (const iface of ifaces) if (iface.ifDescr === text) return iface;
  return undefined;
}

function foundPort(iface: LocalInterface, by: string, locPortId: string | null): LocalPort {
  return {
    localPort: dropEmpty(iface.ifName) ?? dropEmpty(iface.ifDescr) ?? dropEmpty(locPortId),
    localIfIndex: iface.ifIndex,
    localPortResolvedBy: by,
  };
}

/** J12 order: lldpLocPortId, then lldpLocPortDesc, to ifName/ifDescr; then the number. */
export function resolveLocalPort(
  portNum: number,
  locPortId: string | null,
  locPortDesc: string | null,
  ifaces: readonly LocalInterface[],
): LocalPort {
  const portId = dropEmpty(locPortId);
  const byPortId = portId === null ? undefined : findByName(portId, ifaces);
  if (byPortId !== undefined) return foundPort(byPortId, RESOLVED_BY.portId, locPortId);
  const portDesc = dropEmpty(locPortDesc);
  const byPortDesc = portDesc === null ? undefined : findByName(portDesc, ifaces);
  if (byPortDesc !== undefined) return foundPort(byPortDesc, RESOLVED_BY.portDesc, locPortId);
  for (const iface of ifaces) {
    if (iface.ifIndex === portNum) return foundPort(iface, RESOLVED_BY.portNum, locPortId);
  }
  return { localPort: dropEmpty(locPortId), localIfIndex: null, localPortResolvedBy: null };
}

interface RemIndex {
  readonly text: string;
  readonly timeMark: number;
  readonly portNum: number;
  readonly remIndex: number;
}

function listRemoteIndexes(table: ReturnType<WalkSet['table']>): RemIndex[] {
  const out: RemIndex[] = [];
  for (const text of WalkSet.rowIndexes(table)) {
    const [timeMark, portNum, remIndex, ...extra] = parseOid(text);
    if (timeMark === undefined || portNum === undefined || remIndex === undefined) continue;
    if (extra.length === 0) out.push({ text, timeMark, portNum, remIndex });
  }
  return out.sort(
    (a, b) => a.portNum - b.portNum || a.remIndex - b.remIndex || a.timeMark - b.timeMark,
  );
}

export function extractLldp(ws: WalkSet): LldpNeighbor[] {
  const rem = ws.table(LLDP_REM_ENTRY);
  const rows = listRemoteIndexes(rem);
  // Without neighbours there is nothing to resolve: the interface names go unread.
  if (rows.length === 0) return [];
  const loc = ws.table(LLDP_LOC_PORT_ENTRY);
  const ifaces = readLocalInterfaces(ws);
  const managed = readManagementAddresses(ws);
  const out: LldpNeighbor[] = [];
  for (const row of rows) {
    const port = String(row.portNum);
    const at = row.text;
    const local = resolveLocalPort(
      row.portNum,
      textAt(loc, LOC_COL.portId, port),
      textAt(loc, LOC_COL.portDesc, port),
      ifaces,
    );
    // Fields named rather than spread in, so every neighbour is built with one shape.
    const neighbor: LldpNeighbor = {
      localPortNum: row.portNum,
      localPort: local.localPort,
      localIfIndex: local.localIfIndex,
      localPortResolvedBy: local.localPortResolvedBy,
      remoteChassisId: idAt(
        rem,
        REM_COL.chassisId,
        REM_COL.chassisIdSubtype,
        at,
        CHASSIS_ID_SUBTYPES,
      ),
      remoteSysName: textAt(rem, REM_COL.sysName, at),
      remotePortId: idAt(rem, REM_COL.portId, REM_COL.portIdSubtype, at, PORT_ID_SUBTYPES),
      remotePortIdSubtype: cellNumber(rem, REM_COL.portIdSubtype, at) ?? null,
      remotePortDesc: textAt(rem, REM_COL.portDesc, at),
      remoteCapabilities: capsAt(rem, REM_COL.capEnabled, at),
      remoteCapabilitiesSupported: capsAt(rem, REM_COL.capSupported, at),
    };
    if (managed !== undefined) {
      neighbor.remoteManagementAddress = managed.forRow(row.timeMark, row.portNum, row.remIndex);
    }
    out.push(neighbor);
  }
  return out;
}

// Module functions, not closures per neighbour, so V8 optimises them once (docs/adr/0021).
function textAt(table: Table, col: number, index: string): string | null {
  const bytes = cellBytes(table, col, index);
  return bytes === undefined ? null : decodeText(bytes);
}

function idAt(
  table: Table,
  col: number,
  subtypeCol: number,
  index: string,
  kinds: IdSubtypes,
): string | null {
  const bytes = cellBytes(table, col, index);
  return bytes === undefined
    ? null
    : decodeLldpId(bytes, cellNumber(table, subtypeCol, index), kinds);
}

function capsAt(table: Table, col: number, index: string): string[] | null {
  const bytes = cellBytes(table, col, index);
  return bytes === undefined ? null : decodeCapabilities(bytes);
}

export const lldpCheck: Check<'lldpNeighbors'> = {
  part: 'lldp',
  plan: () => ({
    scalars: [],
    subtrees: [
      LLDP_REM_ENTRY,
      LLDP_REM_MAN_ADDR_IF_SUBTYPE,
      LLDP_LOC_PORT_ENTRY,
      IF_NAME,
      IF_DESCR,
    ],
  }),
  extract: (ws) => ({ lldpNeighbors: extractLldp(ws) }),
};
