/** Small order statistics for the figures' details. */

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? upper) + upper) / 2;
}

/** Nearest-rank percentile (p in 0–100), the convention of traffic billing's "95th". */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? null;
}

export function maximum(values: readonly number[]): number | null {
  return values.reduce<number | null>((m, v) => (m === null || v > m ? v : m), null);
}

export function minimum(values: readonly number[]): number | null {
  return values.reduce<number | null>((m, v) => (m === null || v < m ? v : m), null);
}
