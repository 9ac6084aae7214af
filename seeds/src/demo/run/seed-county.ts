import { countyAcSchools } from '../county/generate-county.ts';
import { placesCsv } from '../county/places-csv.ts';
import type { DemoCounty } from '../county/types.ts';
import { DEMO_PRESETS } from '../plan/expected.ts';
import type { AdminApi } from './admin-api.ts';

/** AP names are `<school code>-<room>[-<n>]`: the room is the part after the code. */
export const ROOM_CONVENTION = '^ck\\d{3}-(?<room>\\d{3,4})(?:-\\d+)?$';

export interface SeededCounty {
  readonly countyId: number;
  /** School id by school code. */
  readonly schoolIds: ReadonlyMap<string, number>;
}

/** The county's id and school ids when it exists already, so a restart reuses it. */
export async function findCounty(api: AdminApi, name: string): Promise<SeededCounty | undefined> {
  const counties = await api.request<{ items: { id: number; name: string }[] }>(
    'GET',
    '/api/v1/counties',
  );
  const county = counties.items.find((c) => c.name === name);
  if (county === undefined) return undefined;
  return { countyId: county.id, schoolIds: await schoolIdsOf(api, county.id) };
}

async function schoolIdsOf(api: AdminApi, countyId: number): Promise<Map<string, number>> {
  const schools = await api.request<{ items: { id: number; code: string }[] }>(
    'GET',
    `/api/v1/schools?countyId=${countyId}`,
  );
  return new Map(schools.items.map((s) => [s.code, s.id]));
}

/**
 * Sets the county up through the admin API, as a bureau would on its first day: the
 * county, its towns, schools and rooms from the sheet, the plans' targets, the AP naming
 * convention, and one AP-group rule per school whose APs the county AC controls.
 */
export async function seedCounty(api: AdminApi, county: DemoCounty): Promise<SeededCounty> {
  const created = await api.request<{ id: number }>('POST', '/api/v1/counties', {
    name: county.name,
    timezone: county.timezone,
  });
  const countyId = created.id;
  await api.upload(
    `/api/v1/counties/${countyId}/import`,
    'text/csv; charset=utf-8',
    placesCsv(county),
  );
  for (const preset of DEMO_PRESETS) {
    await api.request('POST', `/api/v1/counties/${countyId}/targets/apply-preset`, { preset });
  }
  await api.request('PUT', `/api/v1/counties/${countyId}/ap-room-convention`, {
    pattern: ROOM_CONVENTION,
  });
  const schoolIds = await schoolIdsOf(api, countyId);
  for (const school of countyAcSchools(county)) {
    const schoolId = schoolIds.get(school.code);
    if (schoolId === undefined) throw new Error(`school ${school.code} was not imported`);
    await api.request('POST', `/api/v1/counties/${countyId}/ap-rules`, {
      kind: 'group',
      pattern: school.code,
      schoolId,
    });
  }
  return { countyId, schoolIds };
}
