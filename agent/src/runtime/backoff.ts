/** Exponential backoff with full jitter, so agents that lost the collector do not return in step. */
export interface Backoff {
  next(): number;
  reset(): void;
}

export function createBackoff(
  minMs: number,
  maxMs: number,
  random: () => number = Math.random,
): Backoff {
  let attempt = 0;
  return {
    next() {
      const ceiling = Math.min(maxMs, minMs * 2 ** attempt);
      attempt = Math.min(attempt + 1, 30);
      return Math.round(minMs / 2 + random() * (ceiling - minMs / 2));
    },
    reset() {
      attempt = 0;
    },
  };
}
