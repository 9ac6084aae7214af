import { describe, expect, it } from 'vitest';
import { groupPolls } from './uplink-polls.ts';
import { polls, sample } from './testing-samples.ts';
import { summariseUtilisation } from './utilisation.ts';

describe('summariseUtilisation', () => {
  it('gives peak and 95th percentile per direction against the port and the contract', () => {
    // in: 1…20 × 10 Mbit/s on a 1000M port; out: half of that.
    const samples = polls(20, (i) => ({ inBps: (i + 1) * 1e7, outBps: (i + 1) * 5e6 }));
    const got = summariseUtilisation(groupPolls(samples), 500);
    expect(got.polls).toBe(20);
    expect(got.in).toEqual({
      peakBps: 2e8,
      p95Bps: 1.9e8,
      peakOfPort: 0.2,
      p95OfPort: 0.19,
      peakOfContract: 0.4,
      p95OfContract: 0.38,
    });
    expect(got.out.peakBps).toBe(1e8);
  });

  it('leaves out polls whose rate was dropped and down polls, never reading them as zero', () => {
    const samples = [
      sample(0, { inBps: 3e8 }),
      sample(1, { inBps: null, outBps: null, rateDropped: 'device-restarted' }),
      sample(2, { inBps: null, outBps: null, rateDropped: 'counter-discontinuity' }),
      sample(3, { operStatus: 'down', inBps: 0, outBps: 0 }),
      sample(4, { inBps: 1e8 }),
    ];
    const got = summariseUtilisation(groupPolls(samples), null);
    expect(got.polls).toBe(2);
    expect(got.dropped).toEqual({ 'device-restarted': 1, 'counter-discontinuity': 1 });
    expect(got.in).toMatchObject({ peakBps: 3e8, peakOfContract: null });
  });

  it('adds up two up uplinks and their speeds', () => {
    const samples = [sample(0, { inBps: 4e8 }), sample(0, { ifIndex: 2, inBps: 2e8 })];
    expect(summariseUtilisation(groupPolls(samples), null).in).toMatchObject({
      peakBps: 6e8,
      peakOfPort: 0.3,
    });
  });
});
