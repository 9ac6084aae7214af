// The AP tables of a wireless controller, in each vendor's MIB layout as the agent's
// wireless checks read them (docs/mibs.md §6): Huawei hwWlanApTable, H3C status/object/brief
// tables, Ruijie configuration and offline tables, each with its AP-count scalars.
import type { Varbind } from '@xiaowang/shared/varbind';
import type { Vendor } from './vendors.ts';
import { gauge, int, ipAddress, macBytes, octets, str, stringIndex } from './values.ts';

export interface Ap {
  readonly mac: Uint8Array;
  readonly name: string;
  readonly group: string;
  readonly model: string;
  readonly serial: string;
  readonly online: boolean;
  readonly clients: number;
  readonly address: readonly number[];
}

const HW_AP = '1.3.6.1.4.1.2011.6.139.13.3.3.1';
const HW_JOINED = '1.3.6.1.4.1.2011.6.139.12.1.2.1.0';
const H3C = '1.3.6.1.4.1.25506.2.75';
const RJ_CFG = '1.3.6.1.4.1.4881.1.1.10.2.56.2.1.1.1';
const RJ_OFFLINE = '1.3.6.1.4.1.4881.1.1.10.2.56.2.1.5.1';
const RJ_AC = '1.3.6.1.4.1.4881.1.1.10.2.56.1.1';

const macIndex = (mac: Uint8Array): string => Array.from(mac).join('.');

function columns(rows: readonly (readonly (readonly [number, Varbind])[])[]): Varbind[] {
  const byColumn = new Map<number, Varbind[]>();
  for (const row of rows) {
    for (const [column, vb] of row) {
      const list = byColumn.get(column) ?? [];
      list.push(vb);
      byColumn.set(column, list);
    }
  }
  return [...byColumn.keys()].sort((a, b) => a - b).flatMap((c) => byColumn.get(c) ?? []);
}

function huaweiAps(aps: readonly Ap[]): Varbind[] {
  const rows = aps.map((ap) => {
    const i = macIndex(ap.mac);
    return [
      [2, str(`${HW_AP}.2.${i}`, ap.serial)],
      [3, str(`${HW_AP}.3.${i}`, ap.model)],
      [4, str(`${HW_AP}.4.${i}`, ap.name)],
      [5, str(`${HW_AP}.5.${i}`, ap.group)],
      [6, int(`${HW_AP}.6.${i}`, ap.online ? 8 : 4)],
      [7, str(`${HW_AP}.7.${i}`, 'V200R019C10SPC500')],
      [8, str(`${HW_AP}.8.${i}`, 'Ver.A')],
      [13, ipAddress(`${HW_AP}.13.${i}`, ap.address.join('.'))],
      [44, int(`${HW_AP}.44.${i}`, ap.clients)],
      [45, gauge(`${HW_AP}.45.${i}`, ap.online ? 86400 : 0)],
    ] as const;
  });
  const joined = aps.filter((ap) => ap.online).length;
  return [
    int(HW_JOINED, joined),
    int(HW_JOINED.replace(/1\.0$/, '2.0'), aps.length),
    ...columns(rows),
  ];
}

function h3cAps(aps: readonly Ap[]): Varbind[] {
  const status = `${H3C}.2.1.1.1`;
  const object = `${H3C}.2.1.2.1`;
  const brief = `${H3C}.2.1.12.1`;
  const statusRows = aps.map((ap) => {
    const i = stringIndex(ap.serial);
    return [
      [2, ipAddress(`${status}.2.${i}`, ap.address.join('.'))],
      [3, octets(`${status}.3.${i}`, ap.mac)],
      [4, int(`${status}.4.${i}`, ap.online ? 5 : 1)],
      [5, str(`${status}.5.${i}`, ap.name)],
      [6, int(`${status}.6.${i}`, 1)],
    ] as const;
  });
  const objectRows = aps
    .filter((ap) => ap.online)
    .map((ap) => {
      const i = stringIndex(ap.serial);
      return [
        [2, int(`${object}.2.${i}`, 1)],
        [7, int(`${object}.7.${i}`, ap.clients)],
        [8, str(`${object}.8.${i}`, ap.name)],
        [9, str(`${object}.9.${i}`, ap.model)],
      ] as const;
    });
  const briefRows = aps.map((ap) => {
    const i = stringIndex(ap.name);
    return [
      [2, str(`${brief}.2.${i}`, ap.serial)],
      [3, str(`${brief}.3.${i}`, ap.model)],
      [17, octets(`${brief}.17.${i}`, ap.mac)],
      [21, int(`${brief}.21.${i}`, ap.clients)],
      [25, int(`${brief}.25.${i}`, ap.online ? 1 : 2)],
    ] as const;
  });
  const online = aps.filter((ap) => ap.online).length;
  return [
    int(`${H3C}.1.1.2.1.0`, aps.length - online),
    int(`${H3C}.1.1.2.21.0`, online),
    ...columns(statusRows),
    ...columns(objectRows),
    ...columns(briefRows),
  ];
}

function ruijieAps(aps: readonly Ap[]): Varbind[] {
  const configured = aps.filter((ap) => ap.online || ap.clients % 2 === 0);
  const cfgRows = configured.map((ap) => {
    const i = macIndex(ap.mac);
    return [
      [2, str(`${RJ_CFG}.2.${i}`, ap.name)],
      [3, str(`${RJ_CFG}.3.${i}`, ap.group)],
      [4, ipAddress(`${RJ_CFG}.4.${i}`, ap.address.join('.'))],
      [32, str(`${RJ_CFG}.32.${i}`, ap.serial)],
      [34, int(`${RJ_CFG}.34.${i}`, ap.clients)],
      [39, str(`${RJ_CFG}.39.${i}`, ap.model)],
      [48, int(`${RJ_CFG}.48.${i}`, ap.online ? 1 : 2)],
    ] as const;
  });
  const offlineRows = aps
    .filter((ap) => !ap.online)
    .map((ap) => {
      const i = macIndex(ap.mac);
      return [
        [2, str(`${RJ_OFFLINE}.2.${i}`, ap.name)],
        [3, octets(`${RJ_OFFLINE}.3.${i}`, ap.mac)],
      ] as const;
    });
  const online = aps.filter((ap) => ap.online).length;
  return [
    int(`${RJ_AC}.11.0`, online),
    int(`${RJ_AC}.80.0`, aps.length - online),
    int(`${RJ_AC}.81.0`, aps.length),
    ...columns(cfgRows),
    ...columns(offlineRows),
  ];
}

export function apTables(vendor: Vendor, aps: readonly Ap[]): Varbind[] {
  if (vendor === 'huawei') return huaweiAps(aps);
  if (vendor === 'h3c') return h3cAps(aps);
  return ruijieAps(aps);
}

const MODELS: Readonly<Record<Vendor, readonly string[]>> = {
  huawei: ['AirEngine5760-10', 'AP4050DN'],
  h3c: ['WA6320', 'WA6126'],
  ruijie: ['RG-AP820-L(V3)', 'RG-AP180'],
};

/** APs named the way county schools name them: school, floor, room. */
export function makeAps(
  vendor: Vendor,
  seed: number,
  schools: readonly { name: string; code: string; aps: number }[],
  rnd: () => number,
): Ap[] {
  const out: Ap[] = [];
  for (const school of schools) {
    for (let n = 0; n < school.aps; n++) {
      const floor = 1 + Math.floor(n / 8);
      const room = floor * 100 + (n % 8) + 1;
      const online = rnd() < 0.9;
      const k = out.length + 1;
      out.push({
        mac: macBytes(0xa0 + (seed % 16), seed >> 4, k),
        name: `${school.name}-${floor}F-${room}`,
        group: school.code,
        model: MODELS[vendor][k % 2] ?? 'AP',
        serial: `21500${String(seed).padStart(5, '0')}${String(k).padStart(5, '0')}`,
        online,
        clients: online ? Math.floor(rnd() * 40) : 0,
        address: [10, 200 + (seed % 50), k >> 8, k & 0xff],
      });
    }
  }
  return out;
}
