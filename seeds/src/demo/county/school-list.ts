import { SEAT_SCHOOLS, TOWNS, VILLAGES } from './chengkou-places.ts';
import type { Random } from './random.ts';
import type { SchoolKind } from './types.ts';

export interface SchoolSeed {
  readonly town: string;
  readonly name: string;
  readonly kind: SchoolKind;
}

/**
 * The county's schools, town by town, about a hundred of every kind: the county seat's
 * middle schools, primaries and kindergartens, then for each town a central primary,
 * a middle school (towns) or sometimes a nine-year school (townships), village primaries,
 * teaching points and a kindergarten.
 */
export function listSchools(rnd: Random): SchoolSeed[] {
  const villages = rnd.sample(VILLAGES, VILLAGES.length);
  const village = (): string => villages.pop() ?? `第${villages.length + 1}`;
  const out: SchoolSeed[] = [];
  for (const town of TOWNS) {
    const seat = SEAT_SCHOOLS[town.name];
    if (seat !== undefined) {
      for (const [name, kind] of seat) out.push({ town: town.name, name, kind });
      continue;
    }
    const stem = town.name.replace(/[镇乡]$/, '');
    const isTown = town.kind === 'town';
    if (isTown) out.push({ town: town.name, name: `城口县${stem}中学`, kind: 'middle' });
    else if (rnd.chance(0.4)) {
      out.push({ town: town.name, name: `${town.name}九年制学校`, kind: 'nine_year' });
    }
    out.push({ town: town.name, name: `${town.name}中心小学`, kind: 'central' });
    const primaries = isTown ? rnd.int(0, 2) : rnd.int(0, 1);
    for (let i = 0; i < primaries; i++) {
      const kind = rnd.chance(0.5) ? 'complete_primary' : 'village_primary';
      out.push({ town: town.name, name: `${town.name}${village()}村小学`, kind });
    }
    const points = isTown ? rnd.int(0, 1) : rnd.int(0, 2);
    for (let i = 0; i < points; i++) {
      out.push({ town: town.name, name: `${town.name}${village()}教学点`, kind: 'teaching_point' });
    }
    if (isTown || rnd.chance(0.3)) {
      out.push({ town: town.name, name: `${town.name}中心幼儿园`, kind: 'kindergarten' });
    }
  }
  return out;
}
