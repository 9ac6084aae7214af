import type { Varbind } from '@xiaowang/shared/varbind';
import {
  bytes,
  counter32,
  counter64,
  gauge,
  int,
  macBytes,
  objectId,
  str,
  ticks,
} from './build.ts';

/*
 * The standard MIB groups every simulated device answers, laid out as docs/mibs.md §1–§5
 * describe them: system, IF-MIB (ifTable + ifXTable), IP-MIB ipAddressTable, LLDP-MIB and
 * ENTITY-MIB. Each returns static varbinds; the demo puts providers on the moving ones.
 */

export const OID = {
  sysUpTime: '1.3.6.1.2.1.1.3.0',
  ifOperStatus: '1.3.6.1.2.1.2.2.1.8',
  ifInOctets: '1.3.6.1.2.1.2.2.1.10',
  ifOutOctets: '1.3.6.1.2.1.2.2.1.16',
  ifHCInOctets: '1.3.6.1.2.1.31.1.1.1.6',
  ifHCOutOctets: '1.3.6.1.2.1.31.1.1.1.10',
  ifHighSpeed: '1.3.6.1.2.1.31.1.1.1.15',
} as const;

const SYS = '1.3.6.1.2.1.1';
const IF = '1.3.6.1.2.1.2.2.1';
const IFX = '1.3.6.1.2.1.31.1.1.1';
const IPADDR = '1.3.6.1.2.1.4.34.1';
const LLDP_LOC = '1.0.8802.1.1.2.1.3.7.1';
const LLDP_REM = '1.0.8802.1.1.2.1.4.1.1';
const ENT = '1.3.6.1.2.1.47.1.1.1.1';

export interface SystemInfo {
  readonly descr: string;
  readonly objectId: string;
  readonly name: string;
  readonly location: string;
  readonly contact: string;
  readonly upTicks: number;
}

export function systemGroup(s: SystemInfo): Varbind[] {
  return [
    str(`${SYS}.1.0`, s.descr),
    objectId(`${SYS}.2.0`, s.objectId),
    ticks(`${SYS}.3.0`, s.upTicks),
    str(`${SYS}.4.0`, s.contact),
    str(`${SYS}.5.0`, s.name),
    str(`${SYS}.6.0`, s.location),
  ];
}

export interface PortRow {
  readonly ifIndex: number;
  readonly name: string;
  readonly alias: string;
  /** IANAifType: 6 ethernet, 24 loopback, 53 propVirtual (VLAN interfaces). */
  readonly type: number;
  readonly mbps: number;
  readonly up: boolean;
  readonly mac: string | null;
  readonly inOctets: bigint;
  readonly outOctets: bigint;
}

const TWO_32 = 4294967296n;

/** ifTable and ifXTable, column by column as a GETBULK walk returns them. */
export function interfaceTables(ports: readonly PortRow[]): Varbind[] {
  const sorted = [...ports].sort((a, b) => a.ifIndex - b.ifIndex);
  const col = (make: (p: PortRow, i: number) => Varbind): Varbind[] =>
    sorted.map((p) => make(p, p.ifIndex));
  return [
    ...col((_p, i) => int(`${IF}.1.${i}`, i)),
    ...col((p, i) => str(`${IF}.2.${i}`, p.name)),
    ...col((p, i) => int(`${IF}.3.${i}`, p.type)),
    ...col((p, i) => gauge(`${IF}.5.${i}`, Math.min(4294967295, p.mbps * 1_000_000))),
    ...col((p, i) => bytes(`${IF}.6.${i}`, p.mac === null ? new Uint8Array() : macBytes(p.mac))),
    ...col((_p, i) => int(`${IF}.7.${i}`, 1)),
    ...col((p, i) => int(`${IF}.8.${i}`, p.up ? 1 : 2)),
    ...col((p, i) => counter32(`${IF}.10.${i}`, Number(p.inOctets % TWO_32))),
    ...col((p, i) => counter32(`${IF}.16.${i}`, Number(p.outOctets % TWO_32))),
    ...col((p, i) => str(`${IFX}.1.${i}`, p.name)),
    ...col((p, i) => counter64(`${IFX}.6.${i}`, p.inOctets)),
    ...col((p, i) => counter64(`${IFX}.10.${i}`, p.outOctets)),
    ...col((p, i) => gauge(`${IFX}.15.${i}`, p.mbps)),
    ...col((p, i) => str(`${IFX}.18.${i}`, p.alias)),
  ];
}

/** One global unicast address on an interface (ipAddressTable, addr type ipv6(2)). */
export function ipv6AddressRows(ifIndex: number, address: readonly number[]): Varbind[] {
  const index = `2.16.${address.join('.')}`;
  const prefix = `1.3.6.1.2.1.4.32.1.5.${ifIndex}.2.16.${address.slice(0, 8).join('.')}.0.0.0.0.0.0.0.0.64`;
  return [
    int(`${IPADDR}.3.${index}`, ifIndex),
    int(`${IPADDR}.4.${index}`, 1),
    objectId(`${IPADDR}.5.${index}`, prefix),
    int(`${IPADDR}.6.${index}`, 2),
    int(`${IPADDR}.7.${index}`, 1),
  ];
}

export interface LldpLink {
  /** lldpLocPortNum; the agent maps it to an ifIndex through lldpLocPortId = ifName. */
  readonly portNum: number;
  readonly localName: string;
  readonly localDesc: string;
  readonly remoteMac: string;
  readonly remotePort: string;
  readonly remotePortDesc: string;
  readonly remoteSysName: string;
}

export function lldpRows(links: readonly LldpLink[]): Varbind[] {
  const loc = links.flatMap((l) => [
    int(`${LLDP_LOC}.2.${l.portNum}`, 5),
    str(`${LLDP_LOC}.3.${l.portNum}`, l.localName),
    str(`${LLDP_LOC}.4.${l.portNum}`, l.localDesc),
  ]);
  const rem = links.flatMap((l) => {
    const i = `0.${l.portNum}.1`;
    return [
      int(`${LLDP_REM}.4.${i}`, 4),
      bytes(`${LLDP_REM}.5.${i}`, macBytes(l.remoteMac)),
      int(`${LLDP_REM}.6.${i}`, 5),
      str(`${LLDP_REM}.7.${i}`, l.remotePort),
      str(`${LLDP_REM}.8.${i}`, l.remotePortDesc),
      str(`${LLDP_REM}.9.${i}`, l.remoteSysName),
    ];
  });
  return [...loc, ...rem];
}

export interface ChassisInfo {
  readonly index: number;
  readonly model: string;
  readonly firmware: string;
  readonly serial: string;
  readonly maker: string;
}

/** The chassis row of entPhysicalTable: class chassis(3), contained in nothing. */
export function entityChassis(c: ChassisInfo): Varbind[] {
  const i = c.index;
  return [
    str(`${ENT}.2.${i}`, c.model),
    int(`${ENT}.4.${i}`, 0),
    int(`${ENT}.5.${i}`, 3),
    str(`${ENT}.7.${i}`, c.model),
    str(`${ENT}.10.${i}`, c.firmware),
    str(`${ENT}.11.${i}`, c.serial),
    str(`${ENT}.12.${i}`, c.maker),
    str(`${ENT}.13.${i}`, c.model),
  ];
}
