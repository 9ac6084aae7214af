import type { LoadedSchool } from '../load/load-schools.ts';
import type { Evidence } from './evidence-schema.ts';
import { inferenceOids, uplinkOids } from './evidence-oids.ts';

type Names = ReadonlyMap<string, { ifName: string | null; ifAlias: string | null }>;

export const portKey = (deviceId: number, ifIndex: number) => `${deviceId}/${ifIndex}`;

/** The school's effective uplinks with how each was found, its samples and the OIDs behind them. */
export function uplinkEvidence(school: LoadedSchool, names: Names): Evidence['interfaces'] {
  return school.effective.uplinks.map((u) => {
    const key = portKey(u.deviceId, u.ifIndex);
    const name = names.get(key);
    return {
      deviceId: u.deviceId,
      ifIndex: u.ifIndex,
      ifName: name?.ifName ?? null,
      ifAlias: name?.ifAlias ?? null,
      how: u.how,
      evidence: u.evidence,
      samples: school.samples.filter((s) => portKey(s.deviceId, s.ifIndex) === key).length,
      globalIpv6: school.globalAddresses
        .filter((a) => portKey(a.deviceId, a.ifIndex) === key)
        .map((a) => a.address),
      oids: [...uplinkOids(u.ifIndex), ...inferenceOids(u.how, u.ifIndex)],
    };
  });
}

/** The reports whose samples the uplink figure counts, each once. */
export const sampleReportIds = (school: LoadedSchool): number[] => [
  ...new Set(school.samples.map((s) => s.reportId)),
];
