import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/*
 * A disk that really fills up: a small tmpfs mounted for the test when this process may
 * mount (root in a container with CAP_SYS_ADMIN, as in our sandbox and CI). Where it may not,
 * callers fall back to a file-size limit (`ulimit -f`) on the child, which fails writes with
 * EFBIG instead of ENOSPC. The figures say which was used.
 */

export interface TinyFs {
  readonly dir: string;
  /** Bytes still free. */
  free(): number;
  /** Fills all but `leaveBytes` with a filler file; returns a function that deletes it. */
  fill(leaveBytes: number): () => void;
  unmount(): void;
}

export function mountTinyFs(dir: string, sizeBytes: number): TinyFs | undefined {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return undefined;
  mkdirSync(dir, { recursive: true });
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeBytes}`, 'tmpfs', dir]);
  if (mounted.status !== 0) return undefined;
  const free = () => {
    const s = statfsSync(dir);
    return s.bavail * s.bsize;
  };
  let fillers = 0;
  return {
    dir,
    free,
    fill(leaveBytes) {
      const file = path.join(dir, `filler-${fillers++}`);
      writeFileSync(file, Buffer.alloc(Math.max(0, free() - leaveBytes)));
      return () => rmSync(file, { force: true });
    },
    unmount() {
      spawnSync('umount', ['-l', dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
