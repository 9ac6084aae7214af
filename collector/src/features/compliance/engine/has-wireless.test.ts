import { describe, expect, it } from 'vitest';
import type { ApDevice } from './ap-devices.ts';
import { computeHasWireless } from './has-wireless.ts';
import { apDevice } from './testing-aps.ts';

describe('computeHasWireless', () => {
  it.each<[string, ApDevice[], number | null, Record<string, unknown>]>([
    [
      'one AP online today',
      [apDevice(), apDevice({ onlineToday: false })],
      1,
      { value: 1, met: true },
    ],
    [
      'none online today but one earlier in the window (a weekend): still wireless',
      [apDevice({ onlineToday: false, onlineInWindow: true })],
      1,
      { value: 1, met: true },
    ],
    [
      'APs known but none online in the window',
      [apDevice({ onlineToday: false, onlineInWindow: false })],
      1,
      { value: 0, met: false },
    ],
    ['no AP at all: no wireless', [], 1, { value: 0, met: false, details: { apsKnown: 0 } }],
    ['no target', [apDevice()], null, { value: 1, numerator: 1, denominator: 1, met: null }],
  ])('%s', (_name, aps, threshold, expected) => {
    expect(computeHasWireless(aps, threshold)).toMatchObject(expected);
  });
});
