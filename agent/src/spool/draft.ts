import { join } from 'node:path';
import { bodyByteLength } from './body.ts';
import type { SpooledFile } from './body.ts';
import type { SpoolFile, SpoolFs } from './spool-fs.ts';
import { tmpNameFor, unlinkQuietly } from './spool-fs.ts';

/** What a draft holds once its writes have settled. */
export type DraftContent =
  /** Every piece is in the file, synced and closed, not yet in the queue. */
  | ({ readonly kind: 'file' } & SpooledFile)
  /** Writing failed (a full or read-only disk): the document is here instead. */
  | { readonly kind: 'memory'; readonly pieces: readonly Uint8Array[]; readonly failure: unknown }
  /** Writing failed and what had been written could not be read back. */
  | { readonly kind: 'lost'; readonly failure: unknown };

/**
 * A report written into the spool directory as it is built, one device's piece at a time,
 * so a cycle never holds its whole document: 10 MB for a county of 500 devices, 100 MB for
 * 5,000, which before this was the largest thing in the agent's memory at the end of a
 * cycle (BENCHMARKS.md, poller round 10). The file is a temp file until the spool adopts it
 * into the queue, so a crash mid-cycle leaves nothing the recovery would mistake for a
 * report (it deletes temp files on open).
 *
 * Writes never fail the cycle: if the disk refuses one, what reached the file is read back
 * and the rest of the report is kept in memory, which the queue then holds as it holds any
 * report the spool cannot store.
 */
export class SpoolDraft {
  readonly reportId: string;
  readonly path: string;
  readonly #fs: SpoolFs;
  #file: SpoolFile | undefined;
  #pending: Uint8Array[] = [];
  #tail: Promise<void> = Promise.resolve();
  /** Bytes known to be in the file: whole writes only, so a torn one is never read back. */
  #written = 0;
  #memory: Uint8Array[] | undefined;
  #failure: unknown;
  #lost = false;
  #finished = false;
  #abandoned = false;

  constructor(fs: SpoolFs, dir: string, reportId: string) {
    this.#fs = fs;
    this.reportId = reportId;
    this.path = join(dir, tmpNameFor(`draft-${reportId}`));
  }

  /**
   * Appends a piece after those before it; the write happens in the background. Pieces
   * after `abandon` are dropped: a failed cycle's devices may still finish after it.
   */
  write(piece: Uint8Array): void {
    if (this.#abandoned || this.#lost) return;
    if (this.#finished) throw new Error(`report ${this.reportId} is already finished`);
    if (this.#memory !== undefined) {
      this.#memory.push(piece);
      return;
    }
    this.#pending.push(piece);
    // Pieces that arrive while a write is under way go out together in the next one.
    if (this.#pending.length === 1) this.#tail = this.#tail.then(() => this.#flush());
  }

  async #flush(): Promise<void> {
    const batch = this.#pending;
    this.#pending = [];
    if (batch.length === 0 || this.#memory !== undefined || this.#lost) return;
    try {
      this.#file ??= await this.#fs.open(this.path, 'wx', 0o600);
      await this.#file.writeFile(batch);
      this.#written += bodyByteLength(batch);
    } catch (error) {
      await this.#fallBack(batch, error);
    }
  }

  /** Moves the document into memory: the file's whole writes, then `unwritten`. */
  async #fallBack(unwritten: readonly Uint8Array[], failure: unknown): Promise<void> {
    this.#failure = failure;
    const file = this.#file;
    this.#file = undefined;
    await file?.close().catch(() => undefined);
    try {
      const start = this.#written > 0 ? [await this.#readWritten()] : [];
      this.#memory = [...start, ...unwritten, ...this.#pending];
    } catch (error) {
      this.#lost = true;
      this.#failure = new Error(
        `${describe(failure)}; reading back what was written failed too: ${describe(error)}`,
        { cause: error },
      );
    }
    this.#pending = [];
    await unlinkQuietly(this.#fs, this.path);
  }

  async #readWritten(): Promise<Uint8Array> {
    return (await this.#fs.readFile(this.path)).subarray(0, this.#written);
  }

  /** Waits for every write, then syncs and closes the file; no more pieces are taken. */
  async finish(): Promise<DraftContent> {
    this.#finished = true;
    await this.#tail;
    if (this.#lost) return { kind: 'lost', failure: this.#failure };
    if (this.#memory === undefined) {
      try {
        this.#file ??= await this.#fs.open(this.path, 'wx', 0o600);
        await this.#file.sync();
        const file = this.#file;
        this.#file = undefined;
        await file.close();
        return { kind: 'file', path: this.path, bytes: this.#written };
      } catch (error) {
        await this.#fallBack([], error);
        if (this.#lost) return { kind: 'lost', failure: this.#failure };
      }
    }
    return { kind: 'memory', pieces: this.#memory ?? [], failure: this.#failure };
  }

  /**
   * The finished file's bytes, and the file removed: for a report the spool could not
   * adopt (full, or larger than spool.maxBytes), which the queue then holds in memory.
   */
  async readBack(): Promise<Uint8Array> {
    const bytes = await this.#readWritten();
    await unlinkQuietly(this.#fs, this.path);
    return bytes;
  }

  /** Deletes the file (the cycle failed); safe to call at any point. */
  async abandon(): Promise<void> {
    this.#finished = true;
    this.#abandoned = true;
    await this.#tail;
    const file = this.#file;
    this.#file = undefined;
    await file?.close().catch(() => undefined);
    await unlinkQuietly(this.#fs, this.path);
  }
}

/** An error's message, or the thrown value as text. */
export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
