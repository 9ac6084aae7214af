import { randomUUID } from 'node:crypto';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryName } from './entry.ts';
import { serialiseGaps } from './gaps.ts';
import type { SpoolGap } from './gaps.ts';
import { openSpool } from './spool.ts';
import type { SpoolOptions } from './spool.ts';
import { entryFiles, makeReport, tempFiles } from './testing/reports.ts';
import type { TestReport } from './testing/reports.ts';
import { useTempDirs } from './testing/temp-dir.ts';

const tempDir = useTempDirs();
const T0 = Date.UTC(2026, 10, 1);
const open = async (dir: string, more: Partial<SpoolOptions> = {}) =>
  openSpool({ dir, maxBytes: 10_000_000, maxAgeDays: 30, now: () => T0, ...more });

/** Three reports appended and the spool closed; returns them in order. */
async function seed(dir: string): Promise<TestReport[]> {
  const spool = await open(dir);
  const reports = [makeReport(1), makeReport(2), makeReport(3)];
  for (const report of reports) await spool.append(report);
  await spool.close();
  return reports;
}

async function reasonsIn(dir: string): Promise<Record<string, unknown>[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.reason.json'));
  return Promise.all(
    names.map(
      async (name) =>
        JSON.parse(await readFile(join(dir, name), 'utf8')) as Record<string, unknown>,
    ),
  );
}

describe('recovery when the spool is opened', () => {
  it('removes temp files a crash left behind and keeps the entries', async () => {
    const dir = await tempDir();
    const reports = await seed(dir);
    const orphan = `${entryName(3, T0, randomUUID())}.1a2b3c4d.tmp`;
    await writeFile(join(dir, orphan), '{"reportId":"half');
    const spool = await open(dir);
    expect(await tempFiles(dir)).toEqual([]);
    expect((await spool.peek(10)).map((p) => p.reportId)).toEqual(reports.map((r) => r.reportId));
    await spool.close();
  });

  it('moves a truncated entry to corrupt/ with the reason and keeps the rest in order', async () => {
    const dir = await tempDir();
    const [a, b, c] = await seed(dir);
    const [, second] = await entryFiles(dir);
    const text = await readFile(join(dir, second ?? ''), 'utf8');
    await writeFile(join(dir, second ?? ''), text.slice(0, 40));
    const spool = await open(dir);
    expect((await spool.peek(10)).map((p) => p.reportId)).toEqual([a?.reportId, c?.reportId]);
    expect(spool.stats()).toMatchObject({ count: 2, corrupt: 1 });
    const corrupt = await readdir(join(dir, 'corrupt'));
    expect(corrupt).toContain(second);
    expect(await readFile(join(dir, 'corrupt', second ?? ''), 'utf8')).toBe(text.slice(0, 40));
    expect(await reasonsIn(join(dir, 'corrupt'))).toEqual([
      expect.objectContaining({ file: second, reason: 'not-json' }),
    ]);
    expect(b).toBeDefined();
    await spool.close();
  });

  it.each([
    ['empty', ''],
    ['zero-filled', '\0'.repeat(300)],
    ['not-an-object', '[1,2]'],
    ['report-id-mismatch', JSON.stringify({ reportId: 'someone-else' })],
  ])('sets aside an entry that is %s', async (reason, content) => {
    const dir = await tempDir();
    await seed(dir);
    const [first] = await entryFiles(dir);
    await writeFile(join(dir, first ?? ''), content);
    const spool = await open(dir);
    expect(spool.stats()).toMatchObject({ count: 2, corrupt: 1 });
    const [recorded] = await reasonsIn(join(dir, 'corrupt'));
    expect(recorded?.['reason']).toBe(reason === 'zero-filled' ? 'not-json' : reason);
    await spool.close();
  });

  it('takes an entry that was renamed into place before its directory was fsynced', async () => {
    const dir = await tempDir();
    const reports = await seed(dir);
    // The rename reached the disk but the spool never learnt of it: a whole file, no index.
    const late = makeReport(4);
    await writeFile(join(dir, entryName(3, T0, late.reportId)), JSON.stringify(late));
    // The rename did not reach the disk: only the temp file is left, and goes.
    const lost = makeReport(5);
    await writeFile(
      join(dir, `${entryName(4, T0, lost.reportId)}.9f9f9f9f.tmp`),
      JSON.stringify(lost),
    );
    const spool = await open(dir);
    expect((await spool.peek(10)).map((p) => p.reportId)).toEqual(
      [...reports, late].map((r) => r.reportId),
    );
    expect(await tempFiles(dir)).toEqual([]);
    const next = makeReport(6);
    await spool.append(next);
    expect((await spool.oldest())?.seq).toBe(0);
    expect((await spool.peek(10)).at(-1)).toMatchObject({ reportId: next.reportId, seq: 4 });
    await spool.close();
  });

  it('keeps the first of two entries holding the same report, the second goes to corrupt/', async () => {
    const dir = await tempDir();
    const [a] = await seed(dir);
    await writeFile(join(dir, entryName(9, T0, a?.reportId ?? '')), JSON.stringify(a));
    const spool = await open(dir);
    expect(spool.stats()).toMatchObject({ count: 3, corrupt: 1 });
    expect((await spool.oldest())?.seq).toBe(0);
    expect((await reasonsIn(join(dir, 'corrupt')))[0]?.['reason']).toBe('duplicate-report-id');
    await spool.append(makeReport(7));
    expect((await spool.peek(10)).at(-1)?.seq).toBe(10);
    await spool.close();
  });

  it('finishes a drop that a crash interrupted after the gap was recorded', async () => {
    const dir = await tempDir();
    const [a, b, c] = await seed(dir);
    const gap: SpoolGap = {
      id: 'max-bytes:0-1',
      reason: 'max-bytes',
      count: 2,
      bytes: 400,
      firstSeq: 0,
      lastSeq: 1,
      firstReportId: a?.reportId ?? '',
      lastReportId: b?.reportId ?? '',
      firstSpooledAt: new Date(T0).toISOString(),
      lastSpooledAt: new Date(T0).toISOString(),
      droppedAt: new Date(T0).toISOString(),
    };
    await writeFile(join(dir, 'gaps.json'), serialiseGaps([gap]));
    const spool = await open(dir);
    expect((await spool.peek(10)).map((p) => p.reportId)).toEqual([c?.reportId]);
    expect(await entryFiles(dir)).toHaveLength(1);
    expect(spool.pendingGaps()).toEqual([gap]);
    expect(spool.stats().corrupt).toBe(0);
    await spool.close();
  });

  it('moves an unreadable gaps.json aside rather than failing to start', async () => {
    const dir = await tempDir();
    await seed(dir);
    await writeFile(join(dir, 'gaps.json'), '{"version":1,"gaps":[{"id":');
    const spool = await open(dir);
    expect(spool.pendingGaps()).toEqual([]);
    expect(spool.stats()).toMatchObject({ count: 3, corrupt: 1 });
    expect((await reasonsIn(join(dir, 'corrupt')))[0]?.['reason']).toBe('gaps-unreadable');
    await spool.close();
  });
});

describe('damage found while reading', () => {
  it('moves an entry damaged after opening aside and returns the next one', async () => {
    const dir = await tempDir();
    const [a, b] = await seed(dir);
    const spool = await open(dir);
    const [first] = await entryFiles(dir);
    await writeFile(join(dir, first ?? ''), '{"reportId":');
    expect((await spool.oldest())?.reportId).toBe(b?.reportId);
    expect(spool.stats()).toMatchObject({ count: 2, corrupt: 1 });
    expect(a).toBeDefined();
    await spool.close();
  });

  it('records an entry whose file vanished as a gap, not as nothing', async () => {
    const dir = await tempDir();
    const [a, b] = await seed(dir);
    const spool = await open(dir);
    const [first] = await entryFiles(dir);
    await rm(join(dir, first ?? ''));
    expect((await spool.peek(1))[0]?.reportId).toBe(b?.reportId);
    expect(spool.pendingGaps()).toEqual([
      expect.objectContaining({ reason: 'missing', count: 1, firstReportId: a?.reportId }),
    ]);
    await spool.close();
  });
});
