import { describe, expect, it } from 'vitest';
import type { ApDevice } from './ap-devices.ts';
import { computeApOnlineRatio } from './ap-online-ratio.ts';
import { apDevice } from './testing-aps.ts';

const down = { onlineToday: false };

describe('computeApOnlineRatio', () => {
  it.each<[string, ApDevice[], number | null, Record<string, unknown>]>([
    [
      '3 of 4 online',
      [apDevice(), apDevice(), apDevice(), apDevice(down)],
      0.9,
      { value: 0.75, numerator: 3, denominator: 4, met: false },
    ],
    ['all online', [apDevice(), apDevice()], 0.9, { value: 1, met: true }],
    [
      'an AP not seen in the window is not known',
      [apDevice(), apDevice({ seenInWindow: false, onlineInWindow: false, ...down })],
      0.9,
      { value: 1, numerator: 1, denominator: 1 },
    ],
    ['no AP known: unknown', [], 0.9, { value: null, unknownReason: 'no_ap_data', met: null }],
  ])('%s', (_name, aps, threshold, expected) => {
    expect(computeApOnlineRatio(aps, threshold)).toMatchObject(expected);
  });
});
