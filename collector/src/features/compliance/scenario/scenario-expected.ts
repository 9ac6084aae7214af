import type { Indicator, ResultStatus, UnknownReason } from '../indicators.ts';

/*
 * THE HAND TABLE: every school's every indicator for 2026-11-27, worked out from
 * scenario-spec.ts by hand, with the arithmetic beside each figure. Readings of targets.md
 * that the spec leaves open are stated once here, and the report lists them:
 *  - coverage window = the 7 local days 11-21…11-27; an AP counts once (by serial); a room is
 *    covered, and the school has wireless, when an AP was online on any day of the window
 *    (ap_daily.online_samples > 0); the AP online ratio counts APs online on the day itself;
 *    teaching rooms are ordinary + special classrooms;
 *  - uplink figures = school-hour polls (08:02…16:57, 108 a day) of the effective uplink
 *    that were up at ≥ the threshold ÷ all school-hour polls; met when ≥ 95 %;
 *  - has_wireless and full_coverage are 1/1 or 0/1 per school; IPv6's value is the level,
 *    its numerator 1 when the level reaches 4 ("supports IPv6"), else 0, of 1; levels are
 *    cumulative and level 1 needs a known uplink;
 *  - an unknown figure has null value, numerator and denominator and status `unknown`,
 *    even where no target is in force (unknown beats no_target; §7 "counts as unknown");
 *  - a stale school (agent silent > 24 h) is unknown on every indicator.
 */

export interface ExpectedResult {
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly status: ResultStatus;
  readonly unknownReason: UnknownReason | null;
}

export type SchoolTable = Readonly<Record<Indicator, ExpectedResult>>;

/** The threshold in force on 11-27 (targets.md §4: the last step whose date has come). */
export const THRESHOLDS: Readonly<Record<Indicator, number | null>> = {
  room_coverage: 1, // steps 2022-01-01 → 0.6 and 2025-01-01 → 1.0: the 2025 step is in force
  has_wireless: 1,
  full_coverage: null,
  ap_online_ratio: null,
  uplink_1000m: 1000,
  egress_100m: 100,
  ipv6: 4,
};

const ratio = (numerator: number, denominator: number, status: ResultStatus): ExpectedResult => ({
  value: numerator / denominator,
  numerator,
  denominator,
  status,
  unknownReason: null,
});
/** An IPv6 level; the numerator says whether it reaches level 4 ("supports IPv6"). */
const level = (value: number, status: ResultStatus): ExpectedResult => ({
  value,
  numerator: value >= 4 ? 1 : 0,
  denominator: 1,
  status,
  unknownReason: null,
});
const unknown = (reason: UnknownReason): ExpectedResult => ({
  value: null,
  numerator: null,
  denominator: null,
  status: 'unknown',
  unknownReason: reason,
});
const MET = 'met';
const NOT = 'not_met';
const NT = 'no_target';

/** Every indicator unknown for one reason (a stale school), with or without a target. */
const allUnknown = (reason: UnknownReason): SchoolTable => ({
  room_coverage: unknown(reason),
  has_wireless: unknown(reason),
  full_coverage: unknown(reason),
  ap_online_ratio: unknown(reason),
  uplink_1000m: unknown(reason),
  egress_100m: unknown(reason),
  ipv6: unknown(reason),
});

export const EXPECTED: Readonly<Record<string, SchoolTable>> = {
  // 青溪县第一中学
  A1: {
    // teaching rooms 101–104 + 物理实验室 = 5 (教师办公室 is an office); all 5 APs online daily
    // ⇒ 5/5 = 1.0 ≥ 1.0 ⇒ met
    room_coverage: ratio(5, 5, MET),
    has_wireless: ratio(1, 1, MET), // 6 APs online on 11-27 ⇒ 1/1 ≥ 1 ⇒ met
    full_coverage: ratio(1, 1, NT), // 5/5 = 100 % ⇒ 1/1; no target
    ap_online_ratio: ratio(6, 6, NT), // 5 room APs + office AP, all online on 11-27 ⇒ 6/6
    // designated port 49: 108 school-hour polls up at 1000 ⇒ 108/108 = 1 ≥ 0.95 ⇒ met (the 72
    // down polls 00:02–05:57 are outside school hours; backup port 50 at 100M is not the uplink)
    uplink_1000m: ratio(108, 108, MET),
    egress_100m: ratio(108, 108, MET), // 108 polls up at 1000 ≥ 100; contracted 500 ≥ 100 ⇒ met
    ipv6: level(4, MET), // global on uplink (1), host dual-stack (2), AAAA (3), HTTPS 3/3 (4) ⇒ 4 ≥ 4
  },
  // 城关小学 (county AC, AP group CGXX)
  A2: {
    // teaching 101–106 = 6; APs 101 (two radio rows), 102, 103, 104 online daily ⇒ 4 covered;
    // 105's AP online only 11-20, before the window; 106 has no AP ⇒ 4/6 = 0.6667 ≥ 0.6 (2022
    // step) but the 2025 step 1.0 is in force ⇒ not_met
    room_coverage: ratio(4, 6, NOT),
    has_wireless: ratio(1, 1, MET), // 5 APs online ⇒ met
    full_coverage: ratio(0, 1, NT), // 4/6 < 100 %
    // APs 101 (one device, two radio rows), 102, 103, 104, 105, 办公室 = 6; online on 11-27: 5
    // (not 105) ⇒ 5/6 = 0.8333 (radio rows counted twice would give 6/7 = 0.8571)
    ap_online_ratio: ratio(5, 6, NT),
    uplink_1000m: ratio(108, 108, MET), // inferred by alias 上联城域网: 108/108 up at 1000 ⇒ met
    egress_100m: ratio(108, 108, MET), // 108/108 ≥ 100 ⇒ met
    // global on uplink, host dual-stack, AAAA, HTTPS 0/3 ⇒ 3 < 4 ⇒ not_met (the county-centre
    // agent's HTTPS success is not a host inside this school)
    ipv6: level(3, NOT),
  },
  // 城关幼儿园 (no room list)
  A3: {
    room_coverage: unknown('room_list_missing'), // no rooms ⇒ no figure, never 0 % or 100 %
    has_wireless: ratio(1, 1, MET), // YEY-大一班, YEY-大二班 online ⇒ met
    full_coverage: unknown('room_list_missing'), // no target, but unknown beats no_target
    ap_online_ratio: ratio(2, 2, NT), // AP counts still shown: 2/2
    uplink_1000m: ratio(0, 108, NOT), // inferred 上联 at 100M: 0 of 108 polls ≥ 1000 ⇒ 0 ⇒ not_met
    egress_100m: ratio(108, 108, MET), // 100 ≥ 100 in all 108 polls ⇒ met
    ipv6: level(0, NOT), // only fe80::1 (link-local) on the uplink; host probes all fail ⇒ 0
  },
  // 东街村小
  A4: {
    room_coverage: ratio(3, 3, MET), // 一/二/三年级 (办公室 is an office), DJ-* online ⇒ 3/3 ⇒ met
    has_wireless: ratio(1, 1, MET),
    full_coverage: ratio(1, 1, NT),
    ap_online_ratio: ratio(3, 3, NT),
    // down at 10:02, 10:07, 10:12, 10:17, 10:22 (5 polls, speed 1000 still reported) ⇒
    // 103/108 = 0.9537 ≥ 0.95 ⇒ met
    uplink_1000m: ratio(103, 108, MET),
    egress_100m: ratio(103, 108, MET), // the same 5 down polls ⇒ 103/108 = 0.9537 ⇒ met
    ipv6: level(2, NOT), // global on uplink, host dual-stack, no AAAA over IPv6 ⇒ 2
  },
  // 城关第二小学
  A5: {
    // 一班–四班 + 美术室 = 5 teaching (办公室 office, 储藏室 other); ES-* online ⇒ 5/5 ⇒ met
    room_coverage: ratio(5, 5, MET),
    has_wireless: ratio(1, 1, MET),
    full_coverage: ratio(1, 1, NT),
    ap_online_ratio: ratio(5, 5, NT),
    uplink_1000m: ratio(108, 108, MET), // 10000 ≥ 1000 in all 108 polls ⇒ met
    egress_100m: ratio(108, 108, MET),
    ipv6: level(3, NOT), // global, dual-stack, AAAA, HTTPS 0/3 ⇒ 3
  },
  // 河口镇中心校 (county AC, AP name prefix HKZX-)
  B1: {
    // teaching 201–208 + 计算机室 = 9; covered 201–206 (daily), 207 (11-21, first day of the
    // window), 计算机室 (11-24) = 8; 208 only 11-20 ⇒ 8/9 = 0.8889 < 1.0 ⇒ not_met
    room_coverage: ratio(8, 9, NOT),
    has_wireless: ratio(1, 1, MET),
    full_coverage: ratio(0, 1, NT),
    // APs 201–208 (8) + 计算机室 + 走廊 (names no room) = 10; online on 11-27: 201–206 and
    // 走廊 = 7 (207 was online on 11-21, 计算机室 on 11-24) ⇒ 7/10 = 0.7
    ap_online_ratio: ratio(7, 10, NT),
    uplink_1000m: ratio(84, 108, NOT), // down 13:02…14:57 = 24 polls ⇒ 84/108 = 0.7778 < 0.95
    egress_100m: ratio(84, 108, NOT), // a down port carries nothing ⇒ 84/108 = 0.7778 < 0.95
    ipv6: level(4, MET),
  },
  // 河口中学
  B2: {
    // 301–304 + 化学实验室 = 5 (会议室 other); HKZ-* online ⇒ 5/5 ⇒ met
    room_coverage: ratio(5, 5, MET),
    has_wireless: ratio(1, 1, MET),
    full_coverage: ratio(1, 1, NT),
    ap_online_ratio: ratio(5, 5, NT),
    // inferred 'Uplink-to-metro': 1000 in all 108 school-hour polls ⇒ met (the 180 polls at
    // 100M before 08:00 and after 17:00 are ignored)
    uplink_1000m: ratio(108, 108, MET),
    egress_100m: ratio(108, 108, MET),
    ipv6: level(1, NOT), // global on uplink; host has no global address ⇒ 1
  },
  // 河口镇教学点 (teaching point, no switch; county AC, AP group HK-JXD)
  B3: {
    room_coverage: ratio(1, 2, NOT), // 一二年级 covered, 三四年级 no AP ⇒ 1/2 = 0.5 ⇒ not_met
    has_wireless: ratio(1, 1, MET),
    full_coverage: ratio(0, 1, NT),
    ap_online_ratio: ratio(1, 1, NT),
    uplink_1000m: unknown('no_uplink'), // no designation and no device to infer from
    egress_100m: unknown('no_uplink'),
    // level 1 needs the uplink's address and levels are cumulative: no uplink ⇒ unknown,
    // though the agent's own probes pass up to HTTPS
    ipv6: unknown('no_uplink'),
  },
  // 新村小学 (switch answers no poll; agent sends no host probes)
  B4: {
    room_coverage: ratio(3, 3, MET), // 甲/乙/丙班, XC-* online ⇒ 3/3 ⇒ met
    has_wireless: ratio(1, 1, MET),
    full_coverage: ratio(1, 1, NT),
    ap_online_ratio: ratio(3, 3, NT),
    // designated port: samples until 11-24 12:57, none on 11-27 ⇒ unknown
    uplink_1000m: unknown('no_samples_in_school_hours'),
    egress_100m: unknown('no_samples_in_school_hours'),
    ipv6: unknown('no_probe_data'), // uplink global (seen 11-24) ⇒ ≥ 1; levels 2–4 unmeasured
  },
  // 石桥村小: agent last reported 11-25 09:00 (> 24 h before the day) ⇒ stale everywhere, even
  // though its APs were online within the window
  B5: allUnknown('stale'),
  // 石门乡中心校
  C1: {
    // 一年级–六年级 + 音乐室 = 7 (办公室 office); 6 class APs daily + SMZX-AP-07 assigned by hand
    // to 音乐室 ⇒ 7/7 ⇒ met
    room_coverage: ratio(7, 7, MET),
    has_wireless: ratio(1, 1, MET),
    full_coverage: ratio(1, 1, NT),
    // 6 class APs + AP-07 + the office AP (never online) = 8; 7 online on 11-27 ⇒ 7/8 = 0.875
    ap_online_ratio: ratio(7, 8, NT),
    uplink_1000m: ratio(108, 108, MET),
    egress_100m: ratio(108, 108, MET),
    ipv6: level(4, MET),
  },
  // 石门乡完小
  C2: {
    room_coverage: ratio(4, 4, MET), // 一班–四班, SMWX-* online ⇒ 4/4
    has_wireless: ratio(1, 1, MET),
    full_coverage: ratio(1, 1, NT),
    ap_online_ratio: ratio(4, 4, NT),
    // lowerLayerDown at 15:02 and 15:07 while reporting 1000 ⇒ 106/108 = 0.9815 ≥ 0.95 ⇒ met
    uplink_1000m: ratio(106, 108, MET),
    egress_100m: ratio(106, 108, MET),
    ipv6: level(2, NOT),
  },
  // 石门乡教学点 (teaching point)
  C3: {
    room_coverage: ratio(0, 1, NOT), // 复式班's only AP last online 11-19 ⇒ 0/1 ⇒ not_met
    has_wireless: ratio(0, 1, NOT), // no AP online in 11-21…11-27 ⇒ 0 < 1 ⇒ not_met
    full_coverage: ratio(0, 1, NT),
    ap_online_ratio: ratio(0, 1, NT),
    uplink_1000m: ratio(108, 108, MET),
    egress_100m: ratio(108, 108, MET),
    ipv6: level(1, NOT),
  },
  // 龙潭村小
  C4: {
    room_coverage: ratio(1, 2, NOT), // 一班 AP online 11-22 (in window), 二班 AP 11-10 ⇒ 1/2 = 0.5
    // LT-一班 online on 11-22, in the window, and covers 一班 ⇒ the school has wireless ⇒ met
    has_wireless: ratio(1, 1, MET),
    full_coverage: ratio(0, 1, NT),
    ap_online_ratio: ratio(0, 2, NT), // neither AP online on 11-27 itself ⇒ 0/2
    uplink_1000m: ratio(108, 108, MET),
    egress_100m: ratio(108, 108, MET),
    ipv6: level(0, NOT), // fe80::1 and a ULA fd51:… on the uplink: no global unicast ⇒ 0
  },
  // 石门九年一贯制学校
  C5: {
    room_coverage: ratio(6, 7, NOT), // 6 classes covered, 实验室's AP never online ⇒ 6/7 = 0.8571
    has_wireless: ratio(1, 1, MET),
    full_coverage: ratio(0, 1, NT),
    ap_online_ratio: ratio(6, 7, NT),
    uplink_1000m: ratio(108, 108, MET), // inferred 上联-城域网
    egress_100m: ratio(108, 108, MET),
    ipv6: level(4, MET),
  },
};
