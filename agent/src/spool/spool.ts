import { join, resolve } from 'node:path';
import type { ReportBody, SpooledFile } from './body.ts';
import { enforceBounds } from './bounds.ts';
import { checkReportId } from './entry.ts';
import type { SpoolEntry } from './entry.ts';
import { SpoolLockedError, toSpoolError } from './errors.ts';
import type { SpoolWriteError } from './errors.ts';
import type { SpoolGap } from './gaps.ts';
import { acquireLock } from './lock.ts';
import type { LockOptions } from './lock.ts';
import { SpoolDraft } from './draft.ts';
import {
  ackReport,
  adoptReport,
  appendReport,
  clearSpoolGaps,
  setReportAside,
} from './operations.ts';
import { readOldest } from './read.ts';
import type { SpooledReport } from './read.ts';
import { recoverSpool } from './recover.ts';
import { nodeSpoolFs } from './spool-fs.ts';
import type { SpoolFs } from './spool-fs.ts';
import { CORRUPT_DIR, REJECTED_DIR } from './state.ts';
import type { SpoolState } from './state.ts';

export interface SpoolOptions {
  readonly dir: string;
  /** Total bytes of queued reports; beyond it the oldest are dropped and recorded as a gap. */
  readonly maxBytes: number;
  /** Reports spooled longer ago than this are dropped the same way. */
  readonly maxAgeDays: number;
  readonly now?: () => number;
  /** File operations; tests inject failures. Default: node:fs/promises. */
  readonly fs?: SpoolFs;
  readonly lock?: LockOptions;
  /** A failure after a report was already stored, e.g. dropping old ones. Default: a warning. */
  readonly onProblem?: (error: SpoolWriteError) => void;
}

export interface SpoolableReport {
  readonly reportId: string;
}

export interface SpoolStats {
  readonly count: number;
  readonly bytes: number;
  readonly oldestAt: string | null;
  readonly newestAt: string | null;
  /** Files moved to `corrupt/` (torn, unreadable, duplicate), kept for a person to look at. */
  readonly corrupt: number;
  /** Reports the collector refused for good, kept in `rejected/`. */
  readonly rejected: number;
}

export interface Spool {
  readonly dir: string;
  /** Resolves once the report is on disk and survives power loss; a repeated id is a no-op. */
  append<T extends SpoolableReport>(report: T): Promise<void>;
  /** `append` for a report already serialised: `body` (UTF-8 when bytes) is stored as is. */
  appendBody(reportId: string, body: ReportBody): Promise<void>;
  /** A report to be written piece by piece as it is built; `adopt` then queues it. */
  draft(reportId: string): SpoolDraft;
  /**
   * Queues a finished draft's file, durable when it resolves; returns where it now is. On a
   * SpoolWriteError (a full disk, a report over spool.maxBytes) the draft keeps its file for
   * `readBack`.
   */
  adopt(reportId: string, file: SpooledFile): Promise<SpooledFile>;
  /** Up to `count` reports, oldest first; entries found damaged are moved aside on the way. */
  peek(count: number): Promise<SpooledReport[]>;
  oldest(): Promise<SpooledReport | null>;
  /** Deletes a report the collector acknowledged; an unknown id is a no-op. */
  ack(reportId: string): Promise<void>;
  /** Moves a report the collector refused for good to `rejected/` with the reason. */
  setAside(reportId: string, reason: string): Promise<void>;
  pendingGaps(): readonly SpoolGap[];
  /** Forgets gaps once the collector has been told about them. */
  clearGaps(ids: readonly string[]): Promise<void>;
  stats(): SpoolStats;
  /** Ids of the queued reports, oldest first, from the index: no file is read. */
  queuedIds(): readonly string[];
  /** Waits for the operation in progress, then releases the lock. */
  close(): Promise<void>;
}

export type { SpooledReport } from './read.ts';
export type { SpoolGap } from './gaps.ts';
export type { SpoolDraft } from './draft.ts';

function checkOptions(options: SpoolOptions): void {
  const problems: string[] = [];
  if (typeof options.dir !== 'string' || options.dir === '') {
    problems.push(`dir: expected a non-empty path, got ${JSON.stringify(options.dir)}`);
  }
  if (!Number.isSafeInteger(options.maxBytes) || options.maxBytes <= 0) {
    problems.push(`maxBytes: expected a positive integer, got ${String(options.maxBytes)}`);
  }
  if (!Number.isFinite(options.maxAgeDays) || options.maxAgeDays <= 0) {
    problems.push(`maxAgeDays: expected a positive number, got ${String(options.maxAgeDays)}`);
  }
  if (problems.length > 0) throw new TypeError(`openSpool: ${problems.join('; ')}`);
}

/**
 * Opens (creating, mode 0700) a durable, ordered, bounded queue of unsent reports. Takes the
 * directory's lock, recovers from any crash, and applies the bounds before resolving.
 */
export async function openSpool(options: SpoolOptions): Promise<Spool> {
  checkOptions(options);
  const dir = resolve(options.dir);
  const fs = options.fs ?? nodeSpoolFs;
  try {
    await fs.mkdir(join(dir, CORRUPT_DIR), 0o700);
    await fs.mkdir(join(dir, REJECTED_DIR), 0o700);
  } catch (error) {
    throw toSpoolError(dir, 'create the spool directory', error);
  }
  const release = await acquireLock(fs, dir, options.lock).catch((error: unknown) => {
    throw error instanceof SpoolLockedError ? error : toSpoolError(dir, 'take the lock', error);
  });
  const state: SpoolState = {
    dir,
    fs,
    now: options.now ?? Date.now,
    maxBytes: options.maxBytes,
    maxAgeMs: options.maxAgeDays * 86_400_000,
    onProblem: options.onProblem ?? ((error) => process.emitWarning(error)),
    entries: [],
    byId: new Map(),
    bytes: 0,
    nextSeq: 0,
    gaps: [],
    corrupt: 0,
    rejected: 0,
    lastDrop: null,
  };
  try {
    await recoverSpool(state);
    await enforceBounds(state);
  } catch (error) {
    await release();
    throw toSpoolError(dir, 'recover the spool', error);
  }
  return createSpool(state, release);
}

function createSpool(state: SpoolState, release: () => Promise<void>): Spool {
  const { dir } = state;
  let tail: Promise<unknown> = Promise.resolve();
  let closed = false;
  // One operation at a time: every step below assumes the index matches the directory.
  const serialise = <T>(action: string, run: () => Promise<T>): Promise<T> => {
    if (closed) return Promise.reject(new Error(`spool ${dir} is closed; cannot ${action}`));
    const result = tail.then(async () => {
      try {
        return await run();
      } catch (error) {
        throw error instanceof TypeError ? error : toSpoolError(dir, action, error);
      }
    });
    tail = result.catch(() => undefined);
    return result;
  };

  const appendBody = (reportId: string, body: ReportBody): Promise<void> => {
    try {
      const id = checkReportId(reportId);
      return serialise(`store report ${id}`, () => appendReport(state, id, body));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };

  return {
    dir,
    append: (report) => {
      try {
        // appendBody checks the id; only serialising can throw here.
        return appendBody(report.reportId, JSON.stringify(report));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
    appendBody,
    draft: (reportId) => new SpoolDraft(state.fs, dir, checkReportId(reportId)),
    adopt: (reportId, file) =>
      serialise(`store report ${reportId}`, () => adoptReport(state, reportId, file)),
    peek: (count) => {
      if (!Number.isSafeInteger(count) || count < 0) {
        return Promise.reject(new TypeError(`peek: expected a count >= 0, got ${String(count)}`));
      }
      return serialise('read reports', () => readOldest(state, count));
    },
    oldest: () => serialise('read reports', async () => (await readOldest(state, 1))[0] ?? null),
    ack: (reportId) => serialise(`delete report ${reportId}`, () => ackReport(state, reportId)),
    setAside: (reportId, reason) =>
      serialise(`set report ${reportId} aside`, () => setReportAside(state, reportId, reason)),
    pendingGaps: () => [...state.gaps],
    clearGaps: (ids) => serialise('clear gaps', () => clearSpoolGaps(state, ids)),
    stats: () => ({
      count: state.entries.length,
      bytes: state.bytes,
      oldestAt: isoOrNull(state.entries[0]),
      newestAt: isoOrNull(state.entries.at(-1)),
      corrupt: state.corrupt,
      rejected: state.rejected,
    }),
    queuedIds: () => state.entries.map((e) => e.reportId),
    close: async () => {
      if (closed) return;
      const last = serialise('close', () => Promise.resolve());
      closed = true;
      await last.catch(() => undefined);
      await release();
    },
  };
}

function isoOrNull(entry: SpoolEntry | undefined): string | null {
  return entry === undefined ? null : new Date(entry.spooledAt).toISOString();
}
