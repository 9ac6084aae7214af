import type { DemoPlan, Ipv6Level, Window } from './plan.ts';
import {
  DAY_MS,
  addDays,
  atLocal,
  daysBetween,
  localDay,
  localMinute,
  minutesOf,
} from './local-time.ts';

/* The plan read at an instant: what each device and school looks like at time `t`. */

export function dayOffset(plan: DemoPlan, t: number): number {
  return daysBetween(plan.anchorDay, localDay(t));
}

export function dayOfOffset(plan: DemoPlan, offset: number): string {
  return addDays(plan.anchorDay, offset);
}

function inWindow(t: number, w: Window): boolean {
  const m = localMinute(t);
  return m >= minutesOf(w[0]) && m < minutesOf(w[1]);
}

export function uplinkMbps(plan: DemoPlan, school: string): number {
  return plan.slowUplinks.includes(school) ? 100 : 1000;
}

/** Whether the school's uplink port is up at `t`. */
export function uplinkUp(plan: DemoPlan, school: string, t: number): boolean {
  const f = plan.flapping;
  if (school !== f.school) return true;
  if (t >= plan.startedAt) return localMinute(t) % f.livePeriodMinutes >= f.liveDownMinutes;
  return !(isFlapDay(plan, dayOffset(plan, t)) && f.windows.some((w) => inWindow(t, w)));
}

export function isFlapDay(plan: DemoPlan, offset: number): boolean {
  const n = plan.flapping.everyNthDay;
  return ((offset % n) + n) % n === n - 1;
}

/** Whether the controller lists the AP at all (APs installed mid-period are not listed before). */
export function apListed(plan: DemoPlan, mac: string, t: number): boolean {
  if (!apIndex(plan).late.has(mac)) return true;
  return dayOffset(plan, t) >= plan.lateAps.fromDayOffset;
}

interface ApIndex {
  readonly dead: ReadonlySet<string>;
  readonly flaky: ReadonlyMap<string, Window>;
  readonly late: ReadonlySet<string>;
}
const apIndexes = new WeakMap<DemoPlan, ApIndex>();

// Asked for every AP row of every controller poll: look-ups, not list scans.
function apIndex(plan: DemoPlan): ApIndex {
  let index = apIndexes.get(plan);
  if (index === undefined) {
    index = {
      dead: new Set(plan.deadAps),
      flaky: new Map(plan.flakyAps.map((a) => [a.mac, a.down])),
      late: new Set(plan.lateAps.macs),
    };
    apIndexes.set(plan, index);
  }
  return index;
}

export function apOnline(plan: DemoPlan, mac: string, t: number): boolean {
  const index = apIndex(plan);
  if (index.dead.has(mac)) return false;
  const down = index.flaky.get(mac);
  return down === undefined || !inWindow(t, down);
}

export function ipv6Level(plan: DemoPlan, school: string, t: number): Ipv6Level {
  const u = plan.ipv6Upgrade;
  if (school === u.school && dayOffset(plan, t) < u.fromDayOffset) return 0;
  return plan.ipv6[school] ?? 0;
}

/** The stale school's last report; no report from its agent after it. */
export function staleLastPoll(plan: DemoPlan): number {
  return atLocal(dayOfOffset(plan, plan.stale.dayOffset), plan.stale.at);
}

/** Whether the school's own agent was running at `t`. */
export function agentRunning(plan: DemoPlan, school: string, t: number): boolean {
  return school !== plan.stale.school || t <= staleLastPoll(plan);
}

/**
 * Boot times of a device before the demo's own reboots: booted 20–200 days before the
 * back-filled days begin (by device number), plus the planned reboot.
 */
export function plannedBoots(plan: DemoPlan, device: { key: string; deviceNo: number }): number[] {
  const daysUp = plan.historyDays + 1 + 20 + ((device.deviceNo * 37) % 180);
  const first = plan.startedAt - daysUp * DAY_MS;
  if (device.key !== plan.reboot.device) return [first];
  return [first, atLocal(dayOfOffset(plan, plan.reboot.dayOffset), plan.reboot.at)];
}

/** The instants of the back-fill, oldest first: every poll time of every day before the start. */
export function historyInstants(plan: DemoPlan): number[] {
  const out: number[] = [];
  for (let offset = -plan.historyDays; offset <= 0; offset++) {
    const day = dayOfOffset(plan, offset);
    const times = offset >= plan.fullCadenceFrom ? plan.pollTimes : plan.sparsePollTimes;
    for (const time of times) {
      const t = atLocal(day, time);
      if (t < plan.startedAt) out.push(t);
    }
  }
  return out;
}

/** The stale school reported once more before the back-filled days began: that report. */
export function staleReportBeforeHistory(plan: DemoPlan): number | null {
  const t = staleLastPoll(plan);
  return plan.stale.dayOffset < -plan.historyDays ? t : null;
}
