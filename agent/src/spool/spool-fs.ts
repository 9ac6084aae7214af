import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { bodyByteLength, bodyPieces } from './body.ts';
import type { ReportBody } from './body.ts';

/** An open file, as much of `FileHandle` as the spool uses. */
export interface SpoolFile {
  /** Writes all of `data` from the file's current position, or rejects. */
  writeFile(data: ReportBody): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The file operations the spool needs; tests inject failing ones (ENOSPC, EROFS, …). */
export interface SpoolFs {
  mkdir(path: string, mode: number): Promise<void>;
  open(path: string, flags: 'wx' | 'r', mode?: number): Promise<SpoolFile>;
  readdir(path: string): Promise<string[]>;
  readFile(path: string): Promise<Uint8Array>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
}

export const nodeSpoolFs: SpoolFs = {
  mkdir: async (path, mode) => {
    await fsp.mkdir(path, { recursive: true, mode });
  },
  open: async (path, flags, mode) => spoolFile(await fsp.open(path, flags, mode)),
  readdir: (path) => fsp.readdir(path),
  readFile: (path) => fsp.readFile(path),
  rename: (from, to) => fsp.rename(from, to),
  unlink: (path) => fsp.unlink(path),
};

/**
 * A FileHandle whose writeFile also takes a document in pieces: one writev, so a report of
 * 500 devices is one system call rather than a thousand, and no piece is copied.
 */
function spoolFile(handle: fsp.FileHandle): SpoolFile {
  return {
    writeFile: async (data) => {
      if (typeof data === 'string' || data instanceof Uint8Array) return handle.writeFile(data);
      const expected = bodyByteLength(data);
      // libuv retries short writes itself, but stops without an error once some bytes are
      // written: a full disk mid-document must not pass for a whole one.
      const { bytesWritten } = await handle.writev([...bodyPieces(data)]);
      if (bytesWritten !== expected) {
        throw Object.assign(
          new Error(`ENOSPC: wrote ${bytesWritten} of ${expected} bytes; the disk may be full`),
          { code: 'ENOSPC' },
        );
      }
    },
    sync: () => handle.sync(),
    close: () => handle.close(),
  };
}

export const TMP_SUFFIX = '.tmp';

export function tmpNameFor(name: string): string {
  return `${name}.${randomBytes(4).toString('hex')}${TMP_SUFFIX}`;
}

/** Makes renames and unlinks in `dir` survive power loss (POSIX leaves them in the page cache). */
export async function syncDir(fs: SpoolFs, dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function unlinkQuietly(fs: SpoolFs, path: string): Promise<void> {
  try {
    await fs.unlink(path);
  } catch {
    // best effort: the caller is already reporting the error that brought it here
  }
}

/**
 * Writes `dir/name` so that after a crash it holds either nothing or all of `data`: a temp file,
 * fsync, rename into place. The directory is fsync'd by the caller, which knows how to undo.
 */
export async function writeAndRename(
  fs: SpoolFs,
  dir: string,
  name: string,
  data: ReportBody,
): Promise<void> {
  const tmp = join(dir, tmpNameFor(name));
  let file: SpoolFile | undefined;
  try {
    file = await fs.open(tmp, 'wx', 0o600);
    await file.writeFile(data);
    await file.sync();
    const closing = file;
    file = undefined;
    await closing.close();
    await fs.rename(tmp, join(dir, name));
  } catch (error) {
    await file?.close().catch(() => undefined);
    await unlinkQuietly(fs, tmp);
    throw error;
  }
}

/** `writeAndRename` then fsync the directory: the file is durable when this resolves. */
export async function writeDurably(
  fs: SpoolFs,
  dir: string,
  name: string,
  data: string,
): Promise<void> {
  await writeAndRename(fs, dir, name, data);
  await syncDir(fs, dir);
}

/**
 * Moves `from` to `to` with `<base>.reason.json` beside it, so a file taken out of the queue
 * keeps its bytes and says why. The reason goes first: an orphan reason is harmless, an
 * unexplained file is not. The caller fsyncs both directories once its index agrees.
 */
export async function moveAside(
  fs: SpoolFs,
  from: { dir: string; name: string },
  to: { dir: string; name: string },
  reason: Readonly<Record<string, unknown>>,
): Promise<void> {
  const base = to.name.endsWith('.json') ? to.name.slice(0, -'.json'.length) : to.name;
  await writeAndRename(fs, to.dir, `${base}.reason.json`, `${JSON.stringify(reason, null, 2)}\n`);
  await fs.rename(join(from.dir, from.name), join(to.dir, to.name));
}
