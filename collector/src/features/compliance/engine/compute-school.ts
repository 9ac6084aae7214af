import type { Indicator, ResultStatus } from '../indicators.ts';
import { INDICATORS } from '../indicators.ts';
import { groupApDevices } from './ap-devices.ts';
import { computeApOnlineRatio } from './ap-online-ratio.ts';
import { computeEgress100m } from './egress-100m.ts';
import { freshnessBlocks } from './freshness.ts';
import { computeFullCoverage } from './full-coverage.ts';
import { computeHasWireless } from './has-wireless.ts';
import { computeIpv6Level } from './ipv6-level.ts';
import type { Measure } from './measure.ts';
import { statusOf, unknownMeasure } from './measure.ts';
import { computeRoomCoverage } from './room-coverage.ts';
import type { IndicatorSettings, SchoolDay, StepsInForce } from './school-day.ts';
import { computeUplink1000m } from './uplink-1000m.ts';
import { uplinkSpeedInput } from './uplink-speed.ts';

export interface IndicatorResult {
  readonly indicator: Indicator;
  readonly measure: Measure;
  readonly status: ResultStatus;
  readonly step: { readonly id: number; readonly threshold: number } | undefined;
}

/** Every indicator of one school on one day, judged against the steps in force. */
export function computeSchoolDay(
  school: SchoolDay,
  steps: StepsInForce,
  settings: IndicatorSettings,
): IndicatorResult[] {
  const measures = measureAll(school, steps, settings);
  const { state, lastReportAt, ageMinutes } = school.freshness;
  return INDICATORS.map((indicator) => {
    const step = steps[indicator];
    const measured = measures[indicator];
    const measure = {
      ...measured,
      details: { ...measured.details, freshness: state, lastReportAt, ageMinutes },
    };
    return { indicator, measure, status: statusOf(measure, step !== undefined), step };
  });
}

function measureAll(
  school: SchoolDay,
  steps: StepsInForce,
  settings: IndicatorSettings,
): Record<Indicator, Measure> {
  const { state } = school.freshness;
  if (freshnessBlocks(state)) {
    const blocked = unknownMeasure(state === 'never' ? 'never_reported' : 'stale', {});
    return Object.fromEntries(INDICATORS.map((i) => [i, blocked])) as Record<Indicator, Measure>;
  }
  const threshold = (i: Indicator) => steps[i]?.threshold ?? null;
  const aps = groupApDevices(school.aps);
  const coverageInput = {
    teachingRoomIds: school.teachingRoomIds,
    aps,
    windowDays: settings.coverageWindowDays,
  };
  const roomCoverage = computeRoomCoverage(coverageInput, threshold('room_coverage'));
  const uplink = uplinkSpeedInput({
    uplinks: school.uplinks.length,
    samples: school.samples,
    requiredShare: settings.uplinkRequiredShare,
    contractedMbps: school.contractedMbps,
  });
  const withSource = (m: Measure): Measure => ({
    ...m,
    details: { ...m.details, uplinkSource: school.uplinkSource },
  });
  return {
    room_coverage: roomCoverage,
    has_wireless: computeHasWireless(aps, threshold('has_wireless')),
    full_coverage: computeFullCoverage(roomCoverage, threshold('full_coverage')),
    ap_online_ratio: computeApOnlineRatio(aps, threshold('ap_online_ratio')),
    uplink_1000m: withSource(computeUplink1000m(uplink, threshold('uplink_1000m'))),
    egress_100m: withSource(computeEgress100m(uplink, threshold('egress_100m'))),
    ipv6: computeIpv6Level(
      {
        uplinks: school.uplinks.length,
        uplinkGlobalAddresses: school.uplinkGlobalAddresses,
        probes: school.probes,
        httpsSuccessesRequired: settings.ipv6HttpsSuccessesRequired,
      },
      threshold('ipv6'),
    ),
  };
}
