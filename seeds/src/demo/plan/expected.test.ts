import { describe, expect, it } from 'vitest';
import { generateCounty } from '../county/generate-county.ts';
import { isTeachingRoom } from '../county/types.ts';
import { EXPECTED_INDICATORS, expectedDay, thresholdOn } from './expected.ts';
import { addDays } from './local-time.ts';
import { makePlan } from './plan.ts';

const county = generateCounty();
const createdAt = Date.parse('2026-11-27T07:00:00Z');
const plan = makePlan(county, { historyDays: 3, createdAt });
const yesterday = addDays(plan.anchorDay, -1);
const day = expectedDay(county, plan, yesterday);
const figures = (code: string) => {
  const found = day.schools.get(code);
  if (found === undefined) throw new Error(`no figures for ${code}`);
  return found;
};

describe('the figures the plan implies', () => {
  it('reads the targets in force from the demo’s presets', () => {
    expect(thresholdOn('room_coverage', '2021-12-31')).toBeNull();
    expect(thresholdOn('room_coverage', '2023-06-01')).toBe(0.6);
    expect(thresholdOn('room_coverage', yesterday)).toBe(1);
    expect(thresholdOn('uplink_1000m', yesterday)).toBe(1000);
    expect(thresholdOn('egress_100m', yesterday)).toBe(100);
    expect(thresholdOn('ipv6', yesterday)).toBeNull();
  });

  it('counts the stale school as unknown on every indicator', () => {
    for (const indicator of EXPECTED_INDICATORS) {
      expect(figures(plan.stale.school)[indicator].status).toBe('unknown');
    }
    expect(day.county.room_coverage.schoolsUnknown).toBe(1);
  });

  it('fails the 100M schools on 1000M but passes their port on 100M', () => {
    for (const code of plan.slowUplinks) {
      expect(figures(code).uplink_1000m).toEqual({
        status: 'not_met',
        numerator: 0,
        denominator: 6,
      });
      expect(figures(code).egress_100m.numerator).toBe(6);
    }
  });

  it('fails the flapping school on a flap day: 4 of 6 school-hour polls up', () => {
    expect(figures(plan.flapping.school).uplink_1000m).toEqual({
      status: 'not_met',
      numerator: 4,
      denominator: 6,
    });
    const calm = expectedDay(county, plan, addDays(plan.anchorDay, -2));
    expect(calm.schools.get(plan.flapping.school)?.uplink_1000m.status).toBe('met');
  });

  it('weights county coverage by rooms: covered teaching rooms over all teaching rooms', () => {
    const known = county.schools.filter((s) => s.code !== plan.stale.school);
    const rooms = known.reduce((n, s) => n + s.rooms.filter(isTeachingRoom).length, 0);
    expect(day.county.room_coverage.denominator).toBe(rooms);
    const covered = known.reduce((n, s) => n + (figures(s.code).room_coverage.numerator ?? 0), 0);
    expect(day.county.room_coverage.numerator).toBe(covered);
    expect(covered).toBeLessThan(rooms);
    const dead = new Set(plan.deadAps);
    const school = known.find((s) => s.aps.some((a) => dead.has(a.mac) && a.room !== null));
    const f = figures(school?.code ?? '');
    expect(f.room_coverage.status).toBe('not_met');
    expect(f.ap_online_ratio.numerator).toBeLessThan(f.ap_online_ratio.denominator ?? 0);
  });

  it('shows the late APs and the IPv6 upgrade arriving mid-period', () => {
    const before = expectedDay(
      county,
      plan,
      addDays(plan.anchorDay, plan.lateAps.fromDayOffset - 1),
    );
    expect(before.schools.get(plan.lateAps.school)?.room_coverage.status).toBe('not_met');
    expect(figures(plan.lateAps.school).room_coverage.status).toBe('met');
    expect(before.schools.get(plan.ipv6Upgrade.school)?.ipv6.numerator).toBe(0);
    expect(figures(plan.ipv6Upgrade.school).ipv6).toEqual({
      status: 'no_target',
      numerator: 1,
      denominator: 1,
    });
  });

  it('has schools without wireless fail has_wireless with no AP data for the online ratio', () => {
    const none = county.schools.filter((s) => s.apHome === 'none');
    for (const s of none) {
      expect(figures(s.code).has_wireless.status).toBe('not_met');
      expect(figures(s.code).ap_online_ratio.status).toBe('unknown');
    }
    expect(day.county.has_wireless.schoolsNotMet).toBe(none.length);
  });
});
