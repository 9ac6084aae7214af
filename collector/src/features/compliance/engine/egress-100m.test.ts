import { describe, expect, it } from 'vitest';
import { computeEgress100m } from './egress-100m.ts';
import { polls } from './testing-samples.ts';
import { uplinkSpeedInput } from './uplink-speed.ts';

const input = (speedMbps: number, contractedMbps: number | null) =>
  uplinkSpeedInput({
    uplinks: 1,
    samples: polls(20, () => ({ speedMbps })),
    requiredShare: 0.95,
    contractedMbps,
  });

describe('computeEgress100m', () => {
  it.each<[string, ReturnType<typeof input>, number | null, Record<string, unknown>]>([
    [
      '100M port, no contract entered',
      input(100, null),
      100,
      { value: 1, met: true, details: { contractMeetsThreshold: null } },
    ],
    [
      '100M port, 200M contract',
      input(100, 200),
      100,
      { met: true, details: { contractMeetsThreshold: true } },
    ],
    [
      '1000M port but a 50M contract',
      input(1000, 50),
      100,
      {
        value: 1,
        numerator: 20,
        denominator: 20,
        met: false,
        details: { contractMeetsThreshold: false },
      },
    ],
    ['10M port', input(10, null), 100, { value: 0, met: false }],
    [
      'no target: nominal 100M, met null',
      input(100, 50),
      null,
      { value: 1, met: null, details: { thresholdMbps: 100 } },
    ],
  ])('%s', (_name, given, threshold, expected) => {
    expect(computeEgress100m(given, threshold)).toMatchObject(expected);
  });
});
