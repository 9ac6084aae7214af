import type { Varbind } from '@xiaowang/shared/varbind';
import {
  bytes,
  counter32,
  counter64,
  gauge,
  int,
  macBytes,
  macFrom,
  macIndex,
  objectId,
  seededRandom,
  str,
  ticks,
} from './build.ts';

/**
 * A synthetic school, shaped like the Huawei kit common in county schools: a core switch
 * (S5720) with a 1000M uplink into the county metro network and an AC (AC6508) with APs
 * named school-floor-room. Generated from the MIB layouts in docs, never from a real walk.
 */
export interface SchoolOptions {
  readonly school: string;
  /** Short pinyin used in AP group names, e.g. `cgxx`. */
  readonly code: string;
  readonly seed: number;
  readonly accessPorts?: number;
  readonly uplinkMbps?: number;
  readonly aps?: number;
  readonly ipv6?: boolean;
}

const SYS = '1.3.6.1.2.1.1';
const IF = '1.3.6.1.2.1.2.2.1';
const IFX = '1.3.6.1.2.1.31.1.1.1';
const ENT = '1.3.6.1.2.1.47.1.1.1.1';
const LLDP_LOC = '1.0.8802.1.1.2.1.3.7.1';
const LLDP_REM = '1.0.8802.1.1.2.1.4.1.1';
const IPADDR = '1.3.6.1.2.1.4.34.1';
const AP = '1.3.6.1.4.1.2011.6.139.13.3.3.1';
const AP_JOINED = '1.3.6.1.4.1.2011.6.139.12.1.2.1.0';

interface Port {
  readonly ifIndex: number;
  readonly name: string;
  readonly alias: string;
  readonly type: number;
  readonly mbps: number;
  readonly up: boolean;
  readonly inOctets: bigint;
  readonly outOctets: bigint;
}

function systemGroup(
  descr: string,
  objectIdValue: string,
  name: string,
  location: string,
  up: number,
): Varbind[] {
  return [
    str(`${SYS}.1.0`, descr),
    objectId(`${SYS}.2.0`, objectIdValue),
    ticks(`${SYS}.3.0`, up),
    str(`${SYS}.4.0`, 'county-edu-netcenter'),
    str(`${SYS}.5.0`, name),
    str(`${SYS}.6.0`, location),
  ];
}

function interfaceTables(ports: readonly Port[], macBase: number): Varbind[] {
  const cols: Varbind[][] = Array.from({ length: 32 }, () => []);
  for (const p of ports) {
    const i = p.ifIndex;
    const mac = p.type === 6 ? macBytes(macFrom(macBase, i)) : new Uint8Array();
    cols[1]?.push(int(`${IF}.1.${i}`, i));
    cols[2]?.push(str(`${IF}.2.${i}`, p.name));
    cols[3]?.push(int(`${IF}.3.${i}`, p.type));
    cols[5]?.push(gauge(`${IF}.5.${i}`, Math.min(4294967295, p.mbps * 1_000_000)));
    cols[6]?.push(bytes(`${IF}.6.${i}`, mac));
    cols[7]?.push(int(`${IF}.7.${i}`, 1));
    cols[8]?.push(int(`${IF}.8.${i}`, p.up ? 1 : 2));
    cols[10]?.push(counter32(`${IF}.10.${i}`, Number(p.inOctets % 4294967296n)));
    cols[16]?.push(counter32(`${IF}.16.${i}`, Number(p.outOctets % 4294967296n)));
  }
  const xcols: Varbind[][] = Array.from({ length: 20 }, () => []);
  for (const p of ports) {
    const i = p.ifIndex;
    xcols[1]?.push(str(`${IFX}.1.${i}`, p.name));
    xcols[6]?.push(counter64(`${IFX}.6.${i}`, p.inOctets));
    xcols[10]?.push(counter64(`${IFX}.10.${i}`, p.outOctets));
    xcols[15]?.push(gauge(`${IFX}.15.${i}`, p.mbps));
    xcols[18]?.push(str(`${IFX}.18.${i}`, p.alias));
  }
  return [...cols.flat(), ...xcols.flat()];
}

function ipv6Rows(ifIndex: number, seed: number): Varbind[] {
  // 2001:db8::/32 is the documentation prefix: never routable, safe in a demo.
  const addr = [0x20, 0x01, 0x0d, 0xb8, 0, seed & 0xff, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1];
  const index = `2.16.${addr.join('.')}`;
  const prefix = `1.3.6.1.2.1.4.32.1.5.${ifIndex}.2.16.${addr.slice(0, 8).join('.')}.0.0.0.0.0.0.0.0.64`;
  return [
    int(`${IPADDR}.3.${index}`, ifIndex),
    int(`${IPADDR}.4.${index}`, 1),
    objectId(`${IPADDR}.5.${index}`, prefix),
    int(`${IPADDR}.6.${index}`, 2),
    int(`${IPADDR}.7.${index}`, 1),
  ];
}

export function schoolSwitchWalk(o: SchoolOptions): Varbind[] {
  const rnd = seededRandom(o.seed);
  const accessPorts = o.accessPorts ?? 24;
  const ports: Port[] = [];
  for (let n = 1; n <= accessPorts; n++) {
    const up = rnd() < 0.7;
    ports.push({
      ifIndex: 5 + n,
      name: `GigabitEthernet0/0/${n}`,
      alias: up ? `教学楼-${Math.ceil(n / 8)}F` : '',
      type: 6,
      mbps: up ? 1000 : 1000,
      up,
      inOctets: up ? BigInt(Math.floor(rnd() * 4e11)) : 0n,
      outOctets: up ? BigInt(Math.floor(rnd() * 4e11)) : 0n,
    });
  }
  const uplinkIf = 5 + accessPorts + 1;
  ports.push({
    ifIndex: uplinkIf,
    name: 'XGigabitEthernet0/0/1',
    alias: '上联-县教育城域网',
    type: 6,
    mbps: o.uplinkMbps ?? 1000,
    up: true,
    inOctets: BigInt(Math.floor(rnd() * 9e15)),
    outOctets: BigInt(Math.floor(rnd() * 3e15)),
  });
  ports.push({
    ifIndex: 1,
    name: 'InLoopBack0',
    alias: '',
    type: 24,
    mbps: 0,
    up: true,
    inOctets: 0n,
    outOctets: 0n,
  });
  ports.push({
    ifIndex: 4,
    name: 'MEth0/0/1',
    alias: '',
    type: 6,
    mbps: 100,
    up: false,
    inOctets: 0n,
    outOctets: 0n,
  });
  ports.sort((a, b) => a.ifIndex - b.ifIndex);

  const uplinkPortNum = accessPorts + 1;
  const lldp = [
    int(`${LLDP_LOC}.2.${uplinkPortNum}`, 5),
    str(`${LLDP_LOC}.3.${uplinkPortNum}`, 'XGigabitEthernet0/0/1'),
    str(`${LLDP_LOC}.4.${uplinkPortNum}`, '上联-县教育城域网'),
    int(`${LLDP_REM}.4.0.${uplinkPortNum}.1`, 4),
    bytes(`${LLDP_REM}.5.0.${uplinkPortNum}.1`, macBytes(macFrom(0xee, o.seed & 0xffff))),
    int(`${LLDP_REM}.6.0.${uplinkPortNum}.1`, 5),
    str(`${LLDP_REM}.7.0.${uplinkPortNum}.1`, `GigabitEthernet1/0/${(o.seed % 40) + 1}`),
    str(`${LLDP_REM}.8.0.${uplinkPortNum}.1`, `to-${o.code}`),
    str(`${LLDP_REM}.9.0.${uplinkPortNum}.1`, 'county-metro-core'),
  ];
  const serial = `2102351931P0K${String(o.seed).padStart(7, '0')}`;
  const entity = [
    str(`${ENT}.2.9`, 'S5720-28X-PWR-SI-AC'),
    int(`${ENT}.4.9`, 0),
    int(`${ENT}.5.9`, 3),
    str(`${ENT}.7.9`, 'S5720-28X-PWR-SI-AC'),
    str(`${ENT}.10.9`, 'V200R011C10SPC600'),
    str(`${ENT}.11.9`, serial),
    str(`${ENT}.12.9`, 'Huawei'),
    str(`${ENT}.13.9`, 'S5720-28X-PWR-SI-AC'),
  ];
  const up = 360000 + Math.floor(rnd() * 1e8);
  return [
    ...systemGroup(
      'S5720-28X-PWR-SI-AC\r\nHuawei Versatile Routing Platform Software\r\nVRP (R) software, Version 5.170 (S5720 V200R011C10SPC600)',
      '1.3.6.1.4.1.2011.2.23.291',
      `${o.code}-core`,
      `${o.school} 网络机房`,
      up,
    ),
    ...interfaceTables(ports, o.seed & 0xff),
    ...(o.ipv6 === true ? ipv6Rows(uplinkIf, o.seed) : []),
    ...entity,
    ...lldp,
  ];
}

export function schoolAcWalk(o: SchoolOptions): Varbind[] {
  const rnd = seededRandom(o.seed * 7 + 3);
  const count = o.aps ?? 12;
  const rows: Varbind[][] = Array.from({ length: 50 }, () => []);
  let online = 0;
  for (let n = 0; n < count; n++) {
    const mac = macFrom(0xa0 + (o.seed % 16), n + 1);
    const i = macIndex(mac);
    const floor = 1 + Math.floor(n / 6);
    const room = floor * 100 + (n % 6) + 1;
    const isOnline = rnd() < 0.9;
    if (isOnline) online++;
    rows[2]?.push(
      str(
        `${AP}.2.${i}`,
        `21023578${String(o.seed).padStart(4, '0')}${String(n).padStart(6, '0')}`,
      ),
    );
    rows[3]?.push(str(`${AP}.3.${i}`, n % 3 === 0 ? 'AP4050DN' : 'AirEngine5760-10'));
    rows[4]?.push(str(`${AP}.4.${i}`, `${o.school}-${floor}F-${room}`));
    rows[5]?.push(str(`${AP}.5.${i}`, o.code));
    rows[6]?.push(int(`${AP}.6.${i}`, isOnline ? 8 : 4));
    rows[44]?.push(int(`${AP}.44.${i}`, isOnline ? Math.floor(rnd() * 40) : 0));
  }
  const ports: Port[] = [
    {
      ifIndex: 6,
      name: 'GigabitEthernet0/0/1',
      alias: `to-${o.code}-core`,
      type: 6,
      mbps: 1000,
      up: true,
      inOctets: BigInt(Math.floor(rnd() * 1e12)),
      outOctets: BigInt(Math.floor(rnd() * 1e12)),
    },
    {
      ifIndex: 7,
      name: 'GigabitEthernet0/0/2',
      alias: '',
      type: 6,
      mbps: 1000,
      up: false,
      inOctets: 0n,
      outOctets: 0n,
    },
  ];
  return [
    ...systemGroup(
      'Huawei AC6508 Huawei Versatile Routing Platform Software VRP (R) software, Version 5.170 (AC6508 V200R019C00SPC500)',
      '1.3.6.1.4.1.2011.2.240.17',
      `${o.code}-ac`,
      `${o.school} 网络机房`,
      100000 + Math.floor(rnd() * 1e7),
    ),
    ...interfaceTables(ports, (o.seed + 1) & 0xff),
    int(AP_JOINED, online),
    ...rows.flat(),
  ];
}
