import type { ApDevice } from './ap-devices.ts';

/** TEST ONLY: an AP device as grouping would give it; online today and in the window. */
export function apDevice(o: Partial<ApDevice> = {}): ApDevice {
  return {
    key: `k${Math.random()}`,
    apIds: [1],
    roomIds: [],
    seenInWindow: true,
    onlineInWindow: true,
    onlineToday: true,
    ...o,
  };
}
