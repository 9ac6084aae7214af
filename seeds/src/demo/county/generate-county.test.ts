import { describe, expect, it } from 'vitest';
import { ROOM_CONVENTION } from '../run/seed-county.ts';
import { allDevices, countyAcSchools, generateCounty } from './generate-county.ts';
import { placesCsv } from './places-csv.ts';
import { isTeachingRoom } from './types.ts';

const county = generateCounty();
const convention = new RegExp(ROOM_CONVENTION);

describe('the demo county generator', () => {
  it('builds the same county from the same seed, and another from another', () => {
    expect(JSON.stringify(generateCounty())).toBe(JSON.stringify(county));
    expect(JSON.stringify(generateCounty(7))).not.toBe(JSON.stringify(county));
  });

  it('has Chengkou’s 25 towns and about a hundred schools of every kind', () => {
    expect(county.towns).toHaveLength(25);
    expect(county.schools.length).toBeGreaterThanOrEqual(90);
    expect(county.schools.length).toBeLessThanOrEqual(115);
    const kinds = new Set(county.schools.map((s) => s.kind));
    for (const kind of [
      'middle',
      'nine_year',
      'central',
      'complete_primary',
      'village_primary',
      'teaching_point',
      'kindergarten',
      'other',
    ]) {
      expect(kinds, kind).toContain(kind);
    }
    for (const town of county.towns) {
      expect(
        county.schools.some((s) => s.town === town),
        town,
      ).toBe(true);
    }
  });

  it('gives names that are unique where the collector needs them to be', () => {
    const unique = <T>(items: readonly T[]) => new Set(items).size === items.length;
    expect(unique(county.schools.map((s) => s.code))).toBe(true);
    expect(unique(county.schools.map((s) => `${s.town}/${s.name}`))).toBe(true);
    for (const s of county.schools) expect(unique(s.rooms.map((r) => r.name)), s.code).toBe(true);
    const devices = allDevices(county);
    expect(unique(devices.map((d) => d.key))).toBe(true);
    expect(unique(devices.map((d) => `${d.site}.${d.unit}`))).toBe(true);
    const aps = devices.flatMap((d) => d.aps);
    expect(unique(aps.map((a) => a.mac))).toBe(true);
    expect(unique(aps.map((a) => a.serial))).toBe(true);
  });

  it('names each AP for its room by the county convention, grouped by school', () => {
    for (const school of county.schools) {
      for (const ap of school.aps) {
        expect(ap.group).toBe(school.code);
        expect(ap.name.startsWith(`${school.code}-`)).toBe(true);
        const room = convention.exec(ap.name)?.groups?.['room'] ?? null;
        expect(room, ap.name).toBe(ap.room);
        if (ap.room !== null) expect(school.rooms.map((r) => r.name)).toContain(ap.room);
      }
    }
  });

  it('puts small schools’ APs on the county AC and big schools’ on their own', () => {
    const [countyAc] = county.centre;
    const onCounty = countyAcSchools(county).flatMap((s) => s.aps.map((a) => a.mac));
    expect(countyAc?.aps.map((a) => a.mac)).toEqual(onCounty);
    for (const school of county.schools) {
      const ac = school.devices.find((d) => d.role === 'ac');
      if (school.apHome === 'own') expect(ac?.aps).toEqual(school.aps);
      else expect(ac, school.code).toBeUndefined();
      if (school.apHome === 'none') expect(school.aps).toHaveLength(0);
      expect(school.devices.filter((d) => d.role === 'core')).toHaveLength(1);
    }
    for (const kind of ['middle', 'nine_year', 'other']) {
      expect(county.schools.filter((s) => s.kind === kind).every((s) => s.apHome === 'own')).toBe(
        true,
      );
    }
    expect(county.schools.filter((s) => s.apHome === 'none').length).toBe(3);
  });

  it('mixes Huawei, H3C and Ruijie with a few others, as counties buy', () => {
    const devices = allDevices(county);
    const acVendors = new Set(devices.filter((d) => d.role === 'ac').map((d) => d.model.vendor));
    expect([...acVendors].sort()).toEqual(['h3c', 'huawei', 'ruijie']);
    const vendors = new Set(devices.map((d) => d.model.vendor));
    expect(vendors).toContain('zte');
    expect(vendors).toContain('tplink');
    expect(devices.length).toBeGreaterThan(150);
  });

  it('leaves some teaching rooms without an AP, so coverage is a real fraction', () => {
    const gaps = county.schools.filter((s) =>
      s.rooms.filter(isTeachingRoom).some((r) => !s.aps.some((a) => a.room === r.name)),
    );
    expect(gaps.length).toBeGreaterThan(5);
    expect(gaps.length).toBeLessThan(county.schools.length / 2);
  });

  it('writes the bureau’s sheet: one row per room with the school’s kind and line', () => {
    const lines = placesCsv(county).trimEnd().split('\r\n');
    expect(lines[0]).toBe('乡镇,学校,学校代码,类型,教室,教室类型,合同带宽');
    expect(lines).toHaveLength(1 + county.schools.reduce((n, s) => n + s.rooms.length, 0));
    const first = county.schools[0];
    expect(lines[1]).toBe(`${first?.town},${first?.name},${first?.code},中学,101,普通教室,1000M`);
  });
});
