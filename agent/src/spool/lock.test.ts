import { spawnSync } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SpoolLockedError } from './errors.ts';
import { openSpool } from './spool.ts';
import type { SpoolOptions } from './spool.ts';
import { spawnScript } from './testing/child.ts';
import { makeReport } from './testing/reports.ts';
import { useTempDirs } from './testing/temp-dir.ts';

const tempDir = useTempDirs();
const options = (dir: string): SpoolOptions => ({ dir, maxBytes: 1_000_000, maxAgeDays: 30 });

/** The pid of a process that has certainly exited. */
function deadPid(): number {
  const done = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(done.stdout.toString());
}

const lockWith = (dir: string, content: Record<string, unknown> | string) =>
  writeFile(join(dir, '.lock'), typeof content === 'string' ? content : JSON.stringify(content));

describe('the spool lock', () => {
  it('refuses a second agent while the first is alive, saying what to do', async () => {
    const dir = await tempDir();
    const holder = spawnScript('hold-spool.ts', [dir]);
    try {
      await holder.waitForLine('ready');
      const error: unknown = await openSpool(options(dir)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SpoolLockedError);
      expect(error).toMatchObject({ code: 'LOCKED', pid: holder.child.pid });
      expect(String(error)).toMatch(/stop the other agent, or give this one its own spool.dir/);
    } finally {
      holder.child.kill('SIGKILL');
      await holder.exited;
    }
    // The holder died without cleaning up: its lock is stale now and is taken over.
    const spool = await openSpool(options(dir));
    const lock = JSON.parse(await readFile(join(dir, '.lock'), 'utf8')) as { pid: number };
    expect(lock.pid).toBe(process.pid);
    await spool.close();
  });

  it('refuses a second open in the same process until the first is closed', async () => {
    const dir = await tempDir();
    const first = await openSpool(options(dir));
    await expect(openSpool(options(dir))).rejects.toBeInstanceOf(SpoolLockedError);
    await first.close();
    expect(await readdir(dir)).not.toContain('.lock');
    const second = await openSpool(options(dir));
    await second.append(makeReport(1));
    await second.close();
  });

  it.each<[string, (dir: string) => Promise<void>]>([
    ['its process has exited', (dir) => lockWith(dir, { pid: deadPid(), bootId: null })],
    ['it is from an earlier boot', (dir) => lockWith(dir, { pid: 1, bootId: 'earlier-boot' })],
    ['it names our own pid (a restarted container)', (dir) => lockWith(dir, { pid: process.pid })],
    ['it cannot be read', (dir) => lockWith(dir, '\0\0\0')],
  ])('takes over a stale lock when %s', async (_, makeLock) => {
    const dir = await tempDir();
    await makeLock(dir);
    const spool = await openSpool({ ...options(dir), lock: { bootId: 'this-boot' } });
    const lock = JSON.parse(await readFile(join(dir, '.lock'), 'utf8')) as { pid: number };
    expect(lock.pid).toBe(process.pid);
    expect((await readdir(dir)).filter((name) => name.startsWith('.lock'))).toEqual(['.lock']);
    await spool.close();
  });

  it('keeps a lock from this boot whose process is alive', async () => {
    const dir = await tempDir();
    await lockWith(dir, { pid: 1, bootId: 'this-boot' });
    await expect(
      openSpool({ ...options(dir), lock: { bootId: 'this-boot', isAlive: () => true } }),
    ).rejects.toMatchObject({ pid: 1 });
    expect(JSON.parse(await readFile(join(dir, '.lock'), 'utf8'))).toMatchObject({ pid: 1 });
  });
});
