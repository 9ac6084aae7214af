import { describe, expect, it } from 'vitest';
import { generateCounty } from '../county/generate-county.ts';
import { isTeachingRoom } from '../county/types.ts';
import { addDays, atLocal, localDay } from './local-time.ts';
import { makePlan } from './plan.ts';
import {
  agentRunning,
  apListed,
  apOnline,
  historyInstants,
  ipv6Level,
  isFlapDay,
  plannedBoots,
  staleReportBeforeHistory,
  uplinkMbps,
  uplinkUp,
} from './timeline.ts';

const county = generateCounty();
// 2026-11-27 15:00 in Chongqing.
const createdAt = Date.parse('2026-11-27T07:00:00Z');
const plan = makePlan(county, { historyDays: 10, createdAt });
const school = (code: string) => county.schools.find((s) => s.code === code);

describe('the simulation plan', () => {
  it('is drawn the same way every time', () => {
    expect(makePlan(county, { historyDays: 10, createdAt })).toEqual(plan);
    expect(plan.anchorDay).toBe('2026-11-27');
  });

  it('puts each fault on its own school', () => {
    const codes = [
      ...plan.slowUplinks,
      plan.flapping.school,
      plan.stale.school,
      plan.ipv6Upgrade.school,
      plan.lateAps.school,
      plan.reboot.device.replace(/-core$/, ''),
    ];
    expect(new Set(codes).size).toBe(codes.length);
    expect(school(plan.slowUplinks[0] ?? '')?.kind).toBe('complete_primary');
    expect(school(plan.stale.school)?.apHome).toBe('own');
    expect(school(plan.flapping.school)?.kind).toBe('central');
  });

  it('gives the slow schools 100M and everyone else 1000M', () => {
    for (const s of county.schools) {
      expect(uplinkMbps(plan, s.code)).toBe(plan.slowUplinks.includes(s.code) ? 100 : 1000);
    }
  });

  it('flaps the uplink in its windows on every third day, and every 20 minutes once live', () => {
    const f = plan.flapping.school;
    expect(isFlapDay(plan, -1)).toBe(true);
    expect(isFlapDay(plan, -2)).toBe(false);
    expect(isFlapDay(plan, -4)).toBe(true);
    const yesterday = addDays(plan.anchorDay, -1);
    expect(uplinkUp(plan, f, atLocal(yesterday, '10:00'))).toBe(false);
    expect(uplinkUp(plan, f, atLocal(yesterday, '11:30'))).toBe(true);
    expect(uplinkUp(plan, f, atLocal(addDays(plan.anchorDay, -2), '10:00'))).toBe(true);
    expect(uplinkUp(plan, f, atLocal(plan.anchorDay, '16:01'))).toBe(false);
    expect(uplinkUp(plan, f, atLocal(plan.anchorDay, '16:05'))).toBe(true);
    expect(uplinkUp(plan, county.schools[0]?.code ?? '', atLocal(yesterday, '10:00'))).toBe(true);
  });

  it('stops the stale school’s agent after its last report', () => {
    const last = atLocal(addDays(plan.anchorDay, plan.stale.dayOffset), plan.stale.at);
    expect(agentRunning(plan, plan.stale.school, last)).toBe(true);
    expect(agentRunning(plan, plan.stale.school, last + 1)).toBe(false);
    expect(agentRunning(plan, county.schools[0]?.code ?? '', last + 1)).toBe(true);
    expect(staleReportBeforeHistory(plan)).toBeNull();
    expect(staleReportBeforeHistory(makePlan(county, { historyDays: 1, createdAt }))).toBe(last);
  });

  it('keeps dead APs down, flaky ones down only in their window, late ones unlisted before', () => {
    const night = atLocal(plan.anchorDay, '23:55');
    for (const mac of plan.deadAps) expect(apOnline(plan, mac, night)).toBe(false);
    for (const { mac, down } of plan.flakyAps) {
      expect(apOnline(plan, mac, atLocal(plan.anchorDay, down[0]))).toBe(false);
      expect(apOnline(plan, mac, night)).toBe(true);
    }
    const [late] = plan.lateAps.macs;
    const from = addDays(plan.anchorDay, plan.lateAps.fromDayOffset);
    expect(late).toBeDefined();
    expect(apListed(plan, late ?? '', atLocal(addDays(from, -1), '23:55'))).toBe(false);
    expect(apListed(plan, late ?? '', atLocal(from, '08:30'))).toBe(true);
  });

  it('has the late-AP school reach full coverage once they are in', () => {
    const s = school(plan.lateAps.school);
    const teaching = s?.rooms.filter(isTeachingRoom) ?? [];
    expect(teaching.every((r) => s?.aps.some((a) => a.room === r.name))).toBe(true);
    expect(plan.lateAps.macs.length).toBeGreaterThan(0);
  });

  it('turns IPv6 on at the upgraded school mid-period', () => {
    const u = plan.ipv6Upgrade;
    const from = addDays(plan.anchorDay, u.fromDayOffset);
    expect(u.fromDayOffset).toBe(-5);
    expect(ipv6Level(plan, u.school, atLocal(addDays(from, -1), '12:00'))).toBe(0);
    expect(ipv6Level(plan, u.school, atLocal(from, '12:00'))).toBe(4);
  });

  it('back-fills every poll time of every day before the start, oldest first', () => {
    const instants = historyInstants(plan);
    expect(instants).toEqual([...instants].sort((a, b) => a - b));
    expect(instants.every((t) => t < createdAt)).toBe(true);
    expect(localDay(instants[0] ?? 0)).toBe(addDays(plan.anchorDay, -10));
    // 3 older days at the sparse cadence, the last 7 at the full one, then today before 15:00.
    expect(instants).toHaveLength(3 * plan.sparsePollTimes.length + 7 * plan.pollTimes.length + 5);
  });

  it('reboots the planned device on its day', () => {
    const boots = plannedBoots(plan, { key: plan.reboot.device, deviceNo: 3 });
    expect(boots).toHaveLength(2);
    expect(boots[1]).toBe(atLocal(addDays(plan.anchorDay, -2), '12:10'));
    expect(plannedBoots(plan, { key: 'other', deviceNo: 3 })).toHaveLength(1);
  });
});
