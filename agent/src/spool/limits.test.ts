import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SpoolFullError } from './errors.ts';
import { openSpool } from './spool.ts';
import { spawnScript } from './testing/child.ts';
import { entryFiles, makeReport, tempFiles } from './testing/reports.ts';
import { useTempDirs } from './testing/temp-dir.ts';

const tempDir = useTempDirs();

interface Attempt {
  readonly ok?: string;
  readonly error?: string;
  readonly code?: string;
  readonly size: number;
}

describe('real limits from the kernel, no root needed', () => {
  it('a file-size limit (ulimit -f) fails the append with EFBIG and leaves nothing torn', async () => {
    const dir = await tempDir();
    // 64 blocks is 32 or 64 KiB depending on the shell; the reports grow past either.
    const child = spawnScript('append-growing.ts', [dir], 'ulimit -f 64');
    const exit = await child.exited;
    expect(exit.code, child.stderr()).toBe(0);
    const attempts = child.lines.map((line) => JSON.parse(line) as Attempt);
    const failed = attempts.filter((a) => a.error !== undefined);
    expect(failed.map((a) => [a.error, a.code])).toEqual([['SpoolFullError', 'EFBIG']]);
    expect(attempts.at(-1)?.size).toBe(1024);
    expect(attempts.at(-1)?.ok).toBeTypeOf('string');
    const stored = attempts.flatMap((a) => (a.ok === undefined ? [] : [a.ok]));
    expect(stored.length).toBeGreaterThanOrEqual(3);

    expect(await tempFiles(dir)).toEqual([]);
    const spool = await openSpool({ dir, maxBytes: 2 ** 30, maxAgeDays: 30 });
    expect((await spool.peek(100)).map((p) => p.reportId)).toEqual(stored);
    expect(spool.stats()).toMatchObject({ count: stored.length, corrupt: 0 });
    await spool.close();
  }, 30_000);
});

// A small mounted filesystem, e.g. `mount -t tmpfs -o size=256k tmpfs /mnt/tiny`, needs root to
// make, so this runs only when one is named: XIAOWANG_TINY_FS=/mnt/tiny npx vitest run …
const tinyFs = process.env['XIAOWANG_TINY_FS'];

describe.skipIf(tinyFs === undefined)('a real full filesystem (XIAOWANG_TINY_FS)', () => {
  it('fails the append with ENOSPC, keeps what was stored, and recovers once space is freed', async () => {
    const root = tinyFs ?? '';
    const dir = join(root, `spool-${process.pid}-${Date.now()}`);
    const options = { dir, maxBytes: 2 ** 30, maxAgeDays: 30 };
    const spool = await openSpool(options);
    const stored: string[] = [];
    let error: unknown;
    for (let n = 0; n < 10_000 && error === undefined; n += 1) {
      const report = makeReport(n, 16 * 1024 + n);
      try {
        await spool.append(report);
        stored.push(report.reportId);
      } catch (caught) {
        error = caught;
      }
    }
    expect(error).toBeInstanceOf(SpoolFullError);
    expect(error).toMatchObject({ code: 'ENOSPC' });
    expect(await tempFiles(dir)).toEqual([]);
    expect(await entryFiles(dir)).toHaveLength(stored.length);
    await spool.close();

    const again = await openSpool(options);
    expect((await again.peek(10_000)).map((p) => p.reportId)).toEqual(stored);
    expect(again.stats()).toMatchObject({ count: stored.length, corrupt: 0 });
    await again.ack(stored[0] ?? '');
    await again.ack(stored[1] ?? '');
    await again.append(makeReport(-1, 16 * 1024));
    expect(again.stats().count).toBe(stored.length - 1);
    await again.close();
    expect(await readdir(dir)).not.toContain('.lock');
    await rm(dir, { recursive: true, force: true });
  }, 60_000);
});
