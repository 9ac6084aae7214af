import { describe, expect, it } from 'vitest';
import type { Freshness } from '../indicators.ts';
import { INDICATORS } from '../indicators.ts';
import { probesAt } from '../testing/fixtures.ts';
import { computeSchoolDay } from './compute-school.ts';
import type { SchoolDay, StepsInForce } from './school-day.ts';
import { polls } from './testing-samples.ts';

const LAST = '2026-11-26T07:00:00.000Z';
const school = (state: Freshness): SchoolDay => ({
  schoolId: 1,
  townId: 1,
  kind: 'complete_primary',
  contractedMbps: null,
  freshness: { state, lastReportAt: state === 'never' ? null : LAST, ageMinutes: 60 },
  teachingRoomIds: [1, 2],
  aps: [
    {
      apId: 1,
      mac: '00:00:00:00:00:01',
      serial: null,
      roomId: 1,
      windowSamples: 9,
      windowOnlineSamples: 9,
      daySamples: 3,
      dayOnlineSamples: 3,
    },
  ],
  uplinkSource: 'designated',
  uplinks: [{ deviceId: 1, ifIndex: 1 }],
  samples: polls(20),
  uplinkGlobalAddresses: 1,
  probes: probesAt(4, LAST),
});
const settings = {
  coverageWindowDays: 7,
  uplinkRequiredShare: 0.95,
  ipv6HttpsSuccessesRequired: 1,
};
const steps: StepsInForce = {
  room_coverage: { id: 5, threshold: 0.6 },
  ipv6: { id: 6, threshold: 4 },
};

describe('computeSchoolDay', () => {
  it.each<[Freshness, string]>([
    ['stale', 'stale'],
    ['never', 'never_reported'],
  ])('a %s school is unknown on every indicator, with its last report', (state, reason) => {
    const results = computeSchoolDay(school(state), steps, settings);
    expect(results.map((r) => r.indicator)).toEqual([...INDICATORS]);
    for (const r of results) {
      expect(r.status).toBe('unknown');
      expect(r.measure).toMatchObject({ value: null, unknownReason: reason });
      expect(r.measure.details).toMatchObject({
        freshness: state,
        lastReportAt: school(state).freshness.lastReportAt,
      });
    }
  });

  it('judges a late school as usual, against the steps in force, and says it is late', () => {
    const byIndicator = new Map(
      computeSchoolDay(school('late'), steps, settings).map((r) => [r.indicator, r]),
    );
    expect(byIndicator.get('room_coverage')).toMatchObject({ status: 'not_met', step: { id: 5 } });
    expect(byIndicator.get('room_coverage')?.measure).toMatchObject({
      value: 0.5,
      details: { freshness: 'late' },
    });
    expect(byIndicator.get('ipv6')).toMatchObject({ status: 'met' });
    // No step in force: the figure is kept, the status says so.
    expect(byIndicator.get('uplink_1000m')).toMatchObject({
      status: 'no_target',
      measure: { value: 1 },
    });
    expect(byIndicator.get('has_wireless')?.status).toBe('no_target');
  });
});
