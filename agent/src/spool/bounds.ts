import { join } from 'node:path';
import type { SpoolEntry } from './entry.ts';
import { GAPS_FILE, recordGap, serialiseGaps } from './gaps.ts';
import type { DropReason, SpoolGap } from './gaps.ts';
import { syncDir, writeDurably } from './spool-fs.ts';
import { removeFromIndex } from './state.ts';
import type { SpoolState } from './state.ts';

/** Writes `gaps.json` durably, and only then takes `gaps` as the spool's own. */
export async function saveGaps(state: SpoolState, gaps: SpoolGap[]): Promise<void> {
  await writeDurably(state.fs, state.dir, GAPS_FILE, serialiseGaps(gaps));
  state.gaps = gaps;
}

/**
 * Drops `dropped` (the oldest entries, in order). The gap is made durable before any file is
 * removed: a crash in between leaves files that recovery removes, never a silent loss.
 */
async function dropOldest(
  state: SpoolState,
  dropped: readonly [SpoolEntry, ...SpoolEntry[]],
  reason: DropReason,
): Promise<void> {
  const previous = state.gaps.at(-1);
  const continues =
    previous !== undefined &&
    state.lastDrop?.gapId === previous.id &&
    state.lastDrop.reason === reason &&
    state.lastDrop.head === dropped[0].seq;
  const gap = recordGap(dropped, reason, state.now(), continues ? previous : undefined);
  await saveGaps(state, continues ? [...state.gaps.slice(0, -1), gap] : [...state.gaps, gap]);
  // From here the gap is the truth: the index follows it even if an unlink fails.
  for (const entry of dropped) removeFromIndex(state, entry);
  state.lastDrop = { reason, gapId: gap.id, head: state.entries[0]?.seq ?? state.nextSeq };
  for (const entry of dropped) await state.fs.unlink(join(state.dir, entry.name));
  await syncDir(state.fs, state.dir);
}

/** An entry whose file is gone cannot be sent; record it as a gap rather than lose track. */
export async function recordMissing(state: SpoolState, entry: SpoolEntry): Promise<void> {
  await saveGaps(state, [...state.gaps, recordGap([entry], 'missing', state.now(), undefined)]);
  removeFromIndex(state, entry);
}

/** The oldest entries while `test` holds, leaving at least `keep` entries. */
function oldestWhile(
  entries: readonly SpoolEntry[],
  keep: number,
  test: (entry: SpoolEntry) => boolean,
): SpoolEntry[] {
  const taken: SpoolEntry[] = [];
  for (const entry of entries.slice(0, Math.max(0, entries.length - keep))) {
    if (!test(entry)) break;
    taken.push(entry);
  }
  return taken;
}

/**
 * Enforces maxAgeDays, then maxBytes, dropping oldest first. The newest entry is never
 * dropped for size: it has just been promised to the caller as stored.
 */
export async function enforceBounds(state: SpoolState): Promise<void> {
  const cutoff = state.now() - state.maxAgeMs;
  const [old, ...olderRest] = oldestWhile(state.entries, 0, (entry) => entry.spooledAt < cutoff);
  if (old !== undefined) await dropOldest(state, [old, ...olderRest], 'max-age');
  let excess = state.bytes - state.maxBytes;
  const [big, ...bigRest] = oldestWhile(state.entries, 1, (entry) => {
    if (excess <= 0) return false;
    excess -= entry.bytes;
    return true;
  });
  if (big !== undefined) await dropOldest(state, [big, ...bigRest], 'max-bytes');
}
