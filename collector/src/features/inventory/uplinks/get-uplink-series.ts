import type { ReadContext } from '../../../context.ts';
import { schoolOrNotFound } from '../../places/lookups.ts';
import { loadSchoolUplinks } from './load-school-uplinks.ts';
import { selectPortIds, selectPortSamples } from './queries-series.ts';
import type { SchoolUplinks } from './schema.ts';

/** At most this many points per port: a week of 5-minute polls is 2,016. */
export const MAX_POINTS = 2100;

export interface UplinkSeries {
  readonly schoolId: number;
  readonly contractedEgressMbps: number | null;
  readonly source: SchoolUplinks['source'];
  readonly ports: readonly {
    deviceId: number;
    ifIndex: number;
    label: string | null;
    speedMbps: number | null;
    /** [ISO time, in bit/s, out bit/s]; rates as the agent measured them. */
    points: [string, number | null, number | null][];
  }[];
}

/**
 * A school's uplink traffic between two instants for the utilisation chart: each effective
 * uplink's polled rates, thinned to the busiest sample per bucket so peaks survive.
 */
export async function getUplinkSeries({
  db,
  input,
}: ReadContext<{ schoolId: number; from: string; to: string }>): Promise<UplinkSeries> {
  const school = await schoolOrNotFound(db, input.schoolId);
  const uplinks = await loadSchoolUplinks(db, school);
  const ids = await selectPortIds(
    db,
    uplinks.uplinks.map((u) => ({ deviceId: u.deviceId, ifIndex: u.ifIndex })),
  );
  const ports = [];
  for (const u of uplinks.uplinks) {
    const id = ids.find((i) => i.device_id === u.deviceId && i.if_index === u.ifIndex)?.id;
    const samples = id === undefined ? [] : await selectPortSamples(db, id, input.from, input.to);
    ports.push({
      deviceId: u.deviceId,
      ifIndex: u.ifIndex,
      label: u.port?.ifName ?? u.port?.ifDescr ?? null,
      speedMbps: u.port?.speedMbps ?? null,
      points: thin(
        samples.map((s): [string, number | null, number | null] => [
          s.sampled_at,
          s.in_bps,
          s.out_bps,
        ]),
      ),
    });
  }
  return {
    schoolId: school.id,
    contractedEgressMbps: school.contractedEgressMbps,
    source: uplinks.source,
    ports,
  };
}

function thin(
  points: [string, number | null, number | null][],
): [string, number | null, number | null][] {
  if (points.length <= MAX_POINTS) return points;
  const size = Math.ceil(points.length / MAX_POINTS);
  const out: [string, number | null, number | null][] = [];
  for (let i = 0; i < points.length; i += size) {
    const bucket = points.slice(i, i + size);
    const busiest = bucket.reduce((a, b) =>
      Math.max(b[1] ?? 0, b[2] ?? 0) > Math.max(a[1] ?? 0, a[2] ?? 0) ? b : a,
    );
    out.push(busiest);
  }
  return out;
}
