import type {
  AcModel,
  AcVendor,
  DeviceModel,
  SwitchModelKey,
  Vendor,
} from '../../walks/vendors.ts';
import { SWITCH_MODELS } from '../../walks/vendors.ts';
import type { Random } from './random.ts';
import type { DemoAp, DemoDevice, DemoRoom, SchoolKind } from './types.ts';
import { isTeachingRoom } from './types.ts';

/** Counters that make MACs, serials and device numbers unique across the county. */
export interface Counters {
  device: number;
  ap: number;
}

const BIG: readonly SchoolKind[] = ['middle', 'nine_year', 'other'];
const SMALL: readonly SchoolKind[] = ['village_primary', 'teaching_point', 'kindergarten'];

const CORE: Readonly<Record<Exclude<Vendor, 'tplink'>, SwitchModelKey>> = {
  huawei: 'huaweiCore',
  h3c: 'h3cCore',
  ruijie: 'ruijieCore',
  zte: 'zteCore',
};
const ACCESS: Readonly<Record<Exclude<Vendor, 'tplink'>, SwitchModelKey>> = {
  huawei: 'huaweiAccess',
  h3c: 'h3cAccess',
  ruijie: 'ruijieCore',
  zte: 'zteCore',
};
const SMALL_SWITCH: Readonly<Record<Exclude<Vendor, 'zte'>, SwitchModelKey>> = {
  huawei: 'huaweiSmall',
  h3c: 'h3cSmall',
  ruijie: 'ruijieSmall',
  tplink: 'tplinkSmall',
};

/** Where the school's APs are controlled from: its own AC, or the county AC at the bureau. */
export function apHomeOf(kind: SchoolKind, rnd: Random): 'own' | 'county' {
  if (BIG.includes(kind)) return 'own';
  if (kind === 'central') return rnd.chance(0.6) ? 'own' : 'county';
  if (kind === 'complete_primary') return rnd.chance(0.4) ? 'own' : 'county';
  return 'county';
}

export interface SchoolSwitches {
  readonly devices: DemoDevice[];
  /** The controller vendor the school would buy to match its switches. */
  readonly acVendor: AcVendor;
}

/** The school's switches: a core (or one small switch) and, in big schools, access switches. */
export function schoolSwitches(
  v: { code: string; no: number; kind: SchoolKind; rooms: number },
  rnd: Random,
  counters: Counters,
): SchoolSwitches {
  const device = (unit: number, name: string, role: DemoDevice['role'], model: DeviceModel) => ({
    key: `${v.code}-${role === 'core' ? 'core' : `sw${unit}`}`,
    name,
    role,
    model,
    site: v.no,
    unit,
    deviceNo: ++counters.device,
    aps: [],
  });
  if (SMALL.includes(v.kind)) {
    const vendor = rnd.weighted<Exclude<Vendor, 'zte'>>([
      ['huawei', 30],
      ['h3c', 25],
      ['ruijie', 20],
      ['tplink', 25],
    ]);
    return {
      devices: [device(1, '交换机', 'core', SWITCH_MODELS[SMALL_SWITCH[vendor]])],
      acVendor: vendor === 'tplink' ? 'huawei' : vendor,
    };
  }
  const vendor = rnd.weighted<Exclude<Vendor, 'tplink'>>([
    ['huawei', 45],
    ['h3c', 25],
    ['ruijie', 20],
    ['zte', 10],
  ]);
  const devices: DemoDevice[] = [device(1, '核心交换机', 'core', SWITCH_MODELS[CORE[vendor]])];
  const access = BIG.includes(v.kind) ? Math.max(1, Math.ceil(v.rooms / 24) - 1) : 0;
  for (let i = 0; i < access; i++) {
    devices.push(
      device(2 + i, `教学楼接入交换机${i + 1}`, 'access', SWITCH_MODELS[ACCESS[vendor]]),
    );
  }
  return { devices, acVendor: vendor === 'zte' ? 'huawei' : vendor };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function apMac(n: number): string {
  const b = [0x02, 0x57, 0x57, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
  return b.map((x) => x.toString(16).padStart(2, '0')).join(':');
}

const AP_SERIAL: Readonly<Record<AcVendor, (n: number) => string>> = {
  huawei: (n) => `2150083127${pad(n, 8)}`,
  h3c: (n) => `219801A28N${pad(n, 8)}`,
  ruijie: (n) => `G1QH${pad(n, 9)}`,
};

/**
 * The APs a school installed: one per teaching room (two in some special rooms), some in
 * offices, one in the hall of a big school. `skipRooms` are rooms still waiting for theirs.
 * Names follow the county convention `<school code>-<room>[-<n>]`; the AP group is the code.
 */
export function schoolAps(
  v: { code: string; kind: SchoolKind; rooms: readonly DemoRoom[]; skipRooms: ReadonlySet<string> },
  controller: { key: string; model: AcModel },
  rnd: Random,
  counters: Counters,
): DemoAp[] {
  const aps: DemoAp[] = [];
  const add = (room: string | null, name: string) => {
    const n = ++counters.ap;
    aps.push({
      mac: apMac(n),
      name,
      serial: AP_SERIAL[controller.model.vendor](n),
      model: rnd.pick(controller.model.apModels),
      group: v.code,
      clients: room === null ? rnd.int(0, 8) : rnd.int(0, 35),
      room,
      controller: controller.key,
    });
  };
  const big = BIG.includes(v.kind);
  for (const room of v.rooms) {
    if (v.skipRooms.has(room.name)) continue;
    if (isTeachingRoom(room)) {
      add(room.name, `${v.code}-${room.name}`);
      if (room.kind === 'special_classroom' && rnd.chance(0.3)) {
        add(room.name, `${v.code}-${room.name}-2`);
      }
    } else if (big ? rnd.chance(0.5) : rnd.chance(0.2)) add(room.name, `${v.code}-${room.name}`);
  }
  if (big) add(null, `${v.code}-DT1`);
  return aps;
}

/** Teaching rooms a school has not equipped yet (about one school in five, up to three rooms). */
export function roomsWithoutAp(rooms: readonly DemoRoom[], rnd: Random): Set<string> {
  const teaching = rooms.filter(isTeachingRoom);
  if (teaching.length < 6 || !rnd.chance(0.2)) return new Set();
  const special = teaching.filter((r) => r.kind === 'special_classroom');
  const pool = special.length > 0 ? special : teaching;
  return new Set(rnd.sample(pool, rnd.int(1, Math.min(3, pool.length))).map((r) => r.name));
}
