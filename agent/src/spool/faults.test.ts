import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SpoolFullError, SpoolWriteError } from './errors.ts';
import { openSpool } from './spool.ts';
import type { SpoolOptions } from './spool.ts';
import { openFaultySpool } from './testing/faulty-spool.ts';
import { faultyFs } from './testing/faulty-fs.ts';
import type { Fault } from './testing/faulty-fs.ts';
import { entryFiles, makeReport, tempFiles } from './testing/reports.ts';
import { useTempDirs } from './testing/temp-dir.ts';

const tempDir = useTempDirs();

async function setUp(more: Partial<SpoolOptions> = {}) {
  const { dir, faults, options, spool } = await openFaultySpool(await tempDir(), more);
  const seeded = [makeReport(1), makeReport(2)];
  for (const report of seeded) await spool.append(report);
  return { dir, faults, options, spool, seeded };
}

const ids = (reports: readonly { reportId: string }[]) => reports.map((r) => r.reportId);

describe('a failing disk while appending', () => {
  it.each<[string, Fault, typeof SpoolWriteError, string]>([
    [
      'no space to create the temp file',
      { step: 'open', code: 'ENOSPC' },
      SpoolFullError,
      'ENOSPC',
    ],
    ['disk fills mid-write', { step: 'write', code: 'ENOSPC' }, SpoolFullError, 'ENOSPC'],
    ['quota reached mid-write', { step: 'write', code: 'EDQUOT' }, SpoolFullError, 'EDQUOT'],
    ['fsync of the file fails', { step: 'sync', code: 'EIO' }, SpoolWriteError, 'EIO'],
    ['close reports a late error', { step: 'close', code: 'ENOSPC' }, SpoolFullError, 'ENOSPC'],
    ['read-only at the rename', { step: 'rename', code: 'EROFS' }, SpoolWriteError, 'EROFS'],
    ['read-only from the start', { step: 'open', code: 'EROFS' }, SpoolWriteError, 'EROFS'],
    ['fsync of the directory fails', { step: 'syncDir', code: 'EIO' }, SpoolWriteError, 'EIO'],
  ])('%s: typed error, no partial entry, spool unchanged', async (_, fault, type, code) => {
    const { dir, faults, options, spool, seeded } = await setUp();
    const report = makeReport(3, 50_000);
    faults.push(fault);
    const error: unknown = await spool.append(report).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({ code, dir });
    expect(String(error)).toMatch(report.reportId);
    expect(await entryFiles(dir)).toHaveLength(2);
    expect(await tempFiles(dir)).toEqual([]);
    expect(spool.stats().count).toBe(2);
    expect(ids(await spool.peek(10))).toEqual(ids(seeded));

    faults.length = 0;
    await spool.append(report);
    expect(ids(await spool.peek(10))).toEqual(ids([...seeded, report]));
    await spool.close();
    const again = await openSpool(options);
    expect(ids(await again.peek(10))).toEqual(ids([...seeded, report]));
    expect(again.stats()).toMatchObject({ count: 3, corrupt: 0 });
    await again.close();
  });

  it('leaves nothing behind when the disk fills while a report in pieces is written', async () => {
    const { dir, faults, spool, seeded } = await setUp();
    const report = makeReport(3, 50_000);
    const text = Buffer.from(JSON.stringify(report));
    const pieces = [text.subarray(0, 1000), text.subarray(1000, 30_000), text.subarray(30_000)];
    faults.push({ step: 'write', code: 'ENOSPC' });
    await expect(spool.appendBody(report.reportId, pieces)).rejects.toBeInstanceOf(SpoolFullError);
    expect(await entryFiles(dir)).toHaveLength(2);
    expect(await tempFiles(dir)).toEqual([]);
    faults.length = 0;
    await spool.appendBody(report.reportId, pieces);
    const kept = await spool.peek(10);
    expect(ids(kept)).toEqual(ids([...seeded, report]));
    expect(Buffer.from(kept[2]?.body ?? []).equals(text)).toBe(true);
    await spool.close();
  });

  it('says what to do when the disk is full', async () => {
    const { faults, spool } = await setUp();
    faults.push({ step: 'write', code: 'ENOSPC' });
    await expect(spool.append(makeReport(3))).rejects.toThrow(
      /is full .*free space on that disk or lower spool.maxBytes/,
    );
    await spool.close();
  });
});

describe('other operations on a failing disk', () => {
  it('keeps a report whose ack could not delete it', async () => {
    const { faults, spool, seeded } = await setUp();
    faults.push({ step: 'unlink', code: 'EIO' });
    await expect(spool.ack(seeded[0]?.reportId ?? '')).rejects.toMatchObject({ code: 'EIO' });
    expect(ids(await spool.peek(10))).toEqual(ids(seeded));
    faults.length = 0;
    await spool.ack(seeded[0]?.reportId ?? '');
    expect(ids(await spool.peek(10))).toEqual(ids(seeded.slice(1)));
    await spool.close();
  });

  it('keeps a report in the queue when setting it aside fails', async () => {
    const { dir, faults, spool, seeded } = await setUp();
    faults.push({ step: 'rename', code: 'EROFS', pathIncludes: '/rejected/0' });
    await expect(spool.setAside(seeded[0]?.reportId ?? '', '400')).rejects.toBeInstanceOf(
      SpoolWriteError,
    );
    expect(ids(await spool.peek(10))).toEqual(ids(seeded));
    expect(spool.stats().rejected).toBe(0);
    expect(
      (await readdir(join(dir, 'rejected'))).filter((n) => !n.endsWith('.reason.json')),
    ).toEqual([]);
    await spool.close();
  });

  it('stores the report even when dropping old ones fails, and drops them later', async () => {
    const problems: unknown[] = [];
    const { dir, faults, spool } = await setUp({
      maxBytes: 500,
      onProblem: (error) => problems.push(error),
    });
    const report = makeReport(3);
    faults.push({ step: 'open', code: 'ENOSPC', pathIncludes: 'gaps.json' });
    await spool.append(report);
    expect(problems).toEqual([expect.any(SpoolFullError)]);
    expect(spool.stats().count).toBe(3);
    expect(spool.pendingGaps()).toEqual([]);
    faults.length = 0;
    await spool.append(makeReport(4));
    expect(spool.stats()).toMatchObject({ count: 2, bytes: 400 });
    expect(spool.pendingGaps()).toEqual([
      expect.objectContaining({ count: 2, firstSeq: 0, lastSeq: 1 }),
    ]);
    expect(await entryFiles(dir)).toHaveLength(2);
    await spool.close();
  });

  it('leaves no half-written lock when the disk is full at start', async () => {
    const dir = await tempDir();
    const { fs, faults } = faultyFs();
    faults.push({ step: 'write', code: 'ENOSPC', pathIncludes: '.lock' });
    const options = { dir, maxBytes: 1_000_000, maxAgeDays: 30 };
    await expect(openSpool({ ...options, fs })).rejects.toBeInstanceOf(SpoolFullError);
    expect(await readdir(dir)).not.toContain('.lock');
    faults.length = 0;
    const spool = await openSpool({ ...options, fs });
    await spool.close();
  });

  it('refuses to open a read-only spool with a typed error', async () => {
    const dir = await tempDir();
    const { fs, faults } = faultyFs();
    faults.push({ step: 'open', code: 'EROFS' });
    await expect(openSpool({ dir, maxBytes: 1_000_000, maxAgeDays: 30, fs })).rejects.toMatchObject(
      { name: 'SpoolWriteError', code: 'EROFS' },
    );
  });
});
