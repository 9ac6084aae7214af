import type { Indicator } from '../indicators.ts';
import { THRESHOLDS } from './scenario-expected.ts';

/*
 * THE HAND ROLLUPS for 2026-11-27, summed by hand from the school table. Town A 城关镇 =
 * A1–A5 (no teaching point), B 河口镇 = B1–B5 (teaching point B3), C 石门乡 = C1–C5
 * (teaching point C3). Numerator and denominator are Σ over schools with a known figure
 * (unknown excluded); value = Σn ÷ Σd; counts are by status, so an indicator without a
 * target counts no school as met or not met, but still counts its unknown schools.
 */

export interface ExpectedRollup {
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly value: number | null;
  readonly threshold: number | null;
  /** schools, met, not met, unknown */
  readonly schools: readonly [number, number, number, number];
  /** teaching points, met, not met, unknown */
  readonly teachingPoints: readonly [number, number, number, number];
}

export type Scope = 'A' | 'B' | 'C' | 'county';
type RollupTable = Readonly<Record<Scope, ExpectedRollup>>;

type Counts = readonly [number, number, number, number];
const roll =
  (indicator: Indicator) =>
  (sum: readonly [number, number] | null, schools: Counts, teachingPoints: Counts) => ({
    numerator: sum === null ? null : sum[0],
    denominator: sum === null ? null : sum[1],
    value: sum === null ? null : sum[0] / sum[1],
    threshold: THRESHOLDS[indicator],
    schools,
    teachingPoints,
  });
const NO_TP: Counts = [0, 0, 0, 0];

const coverage = roll('room_coverage');
const wireless = roll('has_wireless');
const full = roll('full_coverage');
const apRatio = roll('ap_online_ratio');
const uplink = roll('uplink_1000m');
const egress = roll('egress_100m');
const ipv6 = roll('ipv6');

export const EXPECTED_ROLLUPS: Readonly<Record<Indicator, RollupTable>> = {
  room_coverage: {
    // A: 5+4+3+5 = 17 of 5+6+3+5 = 19 (A3 no room list) = 0.8947; met A1 A4 A5, not A2, unk A3
    A: coverage([17, 19], [5, 3, 1, 1], NO_TP),
    // B: 8+5+1+3 = 17 of 9+5+2+3 = 19 (B5 stale) = 0.8947; met B2 B4, not B1 B3, unk B5; TP B3 not
    B: coverage([17, 19], [5, 2, 2, 1], [1, 0, 1, 0]),
    // C: 7+4+0+1+6 = 18 of 7+4+1+2+7 = 21 = 0.8571; met C1 C2, not C3 C4 C5; TP C3 not
    C: coverage([18, 21], [5, 2, 3, 0], [1, 0, 1, 0]),
    // county: 17+17+18 = 52 of 19+19+21 = 59 = 0.8814; met 3+2+2 = 7, not 1+2+3 = 6, unk 2
    county: coverage([52, 59], [15, 7, 6, 2], [2, 0, 2, 0]),
  },
  has_wireless: {
    A: wireless([5, 5], [5, 5, 0, 0], NO_TP), // all five have an AP online ⇒ 5/5
    B: wireless([4, 4], [5, 4, 0, 1], [1, 1, 0, 0]), // B1–B4 yes, B5 stale ⇒ 4/4; TP B3 met
    C: wireless([4, 5], [5, 4, 1, 0], [1, 0, 1, 0]), // C3 none online ⇒ 4/5 = 0.8; TP C3 not
    county: wireless([13, 14], [15, 13, 1, 1], [2, 1, 1, 0]), // 5+4+4 = 13 of 5+4+5 = 14 = 0.9286
  },
  full_coverage: {
    A: full([3, 4], [5, 0, 0, 1], NO_TP), // A1 A4 A5 full, A2 not, A3 unknown ⇒ 3/4 = 0.75
    B: full([2, 4], [5, 0, 0, 1], [1, 0, 0, 0]), // B2 B4 full, B1 B3 not, B5 stale ⇒ 2/4 = 0.5
    C: full([2, 5], [5, 0, 0, 0], [1, 0, 0, 0]), // C1 C2 full ⇒ 2/5 = 0.4
    county: full([7, 13], [15, 0, 0, 2], [2, 0, 0, 0]), // 3+2+2 = 7 of 4+4+5 = 13 = 0.5385
  },
  ap_online_ratio: {
    A: apRatio([21, 22], [5, 0, 0, 0], NO_TP), // 6+5+2+3+5 = 21 of 6+6+2+3+5 = 22 = 0.9545
    B: apRatio([16, 19], [5, 0, 0, 1], [1, 0, 0, 0]), // 7+5+1+3 = 16 of 10+5+1+3 = 19 = 0.8421
    C: apRatio([17, 22], [5, 0, 0, 0], [1, 0, 0, 0]), // 7+4+0+0+6 = 17 of 8+4+1+2+7 = 22 = 0.7727
    county: apRatio([54, 63], [15, 0, 0, 1], [2, 0, 0, 0]), // 21+16+17 = 54 of 22+19+22 = 63
  },
  uplink_1000m: {
    // A: 108+108+0+103+108 = 427 of 5×108 = 540 = 0.7907; A3 (100M) not met
    A: uplink([427, 540], [5, 4, 1, 0], NO_TP),
    // B: 84+108 = 192 of 216 = 0.8889; B2 met, B1 not, B3 B4 B5 unknown; TP B3 unknown
    B: uplink([192, 216], [5, 1, 1, 3], [1, 0, 0, 1]),
    // C: 108+106+108+108+108 = 538 of 540 = 0.9963; all met; TP C3 met
    C: uplink([538, 540], [5, 5, 0, 0], [1, 1, 0, 0]),
    // county: 427+192+538 = 1157 of 540+216+540 = 1296 = 0.8927
    county: uplink([1157, 1296], [15, 10, 2, 3], [2, 1, 0, 1]),
  },
  egress_100m: {
    A: egress([535, 540], [5, 5, 0, 0], NO_TP), // 108+108+108+103+108 = 535 of 540 = 0.9907
    B: egress([192, 216], [5, 1, 1, 3], [1, 0, 0, 1]), // 84+108 of 216; B1 not met
    C: egress([538, 540], [5, 5, 0, 0], [1, 1, 0, 0]),
    county: egress([1265, 1296], [15, 11, 1, 3], [2, 1, 0, 1]), // 535+192+538 = 1265 = 0.9761
  },
  // numerator = schools at level ≥ 4, denominator = schools with a known level
  ipv6: {
    A: ipv6([1, 5], [5, 1, 4, 0], NO_TP), // levels 4, 3, 0, 2, 3 ⇒ A1 only ⇒ 1/5 = 0.2
    B: ipv6([1, 2], [5, 1, 1, 3], [1, 0, 0, 1]), // 4, 1, unknown ×3 (B3 B4 B5) ⇒ 1/2 = 0.5
    C: ipv6([2, 5], [5, 2, 3, 0], [1, 0, 1, 0]), // 4, 2, 1, 0, 4 ⇒ C1 C5 ⇒ 2/5; TP C3 level 1
    county: ipv6([4, 12], [15, 4, 8, 3], [2, 0, 1, 1]), // 1+1+2 = 4 of 5+2+5 = 12 = 0.3333
  },
};
