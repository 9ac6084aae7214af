/**
 * The indicators of targets.md, each computed per school per day and rolled up. The
 * threshold of a target step is in the indicator's unit: a fraction for coverage and
 * shares, Mbit/s for uplink speeds, a level for IPv6.
 */
export const INDICATORS = [
  /** Covered teaching rooms ÷ teaching rooms (primary wireless figure). */
  'room_coverage',
  /** The school has at least one online AP (national statistics count schools). */
  'has_wireless',
  /** Room coverage is 100 %. */
  'full_coverage',
  /** Online APs ÷ known APs, APs as devices (never radio rows). */
  'ap_online_ratio',
  /** Uplink up at ≥ threshold Mbit/s for ≥ 95 % of school-hour samples (上联千兆). */
  'uplink_1000m',
  /** The national egress floor: uplink (and contracted line, where entered) ≥ 100 Mbit/s. */
  'egress_100m',
  /** IPv6 level 0–5 (targets.md §6); "supports IPv6" is level ≥ 4. */
  'ipv6',
] as const;

export type Indicator = (typeof INDICATORS)[number];

/** How a school stands against the target in force on a day. */
export const RESULT_STATUSES = ['met', 'not_met', 'unknown', 'no_target'] as const;
export type ResultStatus = (typeof RESULT_STATUSES)[number];

/** Why a figure is unknown: never a pass, always said. */
export const UNKNOWN_REASONS = [
  'stale',
  'never_reported',
  'room_list_missing',
  'no_uplink',
  'no_samples_in_school_hours',
  'no_ap_data',
  'no_probe_data',
] as const;
export type UnknownReason = (typeof UNKNOWN_REASONS)[number];

export type Freshness = 'fresh' | 'late' | 'stale' | 'never';

/**
 * The threshold an indicator is computed against when no target is in force, so the value
 * is still stored: the speeds the indicators are named after, and "supports IPv6" = level 4.
 */
export const NOMINAL_THRESHOLD: Readonly<Record<Indicator, number>> = {
  room_coverage: 1,
  has_wireless: 1,
  full_coverage: 1,
  ap_online_ratio: 1,
  uplink_1000m: 1000,
  egress_100m: 100,
  ipv6: 4,
};
