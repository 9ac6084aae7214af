import { bodyByteLength, bodyPieces } from '../body.ts';
import type { ReportBody } from '../body.ts';
import { nodeSpoolFs } from '../spool-fs.ts';
import type { SpoolFile, SpoolFs } from '../spool-fs.ts';

/** The first `bytes` bytes of the document, as pieces (a torn write in tests). */
export function bodyPrefix(body: ReportBody, bytes: number): readonly Uint8Array[] {
  const out: Uint8Array[] = [];
  let left = bytes;
  for (const piece of bodyPieces(body)) {
    if (left <= 0) break;
    out.push(piece.byteLength <= left ? piece : piece.subarray(0, left));
    left -= piece.byteLength;
  }
  return out;
}

/** The fs step a fault hits; `syncDir` is an fsync on a directory, `sync` on a file. */
export type FsStep = 'open' | 'write' | 'sync' | 'close' | 'rename' | 'syncDir' | 'unlink';

export interface Fault {
  readonly step: FsStep;
  readonly code: string;
  /** Only paths containing this text; default every path. */
  readonly pathIncludes?: string;
}

function injected(code: string, step: FsStep, path: string): Error {
  return Object.assign(new Error(`${code}: injected at ${step} ${path}`), { code });
}

/**
 * node:fs with failures switched on by the test. A failing `write` first writes half the
 * data, as a real full disk does, so the test sees whether a torn file is left behind.
 */
export function faultyFs(base: SpoolFs = nodeSpoolFs): { fs: SpoolFs; faults: Fault[] } {
  const faults: Fault[] = [];
  const check = (step: FsStep, path: string): void => {
    const fault = faults.find(
      (f) => f.step === step && (f.pathIncludes === undefined || path.includes(f.pathIncludes)),
    );
    if (fault !== undefined) throw injected(fault.code, step, path);
  };
  const wrap = (file: SpoolFile, path: string, isDir: boolean): SpoolFile => ({
    writeFile: async (data) => {
      try {
        check('write', path);
      } catch (error) {
        await file.writeFile(bodyPrefix(data, Math.floor(bodyByteLength(data) / 2)));
        throw error;
      }
      await file.writeFile(data);
    },
    sync: async () => {
      check(isDir ? 'syncDir' : 'sync', path);
      await file.sync();
    },
    close: async () => {
      await file.close();
      check('close', path);
    },
  });
  const fs: SpoolFs = {
    ...base,
    open: async (path, flags, mode) => {
      if (flags !== 'r') check('open', path);
      return wrap(await base.open(path, flags, mode), path, flags === 'r');
    },
    rename: async (from, to) => {
      check('rename', to);
      await base.rename(from, to);
    },
    unlink: async (path) => {
      check('unlink', path);
      await base.unlink(path);
    },
  };
  return { fs, faults };
}
