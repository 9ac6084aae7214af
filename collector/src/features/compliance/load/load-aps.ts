import type { Db } from '../../../db/schema.ts';
import { resolveCountyAps } from '../../inventory/aps/resolve-aps.ts';
import type { ApView } from '../../inventory/aps/schema.ts';
import type { ApObservation } from '../engine/ap-devices.ts';
import { selectApWindow } from './queries-aps.ts';

/** An AP row as compliance sees it, with what evidence needs to say where it counted. */
export interface ApFacts extends ApObservation {
  readonly name: string | null;
  readonly apGroup: string | null;
  readonly controllerDeviceId: number;
  readonly attribution: ApView['attribution'];
  readonly roomMapping: ApView['roomMapping'];
  readonly lastOnlineDay: string | null;
}

/**
 * The county's APs grouped by the school they are attributed to, through the same resolver
 * the inventory API uses (explicit, rule, or the agent's only school; room by assignment or
 * naming convention), joined to their polls over the coverage window.
 */
export async function loadSchoolAps(
  db: Db,
  v: { countyId: number; fromDay: string; day: string },
): Promise<Map<number, ApFacts[]>> {
  const views = await resolveCountyAps(db, v.countyId);
  const window = new Map((await selectApWindow(db, v)).map((w) => [w.ap_id, w]));
  const bySchool = new Map<number, ApFacts[]>();
  for (const ap of views) {
    if (ap.school === null) continue;
    const w = window.get(ap.id);
    const facts: ApFacts = {
      apId: ap.id,
      mac: ap.mac,
      serial: ap.serial,
      name: ap.name,
      apGroup: ap.apGroup,
      controllerDeviceId: ap.controllerDeviceId,
      roomId: ap.room?.id ?? null,
      attribution: ap.attribution,
      roomMapping: ap.roomMapping,
      windowSamples: Number(w?.window_samples ?? 0),
      windowOnlineSamples: Number(w?.window_online_samples ?? 0),
      daySamples: Number(w?.day_samples ?? 0),
      dayOnlineSamples: Number(w?.day_online_samples ?? 0),
      lastOnlineDay: w?.last_online_day ?? null,
    };
    let list = bySchool.get(ap.school.id);
    if (list === undefined) bySchool.set(ap.school.id, (list = []));
    list.push(facts);
  }
  return bySchool;
}
