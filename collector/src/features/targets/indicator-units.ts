import type { MessageKey } from '@xiaowang/shared';
import type { Indicator } from '../compliance/indicators.ts';

/** The unit of an indicator's value and of its targets' thresholds (targets.md §3, §5, §6). */
export type IndicatorUnit = 'fraction' | 'mbps' | 'level';

export const INDICATOR_UNITS: Readonly<Record<Indicator, IndicatorUnit>> = {
  room_coverage: 'fraction',
  has_wireless: 'fraction',
  full_coverage: 'fraction',
  ap_online_ratio: 'fraction',
  uplink_1000m: 'mbps',
  egress_100m: 'mbps',
  ipv6: 'level',
};

/** A 100 Gbit/s school line is beyond any plan; a larger figure is a typing slip. */
export const MAX_THRESHOLD_MBPS = 100_000;

/** Why a threshold cannot be a target of the indicator, or undefined when it can. */
export function thresholdProblem(indicator: Indicator, value: number): MessageKey | undefined {
  switch (INDICATOR_UNITS[indicator]) {
    case 'fraction':
      return value >= 0 && value <= 1 ? undefined : 'targets.validation.fraction';
    case 'mbps':
      return value > 0 && value <= MAX_THRESHOLD_MBPS ? undefined : 'targets.validation.mbps';
    case 'level':
      return Number.isInteger(value) && value >= 0 && value <= 5
        ? undefined
        : 'targets.validation.ipv6Level';
  }
}

export function indicatorLabel(indicator: Indicator): MessageKey {
  return `targets.indicator.${indicator}`;
}
