import { AC_MODELS } from '../../walks/vendors.ts';
import { COUNTY_NAME, COUNTY_TIMEZONE, TOWNS } from './chengkou-places.ts';
import type { Counters } from './equipment.ts';
import { apHomeOf, roomsWithoutAp, schoolAps, schoolSwitches } from './equipment.ts';
import { createRandom } from './random.ts';
import { generateRooms } from './rooms.ts';
import { listSchools } from './school-list.ts';
import type { DemoAp, DemoCounty, DemoDevice, DemoSchool, SchoolKind } from './types.ts';

export const DEFAULT_SEED = 2025;

const CONTRACTED: Readonly<Record<SchoolKind, readonly (number | null)[]>> = {
  middle: [1000],
  nine_year: [1000, 500],
  other: [1000],
  central: [1000, 500, 300, null],
  complete_primary: [500, 300, 200, null],
  village_primary: [200, 100, null],
  teaching_point: [100, 100, 50],
  kindergarten: [200, 100, null],
};

const COUNTY_AC_KEY = 'county-ac';

/**
 * The demo county, generated from a seed: Chengkou's towns, about a hundred schools of
 * every kind with their rooms, switches, controllers and APs, and the county AC at the
 * bureau serving the small schools' APs. Two teaching points and a village primary have no
 * wireless yet. Deterministic: the same seed gives the same county, down to the MACs.
 */
export function generateCounty(seed = DEFAULT_SEED): DemoCounty {
  const rnd = createRandom(seed);
  const counters: Counters = { device: 0, ap: 0 };
  const seeds = listSchools(rnd);
  const withoutWireless = new Set([
    ...rnd.sample(
      seeds.filter((s) => s.kind === 'teaching_point'),
      2,
    ),
    ...rnd.sample(
      seeds.filter((s) => s.kind === 'village_primary'),
      1,
    ),
  ]);
  const countyAps: DemoAp[] = [];
  const countyAc = { key: COUNTY_AC_KEY, model: AC_MODELS.huaweiCounty };
  const schools = seeds.map((s, i): DemoSchool => {
    const no = i + 1;
    const code = `ck${String(no).padStart(3, '0')}`;
    const rooms = generateRooms(s.kind, rnd);
    const switches = schoolSwitches({ code, no, kind: s.kind, rooms: rooms.length }, rnd, counters);
    const devices: DemoDevice[] = [...switches.devices];
    const home = withoutWireless.has(s) ? 'none' : apHomeOf(s.kind, rnd);
    const skipRooms = roomsWithoutAp(rooms, rnd);
    let aps: DemoAp[] = [];
    if (home === 'own') {
      const model = AC_MODELS[switches.acVendor];
      const key = `${code}-ac`;
      aps = schoolAps({ code, kind: s.kind, rooms, skipRooms }, { key, model }, rnd, counters);
      devices.push({
        key,
        name: '无线控制器',
        role: 'ac',
        model,
        site: no,
        unit: 9,
        deviceNo: ++counters.device,
        aps,
      });
    } else if (home === 'county') {
      aps = schoolAps({ code, kind: s.kind, rooms, skipRooms }, countyAc, rnd, counters);
      countyAps.push(...aps);
    }
    return {
      no,
      code,
      name: s.name,
      town: s.town,
      kind: s.kind,
      contractedMbps: rnd.pick(CONTRACTED[s.kind]),
      rooms,
      devices,
      aps,
      apHome: home,
    };
  });
  const centre: DemoDevice = {
    key: COUNTY_AC_KEY,
    name: '县教育网络中心无线控制器',
    role: 'ac',
    model: AC_MODELS.huaweiCounty,
    site: 0,
    unit: 1,
    deviceNo: ++counters.device,
    aps: countyAps,
  };
  return {
    name: COUNTY_NAME,
    timezone: COUNTY_TIMEZONE,
    seed,
    towns: TOWNS.map((t) => t.name),
    schools,
    centre: [centre],
  };
}

/** Every device in the county: the centre's, then each school's. */
export function allDevices(county: DemoCounty): DemoDevice[] {
  return [...county.centre, ...county.schools.flatMap((s) => s.devices)];
}

/** Schools whose APs the county AC lists: the county-centre agent speaks for them. */
export function countyAcSchools(county: DemoCounty): DemoSchool[] {
  return county.schools.filter((s) => s.apHome === 'county');
}
