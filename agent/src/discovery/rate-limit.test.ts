import { describe, expect, it, vi } from 'vitest';
import { discoverDevices } from './discover.ts';
import { config, fakeProbe, input, LLDP, seed } from './discover-test-kit.ts';
import { createRateLimiter } from './rate-limit.ts';

describe('discovery probe rate', () => {
  it('spaces probes by 1 / probesPerSecond on the injected clock', async () => {
    const clock = { t: 1_000 };
    const { calls, probe } = fakeProbe({}, clock);
    const seeds = [seed(['10.20.0.2', '10.20.0.3', '10.20.0.4'])];
    const out = await discoverDevices({
      ...input({ config: config({ ...LLDP, probesPerSecond: 4 }), probe, seeds }),
      now: () => clock.t,
      sleep: (ms) => Promise.resolve(void (clock.t += ms)),
    });
    expect(out.probes).toBe(6);
    expect(calls.map((c) => c.at)).toEqual([1000, 1250, 1500, 1750, 2000, 2250]);
    expect(out.skipped.map((s) => s.reason)).toEqual(['no-answer', 'no-answer', 'no-answer']);
  });

  it('keeps that spacing with probes in parallel (fake timers)', async () => {
    vi.useFakeTimers({ now: 50_000 });
    try {
      const starts: number[] = [];
      const probe = async (): Promise<undefined> => {
        starts.push(Date.now());
        // Each probe takes a second, so without the limiter all five workers would start at once.
        await new Promise((r) => setTimeout(r, 1000));
        return undefined;
      };
      const seeds = [seed(['10.20.0.2', '10.20.0.3', '10.20.0.4', '10.20.0.5', '10.20.0.6'])];
      const running = discoverDevices({
        ...input({ config: config({ ...LLDP, probesPerSecond: 5 }), probe, seeds, concurrency: 5 }),
        now: undefined,
        sleep: undefined,
      });
      await vi.runAllTimersAsync();
      const out = await running;
      expect(out.probes).toBe(10);
      expect(starts).toEqual(Array.from({ length: 10 }, (_, i) => 50_000 + i * 200));
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('createRateLimiter', () => {
  it('lets the first call through and spaces the rest', async () => {
    let t = 0;
    const waits: number[] = [];
    const limiter = createRateLimiter(
      2,
      () => t,
      (ms) => Promise.resolve(void waits.push(ms)),
    );
    await limiter.take();
    await limiter.take();
    t = 5_000;
    await limiter.take();
    expect(waits).toEqual([500]);
  });
});
