// A synthetic switch walk: every column of ifTable and ifXTable, ENTITY-MIB with a row per
// port, LLDP local ports and neighbours, IP-MIB addresses and routes, plus tables nobody
// polls (bridge ports, ipAddrTable, SNMP engine) so a walk that overshoots lands on data.
import type { Varbind } from '@xiaowang/shared/varbind';
import type { Vendor } from './vendors.ts';
import { VENDORS } from './vendors.ts';
import {
  counter32,
  counter64,
  gauge,
  int,
  ipAddress,
  macBytes,
  objectId,
  octets,
  seededRandom,
  str,
  ticks,
} from './values.ts';

const SYS = '1.3.6.1.2.1.1';
const IF = '1.3.6.1.2.1.2.2.1';
const IFX = '1.3.6.1.2.1.31.1.1.1';
const ENT = '1.3.6.1.2.1.47.1.1.1.1';
const LLDP_LOC = '1.0.8802.1.1.2.1.3.7.1';
const LLDP_REM = '1.0.8802.1.1.2.1.4.1.1';
const LLDP_MAN = '1.0.8802.1.1.2.1.4.2.1';
const IP = '1.3.6.1.2.1.4';

export interface Iface {
  readonly ifIndex: number;
  readonly name: string;
  readonly alias: string;
  readonly type: number;
  readonly mbps: number;
  readonly up: boolean;
  readonly physical: boolean;
}

export interface Neighbour {
  readonly localPort: number;
  readonly sysName: string;
  readonly portId: string;
  readonly mac: Uint8Array;
  readonly address: readonly number[];
}

export interface DeviceBase {
  readonly seed: number;
  readonly vendor: Vendor;
  readonly model: string;
  readonly sysObjectID: string;
  readonly sysName: string;
  readonly location: string;
  readonly ifaces: readonly Iface[];
  readonly neighbours: readonly Neighbour[];
  /** Management IPv4 address, on the first VLAN interface. */
  readonly address: readonly number[];
  /** A global IPv6 address on the uplink VLAN, with an IPv6 default route. */
  readonly ipv6: boolean;
  readonly router: boolean;
}

export function systemGroup(d: DeviceBase, upTime: number): Varbind[] {
  const v = VENDORS[d.vendor];
  return [
    str(`${SYS}.1.0`, v.sysDescr(d.model)),
    objectId(`${SYS}.2.0`, d.sysObjectID),
    ticks(`${SYS}.3.0`, upTime),
    str(`${SYS}.4.0`, v.contact),
    str(`${SYS}.5.0`, d.sysName),
    str(`${SYS}.6.0`, d.location),
    int(`${SYS}.7.0`, d.router ? 78 : 6),
  ];
}

export function interfaceTables(d: DeviceBase, rnd: () => number): Varbind[] {
  const rows: Varbind[][] = Array.from({ length: 23 }, () => []);
  const xrows: Varbind[][] = Array.from({ length: 20 }, () => []);
  for (const f of d.ifaces) {
    const i = f.ifIndex;
    const busy = f.up && f.physical;
    const inOctets = busy ? BigInt(Math.floor(rnd() * 9e13)) : 0n;
    const outOctets = busy ? BigInt(Math.floor(rnd() * 4e13)) : 0n;
    const pkts = (scale: number) => (busy ? Math.floor(rnd() * scale) : 0);
    const mac = f.type === 1 || f.type === 24 ? new Uint8Array() : macBytes(0x77, d.seed, i);
    const cols: [number, Varbind][] = [
      [1, int(`${IF}.1.${i}`, i)],
      [2, str(`${IF}.2.${i}`, f.name)],
      [3, int(`${IF}.3.${i}`, f.type)],
      [4, int(`${IF}.4.${i}`, f.type === 24 ? 1500 : 1500)],
      [5, gauge(`${IF}.5.${i}`, Math.min(4294967295, f.mbps * 1_000_000))],
      [6, octets(`${IF}.6.${i}`, mac)],
      [7, int(`${IF}.7.${i}`, 1)],
      [8, int(`${IF}.8.${i}`, f.up ? 1 : 2)],
      [9, ticks(`${IF}.9.${i}`, Math.floor(rnd() * 1e6))],
      [10, counter32(`${IF}.10.${i}`, Number(inOctets % 4294967296n))],
      [11, counter32(`${IF}.11.${i}`, pkts(4e9))],
      [12, counter32(`${IF}.12.${i}`, pkts(1e7))],
      [13, counter32(`${IF}.13.${i}`, pkts(1e3))],
      [14, counter32(`${IF}.14.${i}`, pkts(10))],
      [15, counter32(`${IF}.15.${i}`, 0)],
      [16, counter32(`${IF}.16.${i}`, Number(outOctets % 4294967296n))],
      [17, counter32(`${IF}.17.${i}`, pkts(4e9))],
      [18, counter32(`${IF}.18.${i}`, pkts(1e7))],
      [19, counter32(`${IF}.19.${i}`, pkts(1e3))],
      [20, counter32(`${IF}.20.${i}`, 0)],
      [21, gauge(`${IF}.21.${i}`, 0)],
      [22, objectId(`${IF}.22.${i}`, '0.0')],
    ];
    for (const [c, vb] of cols) rows[c]?.push(vb);
    const hc = (scale: number) => (busy ? BigInt(Math.floor(rnd() * scale)) : 0n);
    const xcols: [number, Varbind][] = [
      [1, str(`${IFX}.1.${i}`, f.name)],
      [2, counter32(`${IFX}.2.${i}`, pkts(1e6))],
      [3, counter32(`${IFX}.3.${i}`, pkts(1e6))],
      [4, counter32(`${IFX}.4.${i}`, pkts(1e6))],
      [5, counter32(`${IFX}.5.${i}`, pkts(1e6))],
      [6, counter64(`${IFX}.6.${i}`, inOctets)],
      [7, counter64(`${IFX}.7.${i}`, hc(1e11))],
      [8, counter64(`${IFX}.8.${i}`, hc(1e8))],
      [9, counter64(`${IFX}.9.${i}`, hc(1e8))],
      [10, counter64(`${IFX}.10.${i}`, outOctets)],
      [11, counter64(`${IFX}.11.${i}`, hc(1e11))],
      [12, counter64(`${IFX}.12.${i}`, hc(1e8))],
      [13, counter64(`${IFX}.13.${i}`, hc(1e8))],
      [14, int(`${IFX}.14.${i}`, f.physical ? 1 : 2)],
      [15, gauge(`${IFX}.15.${i}`, f.mbps)],
      [16, int(`${IFX}.16.${i}`, 2)],
      [17, int(`${IFX}.17.${i}`, f.physical ? 1 : 2)],
      [18, str(`${IFX}.18.${i}`, f.alias)],
      [19, ticks(`${IFX}.19.${i}`, 0)],
    ];
    for (const [c, vb] of xcols) xrows[c]?.push(vb);
  }
  return [...rows.flat(), ...xrows.flat()];
}

interface EntityRow {
  readonly index: number;
  readonly descr: string;
  readonly parent: number;
  readonly cls: number;
  readonly position: number;
  readonly name: string;
  readonly serial: string;
  readonly model: string;
}

export function entityTable(d: DeviceBase, rows: readonly EntityRow[]): Varbind[] {
  const v = VENDORS[d.vendor];
  const cols: Varbind[][] = Array.from({ length: 17 }, () => []);
  for (const r of rows) {
    const i = r.index;
    const cells: [number, Varbind][] = [
      [2, str(`${ENT}.2.${i}`, r.descr)],
      [3, objectId(`${ENT}.3.${i}`, `${v.enterpriseOid}.3.${r.cls}`)],
      [4, int(`${ENT}.4.${i}`, r.parent)],
      [5, int(`${ENT}.5.${i}`, r.cls)],
      [6, int(`${ENT}.6.${i}`, r.position)],
      [7, str(`${ENT}.7.${i}`, r.name)],
      [8, str(`${ENT}.8.${i}`, r.cls === 3 ? 'VER.B' : '')],
      [9, str(`${ENT}.9.${i}`, r.cls === 3 ? '1.0' : '')],
      [10, str(`${ENT}.10.${i}`, r.cls === 3 ? v.software : '')],
      [11, str(`${ENT}.11.${i}`, r.serial)],
      [12, str(`${ENT}.12.${i}`, r.cls === 3 || r.cls === 9 ? v.maker : '')],
      [13, str(`${ENT}.13.${i}`, r.model)],
      [14, str(`${ENT}.14.${i}`, '')],
      [15, str(`${ENT}.15.${i}`, '')],
      [16, int(`${ENT}.16.${i}`, r.cls === 10 ? 2 : 1)],
    ];
    for (const [c, vb] of cells) cols[c]?.push(vb);
  }
  return cols.flat();
}

/** Chassis, board, power supplies, fans and (on most switches) one row per port. */
export function entityRows(d: DeviceBase, psus: number, fans: number, ports: boolean): EntityRow[] {
  const base = VENDORS[d.vendor].entityBase;
  const serial = (n: number) =>
    `${VENDORS[d.vendor].serialPrefix}${String(d.seed * 100 + n).padStart(8, '0')}`;
  const chassis = base;
  const board = base + 1;
  const rows: EntityRow[] = [
    {
      index: chassis,
      descr: d.model,
      parent: 0,
      cls: 3,
      position: -1,
      name: d.model,
      serial: serial(0),
      model: d.model,
    },
    {
      index: board,
      descr: `${d.model} main board`,
      parent: chassis,
      cls: 9,
      position: 0,
      name: 'MPU Board 0',
      serial: serial(1),
      model: d.model,
    },
  ];
  for (let n = 0; n < psus; n++) {
    rows.push({
      index: base + 16 + n,
      descr: 'Power supply',
      parent: chassis,
      cls: 6,
      position: n + 1,
      name: `PWR${n + 1}`,
      serial: serial(2 + n),
      model: 'PAC150S12-R',
    });
  }
  for (let n = 0; n < fans; n++) {
    rows.push({
      index: base + 32 + n,
      descr: 'Fan',
      parent: chassis,
      cls: 7,
      position: n + 1,
      name: `FAN${n + 1}`,
      serial: '',
      model: '',
    });
  }
  if (ports) {
    for (const f of d.ifaces.filter((x) => x.physical)) {
      rows.push({
        index: base + 256 + f.ifIndex,
        descr: f.name,
        parent: board,
        cls: 10,
        position: f.ifIndex,
        name: f.name,
        serial: '',
        model: '',
      });
    }
  }
  return rows;
}

export function lldpTables(d: DeviceBase): Varbind[] {
  const out: Varbind[] = [];
  const physical = d.ifaces.filter((f) => f.physical);
  const loc: Varbind[][] = [[], [], [], [], []];
  physical.forEach((f, n) => {
    const port = n + 1;
    loc[2]?.push(int(`${LLDP_LOC}.2.${port}`, 5));
    loc[3]?.push(str(`${LLDP_LOC}.3.${port}`, f.name));
    loc[4]?.push(str(`${LLDP_LOC}.4.${port}`, f.alias === '' ? f.name : f.alias));
  });
  out.push(...loc.flat());
  const rem: Varbind[][] = Array.from({ length: 13 }, () => []);
  const man: Varbind[][] = [[], [], [], [], [], []];
  for (const nb of d.neighbours) {
    const i = `0.${nb.localPort}.1`;
    rem[4]?.push(int(`${LLDP_REM}.4.${i}`, 4));
    rem[5]?.push(octets(`${LLDP_REM}.5.${i}`, nb.mac));
    rem[6]?.push(int(`${LLDP_REM}.6.${i}`, 5));
    rem[7]?.push(str(`${LLDP_REM}.7.${i}`, nb.portId));
    rem[8]?.push(str(`${LLDP_REM}.8.${i}`, nb.portId));
    rem[9]?.push(str(`${LLDP_REM}.9.${i}`, nb.sysName));
    rem[10]?.push(str(`${LLDP_REM}.10.${i}`, 'Versatile Routing Platform'));
    rem[11]?.push(octets(`${LLDP_REM}.11.${i}`, Uint8Array.of(0x28, 0x00)));
    rem[12]?.push(octets(`${LLDP_REM}.12.${i}`, Uint8Array.of(0x28, 0x00)));
    const a = `${i}.1.4.${nb.address.join('.')}`;
    man[3]?.push(int(`${LLDP_MAN}.3.${a}`, 2));
    man[4]?.push(int(`${LLDP_MAN}.4.${a}`, 0));
    man[5]?.push(objectId(`${LLDP_MAN}.5.${a}`, '0.0'));
  }
  out.push(...rem.flat(), ...man.flat());
  return out;
}

/** ipForwarding, IPv4 and IPv6 addresses (ipAddrTable and ipAddressTable) and routes. */
export function ipTables(d: DeviceBase): Varbind[] {
  const out: Varbind[] = [];
  const mgmt = d.ifaces.find((f) => f.type === 136) ?? d.ifaces[0];
  const mgmtIf = mgmt?.ifIndex ?? 1;
  const a = d.address.join('.');
  out.push(int(`${IP}.1.0`, d.router ? 1 : 2), int(`${IP}.2.0`, 255));
  out.push(
    ipAddress(`${IP}.20.1.1.${a}`, a),
    int(`${IP}.20.1.2.${a}`, mgmtIf),
    ipAddress(`${IP}.20.1.3.${a}`, '255.255.255.0'),
    int(`${IP}.20.1.4.${a}`, 1),
    int(`${IP}.20.1.5.${a}`, 18024),
  );
  const v6 = [0x20, 0x01, 0x0d, 0xb8, 0, d.seed & 0xff, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1];
  const linkLocal = [
    0xfe,
    0x80,
    0,
    0,
    0,
    0,
    0,
    0,
    0x52,
    0x6f,
    0x77,
    0xff,
    0xfe,
    0,
    d.seed & 0xff,
    1,
  ];
  const addresses: [number, number[], number][] = [[1, [...d.address], 24]];
  if (d.ipv6) addresses.push([2, v6, 64], [4, [...linkLocal, 0, 0, 0, mgmtIf & 0xff], 10]);
  const entry = `${IP}.34.1`;
  const cols: Varbind[][] = Array.from({ length: 12 }, () => []);
  for (const [type, bytes, prefixLen] of addresses) {
    const idx = `${type}.${bytes.length}.${bytes.join('.')}`;
    const prefixBytes = bytes.slice(0, type === 1 ? 3 : 8);
    const prefix = `${IP}.32.1.5.${mgmtIf}.${type}.${bytes.length}.${[...prefixBytes, ...new Array<number>(bytes.length - prefixBytes.length).fill(0)].join('.')}.${prefixLen}`;
    cols[3]?.push(int(`${entry}.3.${idx}`, mgmtIf));
    cols[4]?.push(int(`${entry}.4.${idx}`, 1));
    cols[5]?.push(objectId(`${entry}.5.${idx}`, prefix));
    cols[6]?.push(int(`${entry}.6.${idx}`, type === 4 ? 6 : 2));
    cols[7]?.push(int(`${entry}.7.${idx}`, 1));
    cols[8]?.push(ticks(`${entry}.8.${idx}`, 1200));
    cols[9]?.push(ticks(`${entry}.9.${idx}`, 1200));
    cols[10]?.push(int(`${entry}.10.${idx}`, 1));
    cols[11]?.push(int(`${entry}.11.${idx}`, 2));
  }
  out.push(...cols.flat());
  if (d.router) {
    const routes: [number, number[], number, number[], number][] = [
      [1, [0, 0, 0, 0], 0, [...d.address.slice(0, 3), 254], 4],
      [1, [...d.address.slice(0, 3), 0], 24, [0, 0, 0, 0], 3],
    ];
    if (d.ipv6)
      routes.push([
        2,
        new Array<number>(16).fill(0),
        0,
        [0xfe, 0x80, ...new Array<number>(13).fill(0), 1],
        4,
      ]);
    out.push(gauge(`${IP}.24.6.0`, routes.length));
    const rc: Varbind[][] = Array.from({ length: 18 }, () => []);
    for (const [type, dest, len, hop, kind] of routes) {
      const idx = `${type}.${dest.length}.${dest.join('.')}.${len}.2.0.0.${type}.${hop.length}.${hop.join('.')}`;
      rc[7]?.push(int(`${IP}.24.7.1.7.${idx}`, mgmtIf));
      rc[8]?.push(int(`${IP}.24.7.1.8.${idx}`, kind));
      rc[9]?.push(int(`${IP}.24.7.1.9.${idx}`, kind === 3 ? 2 : 3));
      rc[10]?.push(gauge(`${IP}.24.7.1.10.${idx}`, 86400));
      rc[11]?.push(int(`${IP}.24.7.1.11.${idx}`, 0));
      rc[12]?.push(int(`${IP}.24.7.1.12.${idx}`, 0));
      rc[13]?.push(int(`${IP}.24.7.1.13.${idx}`, 1));
      rc[17]?.push(int(`${IP}.24.7.1.17.${idx}`, 1));
    }
    out.push(...rc.flat());
  }
  out.push(int(`${IP}.25.0`, d.ipv6 ? 1 : 2), int(`${IP}.26.0`, 64));
  return out;
}

/** Tables no check reads: a walk that runs past its subtree finds these. */
export function otherTables(d: DeviceBase): Varbind[] {
  const out: Varbind[] = [];
  const physical = d.ifaces.filter((f) => f.physical);
  out.push(octets('1.3.6.1.2.1.17.1.1.0', macBytes(0x77, d.seed, 0)));
  out.push(int('1.3.6.1.2.1.17.1.2.0', physical.length), int('1.3.6.1.2.1.17.1.3.0', 2));
  physical.forEach((_f, n) => out.push(int(`1.3.6.1.2.1.17.1.4.1.1.${n + 1}`, n + 1)));
  physical.forEach((f, n) => out.push(int(`1.3.6.1.2.1.17.1.4.1.2.${n + 1}`, f.ifIndex)));
  out.push(
    octets(
      '1.3.6.1.6.3.10.2.1.1.0',
      Uint8Array.of(0x80, 0, 0x07, 0xdb, 3, ...macBytes(0x77, d.seed, 0)),
    ),
    int('1.3.6.1.6.3.10.2.1.2.0', 12),
    int('1.3.6.1.6.3.10.2.1.3.0', 360000),
    int('1.3.6.1.6.3.10.2.1.4.0', 8192),
  );
  return out;
}

export function upTime(seed: number): number {
  return 360000 + Math.floor(seededRandom(seed * 31 + 7)() * 2e9);
}
