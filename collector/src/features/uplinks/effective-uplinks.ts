import type { UplinkInference } from './infer-uplinks.ts';
import { inferUplinks } from './infer-uplinks.ts';

/*
 * A school's uplinks as compliance should judge them (targets.md §5): the ports a person
 * designated, when there are any; until then the ports inferred from polled data, each
 * with how it was found. Pure, so the read API and the compliance job agree.
 */

export interface Designation {
  readonly deviceId: number;
  readonly ifIndex: number;
  readonly designatedBy: string;
  readonly designatedAt: string;
  readonly note: string | null;
}

/** What was polled from one of the school's devices. */
export interface PolledDevice {
  readonly id: number;
  readonly interfaces: readonly {
    ifIndex: number;
    ifAlias: string | null;
    ifType: number | null;
  }[];
  readonly lldp: readonly { localIfIndex: number | null; remoteSysName: string | null }[];
  readonly ipv6DefaultRouteIfIndexes: readonly (number | null)[];
}

export interface EffectiveUplink {
  readonly deviceId: number;
  readonly ifIndex: number;
  readonly how: 'designated' | UplinkInference;
  readonly evidence: string | null;
  readonly designatedBy: string | null;
  readonly designatedAt: string | null;
  readonly note: string | null;
}

export interface EffectiveUplinks {
  readonly source: 'designated' | 'inferred' | 'none';
  readonly uplinks: readonly EffectiveUplink[];
}

const ORDER: Record<UplinkInference, number> = { 'lldp-metro': 0, alias: 1, 'default-route': 2 };

export function effectiveUplinks(
  designations: readonly Designation[],
  devices: readonly PolledDevice[],
  metroPattern: RegExp | null,
): EffectiveUplinks {
  if (designations.length > 0) {
    const uplinks = designations.map((d) => ({ ...d, how: 'designated' as const, evidence: null }));
    return { source: 'designated', uplinks };
  }
  const inferred = devices.flatMap((device) =>
    inferUplinks({ ...device, metroPattern }).map((c) => ({
      deviceId: device.id,
      ifIndex: c.ifIndex,
      how: c.how,
      evidence: c.evidence,
      designatedBy: null,
      designatedAt: null,
      note: null,
    })),
  );
  inferred.sort(
    (a, b) => ORDER[a.how] - ORDER[b.how] || a.deviceId - b.deviceId || a.ifIndex - b.ifIndex,
  );
  return { source: inferred.length > 0 ? 'inferred' : 'none', uplinks: inferred };
}
