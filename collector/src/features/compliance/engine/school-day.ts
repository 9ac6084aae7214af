import type { HostProbes } from '@xiaowang/shared';
import type { SchoolKind } from '../../places/kinds.ts';
import type { Indicator } from '../indicators.ts';
import type { ApObservation } from './ap-devices.ts';
import type { FreshnessResult } from './freshness.ts';
import type { UplinkSample } from './uplink-polls.ts';

/** Everything the indicators need about one school on one local day, loaded in bulk. */
export interface SchoolDay {
  readonly schoolId: number;
  readonly townId: number;
  readonly kind: SchoolKind;
  readonly contractedMbps: number | null;
  readonly freshness: FreshnessResult;
  readonly teachingRoomIds: readonly number[];
  /** AP rows attributed to the school (explicit, rule or agent), with room and daily counts. */
  readonly aps: readonly ApObservation[];
  readonly uplinkSource: 'designated' | 'inferred' | 'none';
  readonly uplinks: readonly { readonly deviceId: number; readonly ifIndex: number }[];
  /** The effective uplinks' samples in school hours. */
  readonly samples: readonly UplinkSample[];
  readonly uplinkGlobalAddresses: number;
  readonly probes: HostProbes | null;
}

/** The county's settings as the indicators use them. */
export interface IndicatorSettings {
  readonly coverageWindowDays: number;
  readonly uplinkRequiredShare: number;
  readonly ipv6HttpsSuccessesRequired: number;
}

/** The target step in force that day, per indicator; absent: no target. */
export type StepsInForce = Partial<
  Record<Indicator, { readonly id: number; readonly threshold: number }>
>;
