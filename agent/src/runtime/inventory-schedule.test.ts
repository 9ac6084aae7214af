import type { DeviceResult } from '@xiaowang/shared';
import { Secret } from '@xiaowang/shared';
import { describe, expect, it } from 'vitest';
import { InventorySchedule } from './inventory-schedule.ts';

const device = {
  name: 'core',
  host: '10.0.0.1',
  port: 161,
  credentials: { version: '2c' as const, community: new Secret('x') },
};
const okResult = (partErrors: unknown[] = []) =>
  ({
    outcome: 'ok',
    target: { name: 'core', address: '10.0.0.1', port: 161 },
    partErrors,
  }) as unknown as DeviceResult;

describe('InventorySchedule', () => {
  it('reads inventory on the first cycle, skips it until the interval passes, then reads again', () => {
    const schedule = new InventorySchedule(24);
    const t0 = Date.UTC(2026, 10, 27);
    expect(schedule.plan([device], t0)[0]?.skipParts).toBeUndefined();
    schedule.record([okResult()], t0);
    expect(schedule.plan([device], t0 + 3_600_000)[0]?.skipParts).toEqual(['entity']);
    expect(schedule.plan([device], t0 + 25 * 3_600_000)[0]?.skipParts).toBeUndefined();
  });

  it('tries again next cycle when the inventory walk failed', () => {
    const schedule = new InventorySchedule(24);
    schedule.record(
      [okResult([{ part: 'entity', code: 'TIMEOUT', message: 'x', retryable: true }])],
      0,
    );
    expect(schedule.plan([device], 1000)[0]?.skipParts).toBeUndefined();
  });
});
