/*
 * The reliability tier's knobs and its one output format. Every test prints one line
 * `[reliability] {"test": …, figures…}` so docs/reliability.md can quote what a run reached.
 * XIAOWANG_RELIABILITY_SCALE multiplies the counts (1 = the minimums, the default);
 * below 1 is for trying a change quickly and does not meet the minimums.
 */

const raw = Number(process.env['XIAOWANG_RELIABILITY_SCALE'] ?? '1');
export const SCALE = Number.isFinite(raw) && raw > 0 ? raw : 1;

/** `base` times the scale, rounded, at least `min`. */
export function scaled(base: number, min = 1): number {
  return Math.max(min, Math.round(base * SCALE));
}

export type Figures = Record<string, number | string | boolean | null>;

export function printFigures(test: string, figures: Figures): void {
  console.log(`[reliability] ${JSON.stringify({ test, scale: SCALE, ...figures })}`);
}

/** The p-th percentile (0–100) of `values`, by nearest rank; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

export const round = (value: number, digits = 1): number => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};
