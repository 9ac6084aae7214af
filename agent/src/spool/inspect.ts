import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseEntryName } from './entry.ts';
import { GAPS_FILE, parseGaps } from './gaps.ts';
import type { DropReason } from './gaps.ts';
import { CORRUPT_DIR, REJECTED_DIR } from './state.ts';

/** Reports dropped unsent for one reason and not yet told to the collector. */
export interface DroppedSummary {
  readonly reason: DropReason;
  readonly count: number;
  /** When the first and last of them were spooled (ISO 8601). */
  readonly firstSpooledAt: string;
  readonly lastSpooledAt: string;
}

/** The report the collector refused most recently, from the reason kept beside it. */
export interface LatestRejection {
  readonly reportId: string;
  readonly reason: string;
  readonly setAsideAt: string;
}

/** A spool directory as `status` and `doctor` show it, read without taking its lock. */
export interface SpoolSummary {
  /** Reports waiting to be sent: the queue's own entries, never the spool's other files. */
  readonly count: number;
  /** When the oldest of them was spooled, from its name (copies and `touch` keep it). */
  readonly oldestAt: string | null;
  readonly rejected: {
    readonly count: number;
    readonly dir: string;
    readonly latest: LatestRejection | null;
  };
  readonly corrupt: { readonly count: number; readonly dir: string };
  readonly dropped: readonly DroppedSummary[];
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Reports moved into a side directory: each one's file, not the reason written beside it. */
function setAside(names: readonly string[]): string[] {
  return names.filter((name) => name.endsWith('.json') && !name.endsWith('.reason.json'));
}

function latestRejection(dir: string, names: readonly string[]): LatestRejection | null {
  let latest: LatestRejection | null = null;
  for (const name of names) {
    if (!name.endsWith('.reason.json')) continue;
    const kept = readJson(join(dir, name));
    if (typeof kept !== 'object' || kept === null) continue;
    const { reportId, reason, setAsideAt } = kept as Record<string, unknown>;
    if (typeof reportId !== 'string' || typeof reason !== 'string') continue;
    if (typeof setAsideAt !== 'string') continue;
    if (latest === null || setAsideAt > latest.setAsideAt) {
      latest = { reportId, reason, setAsideAt };
    }
  }
  return latest;
}

/** Pending gaps folded by reason; a cleared gaps file (`"gaps": []`) holds none. */
function droppedReports(dir: string): DroppedSummary[] {
  let text: string;
  try {
    text = readFileSync(join(dir, GAPS_FILE), 'utf8');
  } catch {
    return [];
  }
  const parsed = parseGaps(text);
  if (!('gaps' in parsed)) return [];
  const byReason = new Map<DropReason, DroppedSummary>();
  for (const gap of parsed.gaps) {
    const seen = byReason.get(gap.reason);
    byReason.set(gap.reason, {
      reason: gap.reason,
      count: (seen?.count ?? 0) + gap.count,
      firstSpooledAt: seen?.firstSpooledAt ?? gap.firstSpooledAt,
      lastSpooledAt: gap.lastSpooledAt,
    });
  }
  return [...byReason.values()];
}

/**
 * What a spool directory holds, read-only: the agent may be running and holds the lock, and
 * a listing is enough. Missing or unreadable parts read as empty; `doctor` checks access.
 */
export function inspectSpool(dir: string): SpoolSummary {
  const queued = listDir(dir)
    .map(parseEntryName)
    .filter((entry) => entry !== null)
    .sort((a, b) => a.seq - b.seq);
  const first = queued[0];
  const rejectedDir = join(dir, REJECTED_DIR);
  const rejectedNames = listDir(rejectedDir);
  const corruptDir = join(dir, CORRUPT_DIR);
  return {
    count: queued.length,
    oldestAt: first === undefined ? null : new Date(first.spooledAt).toISOString(),
    rejected: {
      count: setAside(rejectedNames).length,
      dir: rejectedDir,
      latest: latestRejection(rejectedDir, rejectedNames),
    },
    corrupt: { count: setAside(listDir(corruptDir)).length, dir: corruptDir },
    dropped: droppedReports(dir),
  };
}
