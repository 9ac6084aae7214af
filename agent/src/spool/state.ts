import type { SpoolEntry } from './entry.ts';
import type { SpoolWriteError } from './errors.ts';
import type { DropReason, SpoolGap } from './gaps.ts';
import type { SpoolFs } from './spool-fs.ts';

export const CORRUPT_DIR = 'corrupt';
export const REJECTED_DIR = 'rejected';

/** The spool's in-memory index; it mirrors the directory after every completed operation. */
export interface SpoolState {
  readonly dir: string;
  readonly fs: SpoolFs;
  readonly now: () => number;
  readonly maxBytes: number;
  readonly maxAgeMs: number;
  readonly onProblem: (error: SpoolWriteError) => void;
  /** Oldest first, by sequence. */
  entries: SpoolEntry[];
  readonly byId: Map<string, SpoolEntry>;
  bytes: number;
  nextSeq: number;
  gaps: SpoolGap[];
  corrupt: number;
  rejected: number;
  /** The last drop and the head it left, so a drop that continues it extends its gap. */
  lastDrop: { readonly reason: DropReason; readonly gapId: string; readonly head: number } | null;
}

export function removeFromIndex(state: SpoolState, entry: SpoolEntry): void {
  const index = state.entries.indexOf(entry);
  if (index >= 0) state.entries.splice(index, 1);
  state.byId.delete(entry.reportId);
  state.bytes -= entry.bytes;
}
