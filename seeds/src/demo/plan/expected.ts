import { findTargetPreset } from '../../presets/targets.ts';
import type { PresetIndicator } from '../../presets/targets.ts';
import type { DemoCounty, DemoSchool } from '../county/types.ts';
import { isTeachingRoom } from '../county/types.ts';
import { addDays, atLocal, daysBetween, localDay, minutesOf, localMinute } from './local-time.ts';
import type { DemoPlan } from './plan.ts';
import {
  agentRunning,
  apListed,
  apOnline,
  historyInstants,
  ipv6Level,
  uplinkMbps,
  uplinkUp,
} from './timeline.ts';

/*
 * The figures the plan implies for a back-filled day, counted straight from the county and
 * the plan (targets.md's definitions), without the collector's engine: what the end-to-end
 * test holds the collector to. Settings are the defaults a new county gets.
 */

/** The presets the demo applies to its county. */
export const DEMO_PRESETS = ['chengkou', 'xingqing', 'national-egress', 'district-ipv6'] as const;

export const EXPECTED_INDICATORS = [
  'room_coverage',
  'has_wireless',
  'full_coverage',
  'ap_online_ratio',
  'uplink_1000m',
  'egress_100m',
  'ipv6',
] as const;
export type ExpectedIndicator = (typeof EXPECTED_INDICATORS)[number];
export type ExpectedStatus = 'met' | 'not_met' | 'unknown' | 'no_target';

export interface ExpectedFigure {
  readonly status: ExpectedStatus;
  readonly numerator: number | null;
  readonly denominator: number | null;
}

export interface ExpectedRollup {
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly schoolsMet: number;
  readonly schoolsNotMet: number;
  readonly schoolsUnknown: number;
}

export interface ExpectedDay {
  readonly day: string;
  readonly schools: ReadonlyMap<string, Readonly<Record<ExpectedIndicator, ExpectedFigure>>>;
  readonly county: Readonly<Record<ExpectedIndicator, ExpectedRollup>>;
}

const SETTINGS = {
  coverageWindowDays: 7,
  schoolHours: ['08:00', '17:00'] as const,
  requiredShare: 0.95,
  staleHours: 24,
};

/** The threshold in force on `day` for an indicator, from the demo's presets. */
export function thresholdOn(indicator: PresetIndicator, day: string): number | null {
  let found: number | null = null;
  for (const key of DEMO_PRESETS) {
    for (const target of findTargetPreset(key)?.targets ?? []) {
      if (target.indicator !== indicator) continue;
      for (const step of target.steps) if (step.effectiveFrom <= day) found = step.threshold;
    }
  }
  return found;
}

const ratio = (n: number, d: number, threshold: number | null, met: boolean): ExpectedFigure => ({
  status: threshold === null ? 'no_target' : met ? 'met' : 'not_met',
  numerator: n,
  denominator: d,
});
const UNKNOWN: ExpectedFigure = { status: 'unknown', numerator: null, denominator: null };

/** Back-filled polls of the day (the live ones are not counted: use for days before today). */
function pollsOn(plan: DemoPlan, day: string): number[] {
  return historyInstants(plan).filter((t) => localDay(t) === day);
}

function isStale(plan: DemoPlan, school: DemoSchool, day: string): boolean {
  if (school.code !== plan.stale.school) return false;
  const endOfDay = atLocal(addDays(day, 1), '00:00');
  const last = atLocal(addDays(plan.anchorDay, plan.stale.dayOffset), plan.stale.at);
  return endOfDay - last > SETTINGS.staleHours * 3_600_000;
}

function wireless(plan: DemoPlan, school: DemoSchool, day: string, polled: ReadonlySet<string>) {
  const windowDays = Array.from({ length: SETTINGS.coverageWindowDays }, (_, i) =>
    addDays(day, i - SETTINGS.coverageWindowDays + 1),
  );
  const seenDays = windowDays.filter((d) => polled.has(d) && daysBetween(d, day) >= 0);
  const lastPollOf = (d: string) => atLocal(d, '23:55');
  const known = school.aps.filter((a) =>
    seenDays.some((d) => apListed(plan, a.mac, lastPollOf(d))),
  );
  // A non-dead AP is up at the 23:55 poll and at every poll outside its daily outage.
  const upInWindow = known.filter((a) =>
    seenDays.some((d) => apOnline(plan, a.mac, lastPollOf(d))),
  );
  const upToday = known.filter(
    (a) => apListed(plan, a.mac, lastPollOf(day)) && apOnline(plan, a.mac, lastPollOf(day)),
  );
  const teaching = school.rooms.filter(isTeachingRoom);
  const covered = teaching.filter((r) => upInWindow.some((a) => a.room === r.name));
  return { known, upInWindow, upToday, teaching, covered };
}

function uplink(plan: DemoPlan, school: DemoSchool, day: string, thresholdMbps: number) {
  const [from, to] = SETTINGS.schoolHours.map(minutesOf) as [number, number];
  const polls = pollsOn(plan, day).filter((t) => {
    const m = localMinute(t);
    return m >= from && m < to && agentRunning(plan, school.code, t);
  });
  const pass = polls.filter(
    (t) => uplinkUp(plan, school.code, t) && uplinkMbps(plan, school.code) >= thresholdMbps,
  );
  return { pass: pass.length, known: polls.length };
}

/**
 * Every school's figures on a back-filled day, and the county rollup. `liveDays` are days
 * the running agents polled too (today after `--once`): they count for the coverage
 * window; uplink and AP-online figures of such a day are not predicted.
 */
export function expectedDay(
  county: DemoCounty,
  plan: DemoPlan,
  day: string,
  options: { liveDays?: readonly string[] } = {},
): ExpectedDay {
  const polled = new Set([...historyInstants(plan).map(localDay), ...(options.liveDays ?? [])]);
  const schools = new Map<string, Record<ExpectedIndicator, ExpectedFigure>>();
  const t = (i: PresetIndicator) => thresholdOn(i, day);
  for (const school of county.schools) {
    if (isStale(plan, school, day)) {
      schools.set(
        school.code,
        Object.fromEntries(EXPECTED_INDICATORS.map((i) => [i, UNKNOWN])) as Record<
          ExpectedIndicator,
          ExpectedFigure
        >,
      );
      continue;
    }
    const w = wireless(plan, school, day, polled);
    const full = w.covered.length === w.teaching.length ? 1 : 0;
    const has = w.upInWindow.length > 0 ? 1 : 0;
    const fast = uplink(plan, school, day, t('uplink_1000m') ?? 1000);
    const egress = uplink(plan, school, day, t('egress_100m') ?? 100);
    const contractOk =
      school.contractedMbps === null || school.contractedMbps >= (t('egress_100m') ?? 100);
    const level = ipv6Level(plan, school.code, atLocal(day, '23:55'));
    const ipv6Threshold = t('ipv6');
    schools.set(school.code, {
      room_coverage: ratio(
        w.covered.length,
        w.teaching.length,
        t('room_coverage'),
        w.covered.length >= w.teaching.length * (t('room_coverage') ?? 1),
      ),
      has_wireless: ratio(has, 1, t('has_wireless'), has >= (t('has_wireless') ?? 1)),
      full_coverage: ratio(full, 1, null, false),
      ap_online_ratio:
        w.known.length === 0 ? UNKNOWN : ratio(w.upToday.length, w.known.length, null, false),
      uplink_1000m:
        fast.known === 0
          ? UNKNOWN
          : ratio(
              fast.pass,
              fast.known,
              t('uplink_1000m'),
              fast.pass >= fast.known * SETTINGS.requiredShare,
            ),
      egress_100m:
        egress.known === 0
          ? UNKNOWN
          : ratio(
              egress.pass,
              egress.known,
              t('egress_100m'),
              egress.pass >= egress.known * SETTINGS.requiredShare && contractOk,
            ),
      ipv6: ratio(
        level >= (ipv6Threshold ?? 4) ? 1 : 0,
        1,
        ipv6Threshold,
        level >= (ipv6Threshold ?? 4),
      ),
    });
  }
  return { day, schools, county: rollUp(schools) };
}

function rollUp(
  schools: ReadonlyMap<string, Record<ExpectedIndicator, ExpectedFigure>>,
): Record<ExpectedIndicator, ExpectedRollup> {
  const out = {} as Record<ExpectedIndicator, ExpectedRollup>;
  for (const indicator of EXPECTED_INDICATORS) {
    let numerator: number | null = null;
    let denominator: number | null = null;
    const count = { met: 0, not_met: 0, unknown: 0, no_target: 0 };
    for (const figures of schools.values()) {
      const f = figures[indicator];
      count[f.status] += 1;
      if (f.status === 'unknown' || f.numerator === null || f.denominator === null) continue;
      numerator = (numerator ?? 0) + f.numerator;
      denominator = (denominator ?? 0) + f.denominator;
    }
    out[indicator] = {
      numerator,
      denominator,
      schoolsMet: count.met,
      schoolsNotMet: count.not_met,
      schoolsUnknown: count.unknown,
    };
  }
  return out;
}
