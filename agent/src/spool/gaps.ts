import * as z from 'zod';
import type { SpoolEntry } from './entry.ts';

/** `missing`: an entry's file vanished from under the spool (deleted by hand, or disk trouble). */
export type DropReason = 'max-bytes' | 'max-age' | 'missing';

/** Reports the spool dropped unsent, oldest first, to be reported to the collector once. */
export interface SpoolGap {
  /** `<reason>:<firstSeq>-<lastSeq>`; a merged gap gets a new id, so clearing an old one keeps it. */
  readonly id: string;
  readonly reason: DropReason;
  readonly count: number;
  readonly bytes: number;
  readonly firstSeq: number;
  readonly lastSeq: number;
  readonly firstReportId: string;
  readonly lastReportId: string;
  /** When the first and last dropped reports were spooled (ISO 8601). */
  readonly firstSpooledAt: string;
  readonly lastSpooledAt: string;
  readonly droppedAt: string;
}

export const GAPS_FILE = 'gaps.json';

const gapSchema = z.strictObject({
  id: z.string().min(1),
  reason: z.enum(['max-bytes', 'max-age', 'missing']),
  count: z.number().int().positive(),
  bytes: z.number().int().nonnegative(),
  firstSeq: z.number().int().nonnegative(),
  lastSeq: z.number().int().nonnegative(),
  firstReportId: z.string().min(1),
  lastReportId: z.string().min(1),
  firstSpooledAt: z.iso.datetime(),
  lastSpooledAt: z.iso.datetime(),
  droppedAt: z.iso.datetime(),
});
const gapsFileSchema = z.strictObject({ version: z.literal(1), gaps: z.array(gapSchema) });

export function serialiseGaps(gaps: readonly SpoolGap[]): string {
  return `${JSON.stringify({ version: 1, gaps }, null, 2)}\n`;
}

/** Returns the gaps, or why the file cannot be trusted (the caller moves it aside). */
export function parseGaps(text: string): { gaps: SpoolGap[] } | { problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
  const result = gapsFileSchema.safeParse(json);
  if (!result.success) return { problem: z.prettifyError(result.error) };
  return { gaps: result.data.gaps };
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** One gap for `dropped` (oldest first, non-empty), folded into `previous` when it continues it. */
export function recordGap(
  dropped: readonly [SpoolEntry, ...SpoolEntry[]],
  reason: DropReason,
  droppedAt: number,
  previous: SpoolGap | undefined,
): SpoolGap {
  const first = dropped[0];
  const last = dropped[dropped.length - 1] ?? first;
  const bytes = dropped.reduce((sum, entry) => sum + entry.bytes, 0);
  const start = previous ?? {
    count: 0,
    bytes: 0,
    firstSeq: first.seq,
    firstReportId: first.reportId,
    firstSpooledAt: iso(first.spooledAt),
  };
  return {
    id: `${reason}:${start.firstSeq}-${last.seq}`,
    reason,
    count: start.count + dropped.length,
    bytes: start.bytes + bytes,
    firstSeq: start.firstSeq,
    lastSeq: last.seq,
    firstReportId: start.firstReportId,
    lastReportId: last.reportId,
    firstSpooledAt: start.firstSpooledAt,
    lastSpooledAt: iso(last.spooledAt),
    droppedAt: iso(droppedAt),
  };
}

export function isInGap(gaps: readonly SpoolGap[], seq: number): boolean {
  return gaps.some((gap) => seq >= gap.firstSeq && seq <= gap.lastSeq);
}
