import type { Db } from '../../../db/schema.ts';
import type { EffectiveUplinks } from '../../uplinks/effective-uplinks.ts';
import { judgeFreshness } from '../engine/freshness.ts';
import type { SchoolDay } from '../engine/school-day.ts';
import type { ApFacts } from './load-aps.ts';
import type { CountyDayContext } from './load-county-context.ts';
import type { SchoolReports } from './load-reports.ts';
import type { SchoolUplinkData } from './load-uplinks.ts';
import { loadSchoolUplinks } from './load-uplinks.ts';
import { selectSchools, selectTeachingRooms } from './queries-places.ts';

export interface LoadedSchool extends SchoolDay {
  readonly aps: readonly ApFacts[];
  readonly reports: SchoolReports;
  readonly effective: EffectiveUplinks;
  readonly globalAddresses: SchoolUplinkData['globalAddresses'];
}

/**
 * The county's schools with ids in [from, to] (all of them without a range), each with what
 * its indicators need, from a fixed number of bulk queries whatever the number of schools.
 */
export async function loadSchools(
  db: Db,
  ctx: CountyDayContext,
  schools?: { from: number; to: number },
): Promise<LoadedSchool[]> {
  const scope = { countyId: ctx.county.id, ...(schools === undefined ? {} : { schools }) };
  const rows = await selectSchools(db, scope);
  const roomsOf = new Map<number, number[]>();
  for (const r of await selectTeachingRooms(db, scope)) {
    const list = roomsOf.get(r.school_id);
    if (list === undefined) roomsOf.set(r.school_id, [r.id]);
    else list.push(r.id);
  }
  const uplinksOf = await loadSchoolUplinks(db, {
    ...scope,
    metroPattern: ctx.county.metroPattern,
    ...ctx.schoolHours,
    addressesSince: ctx.addressesSince,
  });
  const { settings, evaluatedAt } = ctx;
  return rows.map((s): LoadedSchool => {
    const reports = ctx.reportsOf(s.id);
    const uplinks = uplinksOf(s.id);
    const freshness = judgeFreshness({
      lastReportAt: reports.lastReport?.polledAt ?? null,
      evaluatedAt,
      lateWindowMs: settings.lateWindowMinutes * 60_000,
      staleWindowMs: settings.staleWindowHours * 3_600_000,
    });
    return {
      schoolId: s.id,
      townId: s.town_id,
      kind: s.kind,
      contractedMbps: s.contracted_egress_mbps,
      freshness,
      teachingRoomIds: roomsOf.get(s.id) ?? [],
      aps: ctx.apsOf.get(s.id) ?? [],
      uplinkSource: uplinks.effective.source,
      uplinks: uplinks.effective.uplinks,
      samples: uplinks.samples,
      uplinkGlobalAddresses: uplinks.globalAddresses.length,
      probes: reports.probeReport?.probes ?? null,
      reports,
      effective: uplinks.effective,
      globalAddresses: uplinks.globalAddresses,
    };
  });
}
