// A county's school network as N simulated devices: per school a core switch, two to five
// access switches (24 or 48 ports) and, in two schools of five, a wireless controller; the
// county's own controller with many APs comes first. Deterministic for a given N.
import type { Varbind } from '@xiaowang/shared/varbind';
import { compareOids } from '../../agent/src/snmp/oid.ts';
import type { Ap } from './ac-walk.ts';
import { apTables, makeAps } from './ac-walk.ts';
import type { DeviceBase, Iface, Neighbour } from './switch-walk.ts';
import {
  entityRows,
  entityTable,
  interfaceTables,
  ipTables,
  lldpTables,
  otherTables,
  systemGroup,
  upTime,
} from './switch-walk.ts';
import { macBytes, seededRandom } from './values.ts';
import type { Vendor } from './vendors.ts';
import { VENDORS } from './vendors.ts';

export type DeviceKind = 'core' | 'access' | 'ac';

/** One read community for the whole county, as schools are usually set up. */
export const COMMUNITY = 'xw-county-ro';

export interface SimDevice {
  readonly id: number;
  /** How the bench names the device (the agent's device name, the report's target name). */
  readonly name: string;
  readonly kind: DeviceKind;
  readonly vendor: Vendor;
  readonly model: string;
  readonly aps: number;
  /** Sorted by OID, as snmpsim requires. */
  readonly varbinds: readonly Varbind[];
}

export interface FleetOptions {
  readonly devices: number;
  /** APs on the county controller (device 0). */
  readonly countyAps: number;
}

const SCHOOL_VENDORS: readonly Vendor[] = [
  'huawei',
  'huawei',
  'h3c',
  'huawei',
  'ruijie',
  'h3c',
  'huawei',
  'ruijie',
  'h3c',
  'huawei',
];
const PLACES = [
  '城关',
  '河西',
  '东关',
  '南街',
  '北关',
  '新城',
  '石桥',
  '柳营',
  '青龙',
  '白马',
  '双河',
  '杨庄',
];
const LEVELS = ['小学', '中学', '中心小学', '初级中学', '九年制学校'];

interface School {
  readonly n: number;
  readonly name: string;
  readonly code: string;
  readonly vendor: Vendor;
}

function schoolOf(n: number): School {
  const place = PLACES[n % PLACES.length] ?? '';
  const level = LEVELS[Math.floor(n / PLACES.length) % LEVELS.length] ?? '';
  const round = Math.floor(n / (PLACES.length * LEVELS.length));
  return {
    n,
    name: `${place}${level}${round === 0 ? '' : String(round + 1)}`,
    code: `s${String(n + 1).padStart(3, '0')}`,
    vendor: SCHOOL_VENDORS[n % SCHOOL_VENDORS.length] ?? 'huawei',
  };
}

function ifacesFor(
  vendor: Vendor,
  ports: number,
  tenGig: number,
  vlans: readonly number[],
  aliases: (port: number) => string,
  rnd: () => number,
): Iface[] {
  const v = VENDORS[vendor];
  const out: Iface[] = [];
  let ifIndex = 1;
  for (const name of v.extra) {
    out.push({
      ifIndex: ifIndex++,
      name,
      alias: '',
      type: name.startsWith('InLoop') ? 24 : name.startsWith('M') ? 6 : 1,
      mbps: name.startsWith('M') ? 100 : 0,
      up: name !== 'MEth0/0/1' && name !== 'Mgmt 0',
      physical: false,
    });
  }
  ifIndex += 1;
  for (let p = 1; p <= ports; p++) {
    const alias = aliases(p);
    out.push({
      ifIndex: ifIndex++,
      name: v.port(p),
      alias,
      type: 6,
      mbps: 1000,
      up: alias !== '' || rnd() < 0.5,
      physical: true,
    });
  }
  for (let p = 1; p <= tenGig; p++) {
    out.push({
      ifIndex: ifIndex++,
      name: v.tenGig(p),
      alias: p === 1 ? aliases(0) : '',
      type: 6,
      mbps: 10000,
      up: p === 1,
      physical: true,
    });
  }
  for (const vlan of vlans) {
    out.push({
      ifIndex: ifIndex++,
      name: v.vlan(vlan),
      alias: '',
      type: 136,
      mbps: 1000,
      up: true,
      physical: false,
    });
  }
  return out;
}

interface SwitchRole {
  readonly role: 'core' | 'access';
  readonly ports: number;
  /** The school's access switches, one per core port from port 1 on. */
  readonly accessNames: readonly string[];
  /** For an access switch: its position in accessNames (1-based), which is its core port. */
  readonly position: number;
}

function buildSwitch(id: number, school: School, r: SwitchRole): SimDevice {
  const { role, ports, accessNames, position } = r;
  const coreName = `${school.code}-core`;
  const rnd = seededRandom(id * 7919 + 13);
  const v = VENDORS[school.vendor];
  const [model, sysObjectID] =
    role === 'core' ? v.models.core : ports === 48 ? v.models.access48 : v.models.access24;
  const sysName = role === 'core' ? coreName : `${school.code}-acc${position}`;
  const aliases = (p: number): string => {
    if (p === 0) return role === 'core' ? '上联-县教育城域网' : '上联-核心交换机';
    if (role === 'core')
      return p <= accessNames.length
        ? `to-${accessNames[p - 1] ?? ''}`
        : rnd() < 0.4
          ? `教学楼-${Math.ceil(p / 8)}F`
          : '';
    return rnd() < 0.3 ? `${Math.ceil(p / 8)}F-${100 * Math.ceil(p / 8) + (p % 8) + 1}` : '';
  };
  const vlans = role === 'core' ? [1, 10, 100, 200, 300, 999] : [1, 10];
  const ifaces = ifacesFor(school.vendor, ports, 4, vlans, aliases, rnd);
  const neighbours: Neighbour[] = [];
  const uplinkPort = ports + 1;
  neighbours.push({
    localPort: uplinkPort,
    sysName: role === 'core' ? 'county-metro-core' : coreName,
    portId: role === 'core' ? `GigabitEthernet1/0/${(school.n % 40) + 1}` : v.port(position),
    mac: macBytes(0xee, school.n, role === 'core' ? 0 : 1),
    address: [10, 0, school.n & 0xff, 1],
  });
  if (role === 'core') {
    accessNames.forEach((name, k) =>
      neighbours.push({
        localPort: k + 1,
        sysName: name,
        portId: v.tenGig(1),
        mac: macBytes(0xee, school.n, k + 2),
        address: [10, 1, school.n & 0xff, k + 2],
      }),
    );
  }
  const base: DeviceBase = {
    seed: id,
    vendor: school.vendor,
    model,
    sysObjectID,
    sysName,
    location: `${school.name} ${role === 'core' ? '网络机房' : `教学楼${position}层弱电间`}`,
    ifaces,
    neighbours,
    address: [10, role === 'core' ? 0 : 1, school.n & 0xff, role === 'core' ? 1 : 2 + (id % 200)],
    ipv6: role === 'core' && school.n % 5 < 3,
    router: role === 'core',
  };
  const varbinds = [
    ...systemGroup(base, upTime(id)),
    ...interfaceTables(base, rnd),
    ...ipTables(base),
    ...otherTables(base),
    ...entityTable(
      base,
      entityRows(base, role === 'core' ? 2 : 1, role === 'core' ? 2 : 1, role === 'core'),
    ),
    ...lldpTables(base),
  ];
  return finish(id, role, school.vendor, model, 0, varbinds, sysName);
}

function buildAc(
  id: number,
  vendor: Vendor,
  name: string,
  schools: readonly { name: string; code: string; aps: number }[],
  code: string,
): SimDevice {
  const rnd = seededRandom(id * 104729 + 3);
  const v = VENDORS[vendor];
  const [model, sysObjectID] = v.models.ac;
  const ifaces = ifacesFor(
    vendor,
    8,
    2,
    [1, 10, 300],
    (p) => (p === 0 ? `to-${code}-core` : ''),
    rnd,
  );
  const base: DeviceBase = {
    seed: id,
    vendor,
    model,
    sysObjectID,
    sysName: `${code}-ac`,
    location: `${name} 网络机房`,
    ifaces,
    neighbours: [
      {
        localPort: 9,
        sysName: `${code}-core`,
        portId: v.port(20),
        mac: macBytes(0xee, id, 9),
        address: [10, 0, id & 0xff, 1],
      },
    ],
    address: [10, 2, id & 0xff, 1],
    ipv6: false,
    router: false,
  };
  const aps: Ap[] = makeAps(vendor, id, schools, rnd);
  const varbinds = [
    ...systemGroup(base, upTime(id)),
    ...interfaceTables(base, rnd),
    ...ipTables(base),
    ...otherTables(base),
    ...entityTable(base, entityRows(base, 2, 1, false)),
    ...lldpTables(base),
    ...apTables(vendor, aps),
  ];
  return finish(id, 'ac', vendor, model, aps.length, varbinds, base.sysName);
}

function finish(
  id: number,
  kind: DeviceKind,
  vendor: Vendor,
  model: string,
  aps: number,
  varbinds: Varbind[],
  name: string,
): SimDevice {
  varbinds.sort((a, b) => compareOids(a.oid, b.oid));
  for (let i = 1; i < varbinds.length; i++) {
    if (varbinds[i - 1]?.oid === varbinds[i]?.oid)
      throw new Error(`${name}: duplicate OID ${varbinds[i]?.oid}`);
  }
  return {
    id,
    name: `d${String(id).padStart(4, '0')}-${kind}`,
    kind,
    vendor,
    model,
    aps,
    varbinds,
  };
}

/** The county controller first, then schools until there are `devices` devices. */
export function buildFleet(options: FleetOptions): SimDevice[] {
  const out: SimDevice[] = [];
  const county = Array.from({ length: 40 }, (_, n) => schoolOf(n));
  const perSchool = Math.ceil(options.countyAps / county.length);
  const countyAps = county.map((s, n) => ({
    name: s.name,
    code: s.code,
    aps: Math.max(0, Math.min(perSchool, options.countyAps - n * perSchool)),
  }));
  out.push(buildAc(0, 'huawei', '县教育局', countyAps, 'county'));
  for (let n = 0; out.length < options.devices; n++) {
    const school = schoolOf(n);
    const rnd = seededRandom(n * 31 + 5);
    const accessCount = 2 + (n % 4);
    const accessNames = Array.from({ length: accessCount }, (_, k) => `${school.code}-acc${k + 1}`);
    out.push(
      buildSwitch(out.length, school, { role: 'core', ports: 24, accessNames, position: 0 }),
    );
    for (let k = 1; k <= accessCount && out.length < options.devices; k++) {
      const ports = rnd() < 0.8 ? 24 : 48;
      out.push(
        buildSwitch(out.length, school, { role: 'access', ports, accessNames, position: k }),
      );
    }
    if ([0, 2, 4, 7].includes(n % 10) && out.length < options.devices) {
      out.push(
        buildAc(
          out.length,
          school.vendor,
          school.name,
          [{ name: school.name, code: school.code, aps: 16 + Math.floor(rnd() * 48) }],
          school.code,
        ),
      );
    }
  }
  return out;
}
