import { join } from 'node:path';
import { recordMissing } from './bounds.ts';
import { checkEntryBytes } from './entry.ts';
import type { SpoolEntry } from './entry.ts';
import { errnoCode } from './errors.ts';
import { moveToCorrupt } from './recover.ts';
import { removeFromIndex } from './state.ts';
import type { SpoolState } from './state.ts';

export interface SpooledReport {
  readonly seq: number;
  readonly reportId: string;
  /** When it was appended (ISO 8601). */
  readonly spooledAt: string;
  readonly bytes: number;
  /** The report as appended, byte for byte: what delivery sends. */
  readonly body: Uint8Array;
  /** The report parsed, on first use (delivery never asks: it forwards `body`). */
  readonly report: Record<string, unknown>;
}

function spooled(entry: SpoolEntry, body: Uint8Array): SpooledReport {
  let parsed: Record<string, unknown> | undefined;
  return {
    seq: entry.seq,
    reportId: entry.reportId,
    spooledAt: new Date(entry.spooledAt).toISOString(),
    bytes: entry.bytes,
    body,
    get report() {
      parsed ??= JSON.parse(new TextDecoder().decode(body)) as Record<string, unknown>;
      return parsed;
    },
  };
}

async function readOne(state: SpoolState, entry: SpoolEntry): Promise<SpooledReport | null> {
  let bytes: Uint8Array;
  try {
    bytes = await state.fs.readFile(join(state.dir, entry.name));
  } catch (error) {
    const code = errnoCode(error);
    if (code === 'ENOENT') {
      await recordMissing(state, entry);
    } else {
      await moveToCorrupt(state, entry.name, 'unreadable', `cannot read: ${code}`);
      removeFromIndex(state, entry);
    }
    return null;
  }
  const check = checkEntryBytes(bytes, entry.reportId);
  if (!check.ok) {
    // Damaged after it was indexed (disk trouble): set it aside so the queue moves on.
    await moveToCorrupt(state, entry.name, check.reason, check.detail);
    removeFromIndex(state, entry);
    return null;
  }
  return spooled(entry, bytes);
}

/** The `count` oldest reports that still read back whole, oldest first. */
export async function readOldest(state: SpoolState, count: number): Promise<SpooledReport[]> {
  const found: SpooledReport[] = [];
  let index = 0;
  while (found.length < count) {
    const entry = state.entries[index];
    if (entry === undefined) break;
    const report = await readOne(state, entry);
    if (report === null) continue;
    found.push(report);
    index += 1;
  }
  return found;
}
