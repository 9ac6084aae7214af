import type { UplinkSample } from './uplink-polls.ts';

/** TEST ONLY: one uplink sample; report ids and times follow the poll number. */
export function sample(poll: number, o: Partial<UplinkSample> = {}): UplinkSample {
  const at = new Date(Date.UTC(2026, 10, 27, 0, 2 + 5 * poll)).toISOString();
  return {
    reportId: poll + 1,
    sampledAt: at,
    deviceId: 1,
    ifIndex: 1,
    operStatus: 'up',
    speedMbps: 1000,
    speedSuspect: null,
    inBps: 1e8,
    outBps: 5e7,
    rateDropped: null,
    ...o,
  };
}

/** `n` polls of one port, each shaped by `at(i)`. */
export const polls = (n: number, at: (i: number) => Partial<UplinkSample> = () => ({})) =>
  Array.from({ length: n }, (_, i) => sample(i, at(i)));
