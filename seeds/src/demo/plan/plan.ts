import { allDevices } from '../county/generate-county.ts';
import { createRandom } from '../county/random.ts';
import type { DemoCounty, DemoSchool } from '../county/types.ts';
import { isTeachingRoom } from '../county/types.ts';
import { localDay } from './local-time.ts';

/*
 * What goes wrong in the demo county and when, as data: the simulator, the back-fill and
 * the tests all read this one plan. Day offsets count from the day the demo county was
 * created (0 = that day, -1 = the day before); times are local `HH:MM`.
 */

export type Ipv6Level = 0 | 1 | 2 | 3 | 4;
export type Window = readonly [from: string, to: string];

export interface DemoPlan {
  /** Local day the county was created: offsets count from it. */
  readonly anchorDay: string;
  /** When the demo first started: the back-fill ends here and the live simulation begins. */
  readonly startedAt: number;
  readonly historyDays: number;
  /** Local times each agent reported on a recent back-filled day: school hours, then late evening. */
  readonly pollTimes: readonly string[];
  /** Days before this offset were back-filled at the coarser `sparsePollTimes`. */
  readonly fullCadenceFrom: number;
  readonly sparsePollTimes: readonly string[];
  /** Schools whose uplink is a 100M line; the first is the one the demo talks about. */
  readonly slowUplinks: readonly string[];
  readonly flapping: {
    readonly school: string;
    /** Back-filled days with day offset ≡ −1 (mod n) flap (yesterday is one of them). */
    readonly everyNthDay: number;
    /** On those days the uplink is down in these windows. */
    readonly windows: readonly Window[];
    /** Once live, down for this many minutes every `periodMinutes`. */
    readonly liveDownMinutes: number;
    readonly livePeriodMinutes: number;
  };
  /** The school whose agent went offline: its last report, then nothing. */
  readonly stale: { readonly school: string; readonly dayOffset: number; readonly at: string };
  readonly reboot: {
    readonly device: string;
    readonly dayOffset: number;
    readonly at: string;
    /** Reboots again this long after the demo starts, silent for `downSeconds`. */
    readonly liveAfterMinutes: number;
    readonly downSeconds: number;
  };
  /** IPv6 level each school reaches (targets.md §6); absent = 0. */
  readonly ipv6: Readonly<Record<string, Ipv6Level>>;
  /** A school that turned IPv6 on mid-period: level 0 before that day. */
  readonly ipv6Upgrade: { readonly school: string; readonly fromDayOffset: number };
  /** APs that are listed but never come up (a dead AP is still a known AP). */
  readonly deadAps: readonly string[];
  /** APs that drop off for a window every day and come back. */
  readonly flakyAps: readonly { readonly mac: string; readonly down: Window }[];
  /** APs installed mid-period: not listed before that day. */
  readonly lateAps: {
    readonly school: string;
    readonly macs: readonly string[];
    readonly fromDayOffset: number;
  };
}

export interface MakePlanOptions {
  readonly historyDays: number;
  /** When the demo county was created. */
  readonly createdAt: number;
}

/** Six polls in school hours (08:00–17:00) and one just before midnight, so days end fresh. */
export const POLL_TIMES = ['08:30', '10:00', '11:30', '13:00', '14:30', '16:00', '23:55'] as const;
/** Older days keep three school-hour polls: enough for every figure, a third fewer reports. */
export const SPARSE_POLL_TIMES = ['08:30', '11:30', '14:30', '23:55'] as const;

const levelFor = (s: DemoSchool, roll: number): Ipv6Level => {
  if (['middle', 'nine_year', 'other'].includes(s.kind)) return roll < 0.5 ? 4 : roll < 0.7 ? 1 : 0;
  if (s.kind === 'central' || s.kind === 'complete_primary') {
    return roll < 0.3 ? 4 : roll < 0.45 ? 2 : roll < 0.55 ? 1 : 0;
  }
  return roll < 0.1 ? 4 : 0;
};

/**
 * Draws the plan from the county with its own seeded PRNG. Faults land on distinct schools,
 * so each shows alone: the stale school has its own controller (so no other agent speaks
 * for it), the school that gains APs mid-period has no other gap and reaches 100 %.
 */
export function makePlan(county: DemoCounty, options: MakePlanOptions): DemoPlan {
  const rnd = createRandom(county.seed * 31 + 7);
  const used = new Set<string>();
  const take = (candidates: readonly DemoSchool[], what: string): DemoSchool => {
    const free = candidates.filter((s) => !used.has(s.code));
    if (free.length === 0) throw new Error(`the demo county has no school left for ${what}`);
    const school = rnd.pick(free);
    used.add(school.code);
    return school;
  };
  const of = (...kinds: string[]) => county.schools.filter((s) => kinds.includes(s.kind));
  const mid = -Math.ceil(options.historyDays / 2);

  const slow = take(of('complete_primary'), 'a 100M uplink');
  const slowPoints = rnd.sample(
    of('teaching_point').filter((s) => !used.has(s.code)),
    2,
  );
  slowPoints.forEach((s) => used.add(s.code));
  const flapping = take(of('central'), 'a flapping uplink');
  const stale = take(
    county.schools.filter((s) => s.apHome === 'own' && s.kind !== 'middle'),
    'an offline agent',
  );
  const rebootSchool = take(of('middle'), 'a reboot');
  const upgrade = take(of('middle', 'nine_year'), 'an IPv6 upgrade');
  const late = take(
    county.schools.filter(
      (s) =>
        s.apHome !== 'none' &&
        s.rooms.filter(isTeachingRoom).every((r) => s.aps.some((a) => a.room === r.name)),
    ),
    'APs installed mid-period',
  );

  const ipv6: Record<string, Ipv6Level> = {};
  for (const s of county.schools) {
    const level = s.code === upgrade.code ? 4 : levelFor(s, rnd.next());
    if (level > 0) ipv6[s.code] = level;
  }
  const candidates = county.schools.filter((s) => !used.has(s.code)).flatMap((s) => s.aps);
  const deadAps = rnd.sample(candidates, Math.round(candidates.length * 0.015)).map((a) => a.mac);
  const flaky = rnd
    .sample(
      candidates.filter((a) => !deadAps.includes(a.mac)),
      Math.round(candidates.length * 0.03),
    )
    .map((a) => ({
      mac: a.mac,
      down: rnd.pick<Window>([
        ['11:00', '12:45'],
        ['14:00', '15:45'],
        ['09:10', '10:50'],
      ]),
    }));
  const lateRooms = rnd.sample(late.rooms.filter(isTeachingRoom), Math.min(3, late.rooms.length));
  const lateMacs = late.aps
    .filter((a) => lateRooms.some((r) => r.name === a.room))
    .map((a) => a.mac);
  const rebootDevice = allDevices(county).find(
    (d) => d.site === rebootSchool.no && d.role === 'core',
  );

  return {
    anchorDay: localDay(options.createdAt),
    startedAt: options.createdAt,
    historyDays: options.historyDays,
    pollTimes: POLL_TIMES,
    fullCadenceFrom: -7,
    sparsePollTimes: SPARSE_POLL_TIMES,
    slowUplinks: [slow.code, ...slowPoints.map((s) => s.code)],
    flapping: {
      school: flapping.code,
      everyNthDay: 3,
      windows: [
        ['09:50', '10:10'],
        ['14:20', '14:40'],
      ],
      liveDownMinutes: 3,
      livePeriodMinutes: 20,
    },
    stale: { school: stale.code, dayOffset: -2, at: '10:00' },
    reboot: {
      device: rebootDevice?.key ?? `${rebootSchool.code}-core`,
      dayOffset: -2,
      at: '12:10',
      liveAfterMinutes: 7,
      downSeconds: 90,
    },
    ipv6,
    ipv6Upgrade: { school: upgrade.code, fromDayOffset: mid },
    deadAps,
    flakyAps: flaky,
    lateAps: { school: late.code, macs: lateMacs, fromDayOffset: mid },
  };
}
