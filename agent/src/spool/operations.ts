import { join } from 'node:path';
import { bodyByteLength } from './body.ts';
import type { ReportBody } from './body.ts';
import { enforceBounds, saveGaps } from './bounds.ts';
import { entryName } from './entry.ts';
import type { SpoolEntry } from './entry.ts';
import { SpoolFullError, errnoCode, toSpoolError } from './errors.ts';
import { moveAside, syncDir, unlinkQuietly, writeAndRename } from './spool-fs.ts';
import type { SpooledFile } from './body.ts';
import { REJECTED_DIR, removeFromIndex } from './state.ts';
import type { SpoolState } from './state.ts';

// Each verb runs alone (the spool serialises them) and leaves the index matching the directory.

/** Stores a report durably (temp, fsync, rename, fsync dir), then applies the bounds. */
export async function appendReport(
  state: SpoolState,
  reportId: string,
  data: ReportBody,
): Promise<void> {
  const { dir, fs } = state;
  if (state.byId.has(reportId)) return;
  const bytes = bodyByteLength(data);
  checkSize(state, reportId, bytes);
  const seq = state.nextSeq;
  state.nextSeq += 1;
  const spooledAt = state.now();
  const name = entryName(seq, spooledAt, reportId);
  await writeAndRename(fs, dir, name, data);
  try {
    await syncDir(fs, dir);
  } catch (error) {
    // Not known to be durable, so not promised: take it back out.
    await unlinkQuietly(fs, join(dir, name));
    throw error;
  }
  await index(state, { seq, spooledAt, reportId, name, bytes });
}

function checkSize(state: SpoolState, reportId: string, bytes: number): void {
  if (bytes > state.maxBytes) {
    throw new SpoolFullError(
      state.dir,
      'TOO_LARGE',
      `report ${reportId} is ${bytes} bytes, more than spool.maxBytes (${state.maxBytes}): ` +
        `raise spool.maxBytes; the report was not stored`,
    );
  }
}

/** Adds a stored report to the index, then drops the oldest if that broke a bound. */
async function index(state: SpoolState, entry: SpoolEntry): Promise<void> {
  state.entries.push(entry);
  state.byId.set(entry.reportId, entry);
  state.bytes += entry.bytes;
  try {
    await enforceBounds(state);
  } catch (error) {
    // The report is stored, as promised; the next append tries the bounds again.
    state.onProblem(toSpoolError(state.dir, 'drop the oldest reports', error));
  }
}

/**
 * Takes a finished draft (draft.ts: written, synced, closed) into the queue by renaming it,
 * then applies the bounds; returns the stored file. On a failure the draft's file is left
 * where it was, for the caller to read back.
 */
export async function adoptReport(
  state: SpoolState,
  reportId: string,
  draft: SpooledFile,
): Promise<SpooledFile> {
  const { dir, fs } = state;
  const known = state.byId.get(reportId);
  if (known !== undefined) {
    await unlinkQuietly(fs, draft.path);
    return { path: join(dir, known.name), bytes: known.bytes };
  }
  checkSize(state, reportId, draft.bytes);
  const seq = state.nextSeq;
  state.nextSeq += 1;
  const spooledAt = state.now();
  const name = entryName(seq, spooledAt, reportId);
  const path = join(dir, name);
  await fs.rename(draft.path, path);
  const entry = { seq, spooledAt, reportId, name, bytes: draft.bytes };
  try {
    await syncDir(fs, dir);
  } catch (error) {
    // Not known to be durable, so not promised: back to a temp name, which the caller reads
    // back (and a restart would delete, not queue twice). If even that fails, the file is
    // whole and in the queue's directory: it is queued, and the failure said.
    try {
      await fs.rename(path, draft.path);
    } catch {
      state.onProblem(toSpoolError(dir, `make report ${reportId} durable`, error));
      await index(state, entry);
      return { path, bytes: draft.bytes };
    }
    throw error;
  }
  await index(state, entry);
  return { path, bytes: draft.bytes };
}

/** Deletes an acknowledged report; an unknown id is a no-op. */
export async function ackReport(state: SpoolState, reportId: string): Promise<void> {
  const { dir, fs } = state;
  const entry = state.byId.get(reportId);
  if (entry === undefined) return;
  try {
    await fs.unlink(join(dir, entry.name));
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') throw error;
  }
  removeFromIndex(state, entry);
  await syncDir(fs, dir);
}

/** Moves a report the collector refused for good to `rejected/`, with the reason beside it. */
export async function setReportAside(
  state: SpoolState,
  reportId: string,
  reason: string,
): Promise<void> {
  const { dir, fs } = state;
  const entry = state.byId.get(reportId);
  if (entry === undefined) return;
  const rejectedDir = join(dir, REJECTED_DIR);
  const spooledAt = new Date(entry.spooledAt).toISOString();
  const setAsideAt = new Date(state.now()).toISOString();
  const why = reason.slice(0, 4000);
  await moveAside(
    fs,
    { dir, name: entry.name },
    { dir: rejectedDir, name: entry.name },
    { reportId, reason: why, seq: entry.seq, spooledAt, setAsideAt },
  );
  removeFromIndex(state, entry);
  state.rejected += 1;
  await syncDir(fs, rejectedDir);
  await syncDir(fs, dir);
}

/** Forgets the given gaps (the collector has been told); unknown ids are ignored. */
export async function clearSpoolGaps(state: SpoolState, ids: readonly string[]): Promise<void> {
  const kept = state.gaps.filter((gap) => !ids.includes(gap.id));
  if (kept.length === state.gaps.length) return;
  await saveGaps(state, kept);
}
