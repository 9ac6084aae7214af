import { describe, expect, it } from 'vitest';
import type { UplinkSample } from './uplink-polls.ts';
import type { UplinkSpeedInput } from './uplink-speed.ts';
import { uplinkSpeedInput } from './uplink-speed.ts';
import { computeUplink1000m } from './uplink-1000m.ts';
import { polls } from './testing-samples.ts';

const input = (
  samples: UplinkSample[],
  o: { uplinks?: number; contractedMbps?: number } = {},
): UplinkSpeedInput =>
  uplinkSpeedInput({ uplinks: 1, samples, requiredShare: 0.95, contractedMbps: null, ...o });

describe('computeUplink1000m (95 % of school-hour polls at ≥ threshold)', () => {
  it.each<[string, UplinkSpeedInput, number | null, Record<string, unknown>]>([
    [
      'steady 1000M',
      input(polls(108)),
      1000,
      { value: 1, numerator: 108, denominator: 108, met: true },
    ],
    [
      'a flapping port: 24 of 108 polls down',
      input(polls(108, (i) => (i >= 60 && i < 84 ? { operStatus: 'down' } : {}))),
      1000,
      { numerator: 84, denominator: 108, met: false },
    ],
    [
      'exactly 95 %: 19 of 20',
      input(polls(20, (i) => (i === 0 ? { speedMbps: 100 } : {}))),
      1000,
      { value: 0.95, numerator: 19, denominator: 20, met: true },
    ],
    [
      'just under: 18 of 20',
      input(polls(20, (i) => (i < 2 ? { speedMbps: 100 } : {}))),
      1000,
      { value: 0.9, met: false },
    ],
    [
      'missing samples: the polls there are judged, no more',
      input(polls(30)),
      1000,
      { value: 1, numerator: 30, denominator: 30, met: true },
    ],
    [
      'speed 0 while up is left out of the count, not a failure',
      input(polls(20, (i) => (i < 5 ? { speedMbps: 0 } : {}))),
      1000,
      { value: 1, numerator: 15, denominator: 15, met: true },
    ],
    [
      'a device reboot mid-day: samples go on, rates are dropped',
      input(
        polls(20, (i) =>
          i === 7 ? { inBps: null, outBps: null, rateDropped: 'device-restarted' } : {},
        ),
      ),
      1000,
      { numerator: 20, denominator: 20, met: true },
    ],
    [
      'the target step sets the speed: 100M passes at 100',
      input(polls(10, () => ({ speedMbps: 100 }))),
      100,
      { value: 1, met: true, details: { thresholdMbps: 100 } },
    ],
    [
      'no target: judged at the nominal 1000M, met is null',
      input(polls(10, () => ({ speedMbps: 100 }))),
      null,
      { value: 0, numerator: 0, denominator: 10, met: null, details: { thresholdMbps: 1000 } },
    ],
    [
      'no effective uplink',
      input([], { uplinks: 0 }),
      1000,
      { value: null, unknownReason: 'no_uplink' },
    ],
    [
      'no sample in school hours',
      input([]),
      1000,
      { value: null, unknownReason: 'no_samples_in_school_hours' },
    ],
    [
      'every sample unreadable',
      input(polls(5, () => ({ speedMbps: null }))),
      1000,
      {
        unknownReason: 'no_samples_in_school_hours',
        details: { unknownPolls: { 'speed-missing': 5 } },
      },
    ],
  ])('%s', (_name, given, threshold, expected) => {
    expect(computeUplink1000m(given, threshold)).toMatchObject(expected);
  });

  it('gives min and median speed while up, the polls by outcome, and the reboot in utilisation', () => {
    const samples = polls(
      6,
      (i) =>
        [
          { speedMbps: 100 },
          { speedMbps: 1000 },
          { speedMbps: 1000, inBps: null, outBps: null, rateDropped: 'device-restarted' },
          { operStatus: 'down' },
          { speedMbps: 0 },
          { speedMbps: 10000 },
        ][i] ?? {},
    );
    const got = computeUplink1000m(input(samples, { contractedMbps: 200 }), 1000);
    expect(got.details).toMatchObject({
      polls: { total: 6, pass: 3, slow: 1, down: 1, unknown: 1 },
      speedWhileUpMbps: { min: 100, median: 1000 },
      utilisation: { polls: 4, dropped: { 'device-restarted': 1 } },
      contractedMbps: 200,
    });
  });
});
