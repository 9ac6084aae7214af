import { join } from 'node:path';
import { checkEntryBytes, parseEntryName } from './entry.ts';
import type { SpoolEntry } from './entry.ts';
import { errnoCode } from './errors.ts';
import { GAPS_FILE, isInGap, parseGaps } from './gaps.ts';
import { TMP_SUFFIX, moveAside, syncDir } from './spool-fs.ts';
import { CORRUPT_DIR, REJECTED_DIR } from './state.ts';
import type { SpoolState } from './state.ts';

/** Moves a file that cannot be trusted to `corrupt/`, with why, and counts it. */
export async function moveToCorrupt(
  state: SpoolState,
  name: string,
  reason: string,
  detail: string,
  asName = name,
): Promise<void> {
  const movedAt = new Date(state.now()).toISOString();
  await moveAside(
    state.fs,
    { dir: state.dir, name },
    { dir: join(state.dir, CORRUPT_DIR), name: asName },
    { file: name, reason, detail, movedAt },
  );
  state.corrupt += 1;
  await syncDir(state.fs, join(state.dir, CORRUPT_DIR));
  await syncDir(state.fs, state.dir);
}

async function removeTempFiles(state: SpoolState, dir: string, names: string[]): Promise<void> {
  const temps = names.filter((name) => name.endsWith(TMP_SUFFIX));
  for (const name of temps) await state.fs.unlink(join(dir, name));
  if (temps.length > 0) await syncDir(state.fs, dir);
}

/** Counts the moved-aside reports in a side directory and returns its highest sequence. */
async function scanSideDir(
  state: SpoolState,
  sub: string,
): Promise<{ count: number; seq: number }> {
  const dir = join(state.dir, sub);
  const names = await state.fs.readdir(dir);
  await removeTempFiles(state, dir, names);
  let count = 0;
  let seq = -1;
  for (const name of names) {
    if (name.endsWith(TMP_SUFFIX) || name.endsWith('.reason.json')) continue;
    count += 1;
    seq = Math.max(seq, parseEntryName(name)?.seq ?? -1);
  }
  return { count, seq };
}

async function loadGaps(state: SpoolState, names: readonly string[]): Promise<void> {
  if (!names.includes(GAPS_FILE)) return;
  let text: string;
  try {
    text = new TextDecoder().decode(await state.fs.readFile(join(state.dir, GAPS_FILE)));
  } catch (error) {
    text = `unreadable: ${errnoCode(error)}`;
  }
  const parsed = parseGaps(text);
  if ('gaps' in parsed) {
    state.gaps = parsed.gaps;
    return;
  }
  const asName = `gaps-${state.now()}.json`;
  await moveToCorrupt(state, GAPS_FILE, 'gaps-unreadable', parsed.problem, asName);
}

async function readEntry(state: SpoolState, name: string): Promise<Uint8Array | string> {
  try {
    return await state.fs.readFile(join(state.dir, name));
  } catch (error) {
    return `cannot read: ${errnoCode(error)}`;
  }
}

/**
 * Rebuilds the index from the directory after any crash: temp files go, entries a drop had
 * recorded in a gap are finished off, and an entry that is torn, unreadable or a second copy
 * of a report is moved to `corrupt/` with the reason. Order comes from the names, never mtime.
 */
export async function recoverSpool(state: SpoolState): Promise<void> {
  const names = await state.fs.readdir(state.dir);
  await removeTempFiles(state, state.dir, names);
  await loadGaps(state, names);
  const candidates = names
    .map(parseEntryName)
    .filter((entry) => entry !== null)
    .sort((a, b) => a.seq - b.seq);
  let unlinked = 0;
  let highest = -1;
  for (const candidate of candidates) {
    highest = Math.max(highest, candidate.seq);
    if (isInGap(state.gaps, candidate.seq)) {
      await state.fs.unlink(join(state.dir, candidate.name));
      unlinked += 1;
      continue;
    }
    const bytes = await readEntry(state, candidate.name);
    if (typeof bytes === 'string') {
      await moveToCorrupt(state, candidate.name, 'unreadable', bytes);
      continue;
    }
    const check = checkEntryBytes(bytes, candidate.reportId);
    if (!check.ok) {
      await moveToCorrupt(state, candidate.name, check.reason, check.detail);
      continue;
    }
    if (state.byId.has(candidate.reportId)) {
      const detail = `an earlier entry already holds report ${candidate.reportId}`;
      await moveToCorrupt(state, candidate.name, 'duplicate-report-id', detail);
      continue;
    }
    const entry: SpoolEntry = { ...candidate, bytes: bytes.byteLength };
    state.entries.push(entry);
    state.byId.set(entry.reportId, entry);
    state.bytes += entry.bytes;
  }
  if (unlinked > 0) await syncDir(state.fs, state.dir);
  const corrupt = await scanSideDir(state, CORRUPT_DIR);
  const rejected = await scanSideDir(state, REJECTED_DIR);
  state.corrupt = corrupt.count;
  state.rejected = rejected.count;
  const gapSeq = Math.max(-1, ...state.gaps.map((gap) => gap.lastSeq));
  state.nextSeq = Math.max(highest, corrupt.seq, rejected.seq, gapSeq) + 1;
}
