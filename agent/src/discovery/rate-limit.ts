/** Waits so that slots start at least `1000 / perSecond` ms apart on the given clock. */
export interface RateLimiter {
  take(): Promise<void>;
}

export function createRateLimiter(
  perSecond: number,
  now: () => number,
  sleep: (ms: number) => Promise<void>,
): RateLimiter {
  const gapMs = 1000 / perSecond;
  let next = -Infinity;
  return {
    async take() {
      // The slot is claimed before waiting, so concurrent callers queue up instead of bunching.
      const at = Math.max(now(), next);
      next = at + gapMs;
      const wait = at - now();
      if (wait > 0) await sleep(wait);
    },
  };
}
