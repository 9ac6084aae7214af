import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SpoolFullError } from './errors.ts';
import { openSpool } from './spool.ts';
import type { Spool, SpoolOptions } from './spool.ts';
import { faultyFs } from './testing/faulty-fs.ts';
import { openFaultySpool } from './testing/faulty-spool.ts';
import { entryFiles, makeReport, tempFiles } from './testing/reports.ts';
import { useTempDirs } from './testing/temp-dir.ts';

const tempDir = useTempDirs();

const setUp = async (more: Partial<SpoolOptions> = {}) => openFaultySpool(await tempDir(), more);

/** A report document of `count` pieces, as a cycle writes one: head, devices, tail. */
function pieces(reportId: string, count: number): Buffer[] {
  const out = [Buffer.from(`{"reportId":"${reportId}","devices":[`)];
  for (let i = 0; i < count; i++) {
    out.push(Buffer.from(`${i === 0 ? '' : ','}{"n":${i},"pad":"${'x'.repeat(500)}"}`));
  }
  out.push(Buffer.from(']}'));
  return out;
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** Waits until the draft in `dir` holds `bytes` bytes: its writes run in the background. */
async function untilWritten(dir: string, bytes: number): Promise<void> {
  for (let waited = 0; waited < 5000; waited += 5) {
    const [name] = await tempFiles(dir);
    if (name !== undefined && (await stat(join(dir, name))).size >= bytes) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`the draft in ${dir} never reached ${bytes} bytes`);
}

/** A draft of `count` device pieces, written whole and finished: a file to adopt. */
async function finishedDraft(spool: Spool, count: number) {
  const reportId = randomUUID();
  const doc = pieces(reportId, count);
  const draft = spool.draft(reportId);
  for (const piece of doc) draft.write(piece);
  const content = await draft.finish();
  if (content.kind !== 'file') throw new Error(`expected a file, got ${content.kind}`);
  return { reportId, doc, draft, content };
}

describe('a report drafted into the spool', () => {
  it('is written as it grows, adopted whole into the queue, and read back byte for byte', async () => {
    const { dir, spool, options } = await setUp();
    const older = makeReport(1);
    await spool.append(older);
    const reportId = randomUUID();
    const doc = pieces(reportId, 40);
    const draft = spool.draft(reportId);
    for (const piece of doc) {
      draft.write(piece);
      await tick();
    }
    // Nothing is queued while the cycle still writes: only a temp file a restart deletes.
    expect(await entryFiles(dir)).toHaveLength(1);
    expect(await tempFiles(dir)).toHaveLength(1);

    const content = await draft.finish();
    expect(content).toMatchObject({ kind: 'file', bytes: Buffer.concat(doc).length });
    if (content.kind !== 'file') throw new Error('unreachable');
    const stored = await spool.adopt(reportId, content);
    expect(stored.bytes).toBe(Buffer.concat(doc).length);
    expect(await tempFiles(dir)).toEqual([]);
    expect(spool.queuedIds()).toEqual([older.reportId, reportId]);

    const [, back] = await spool.peek(2);
    expect(Buffer.from(back?.body ?? []).equals(Buffer.concat(doc))).toBe(true);
    await spool.close();
    const again = await openSpool(options);
    expect(again.queuedIds()).toEqual([older.reportId, reportId]);
    await again.close();
  });

  it('leaves nothing queued when the agent dies mid-cycle: the next start deletes the draft', async () => {
    const { dir, spool, options } = await setUp();
    const reportId = randomUUID();
    const draft = spool.draft(reportId);
    const doc = pieces(reportId, 5);
    for (const piece of doc) draft.write(piece);
    await untilWritten(dir, Buffer.concat(doc).length);
    await spool.close();
    const again = await openSpool(options);
    expect(again.queuedIds()).toEqual([]);
    expect(again.stats()).toMatchObject({ count: 0, corrupt: 0 });
    expect(await tempFiles(dir)).toEqual([]);
    await again.close();
  });

  it('keeps the document in memory, whole and in order, when the disk fills mid-cycle', async () => {
    const { dir, spool, faults } = await setUp();
    const reportId = randomUUID();
    const doc = pieces(reportId, 30);
    const draft = spool.draft(reportId);
    for (const [i, piece] of doc.entries()) {
      if (i === 12) {
        // Twelve pieces are on disk, to be read back; the failing write tears (writes half
        // of it) before it throws, as a full disk does.
        await untilWritten(dir, Buffer.concat(doc.slice(0, 12)).length);
        faults.push({ step: 'write', code: 'ENOSPC', pathIncludes: 'draft-' });
      }
      draft.write(piece);
      await tick();
    }
    const content = await draft.finish();
    expect(content.kind).toBe('memory');
    if (content.kind !== 'memory') throw new Error('unreachable');
    expect(Buffer.concat(content.pieces).equals(Buffer.concat(doc))).toBe(true);
    expect(content.failure).toMatchObject({ code: 'ENOSPC' });
    expect(await tempFiles(dir)).toEqual([]);
    expect(await entryFiles(dir)).toEqual([]);
    await spool.close();
  });

  it('keeps it in memory from the start on a read-only disk, and when the last fsync fails', async () => {
    const { dir, spool, faults } = await setUp();
    faults.push({ step: 'open', code: 'EROFS', pathIncludes: 'draft-' });
    const first = randomUUID();
    const a = spool.draft(first);
    for (const piece of pieces(first, 3)) a.write(piece);
    const fromStart = await a.finish();
    expect(fromStart).toMatchObject({ kind: 'memory', failure: { code: 'EROFS' } });
    if (fromStart.kind !== 'memory') throw new Error('unreachable');
    expect(Buffer.concat(fromStart.pieces).equals(Buffer.concat(pieces(first, 3)))).toBe(true);

    faults.length = 0;
    faults.push({ step: 'sync', code: 'EIO', pathIncludes: 'draft-' });
    const second = randomUUID();
    const b = spool.draft(second);
    for (const piece of pieces(second, 3)) b.write(piece);
    const atSync = await b.finish();
    expect(atSync).toMatchObject({ kind: 'memory', failure: { code: 'EIO' } });
    if (atSync.kind !== 'memory') throw new Error('unreachable');
    expect(Buffer.concat(atSync.pieces).equals(Buffer.concat(pieces(second, 3)))).toBe(true);
    expect(await tempFiles(dir)).toEqual([]);
    await spool.close();
  });

  it('says the report is lost when neither writing nor reading back works', async () => {
    const dir = await tempDir();
    const { fs, faults } = faultyFs();
    const spool = await openSpool({
      dir,
      maxBytes: 1_000_000,
      maxAgeDays: 30,
      fs: {
        ...fs,
        readFile: () => Promise.reject(Object.assign(new Error('EIO'), { code: 'EIO' })),
      },
    });
    const reportId = randomUUID();
    const draft = spool.draft(reportId);
    const doc = pieces(reportId, 6);
    draft.write(doc[0] ?? Buffer.alloc(0));
    await untilWritten(dir, doc[0]?.length ?? 0);
    faults.push({ step: 'write', code: 'ENOSPC', pathIncludes: 'draft-' });
    for (const piece of doc.slice(1)) draft.write(piece);
    const content = await draft.finish();
    expect(content.kind).toBe('lost');
    expect(String((content as { failure: unknown }).failure)).toMatch(/ENOSPC.*reading back.*EIO/);
    await spool.close();
  });

  it('refuses to adopt a report over spool.maxBytes and leaves its file to be read back', async () => {
    const { dir, spool } = await setUp({ maxBytes: 4_000 });
    const { reportId, doc, draft, content } = await finishedDraft(spool, 20);
    const error: unknown = await spool.adopt(reportId, content).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpoolFullError);
    expect(error).toMatchObject({ code: 'TOO_LARGE' });
    expect(String(error)).toMatch(/spool\.maxBytes/);
    expect(spool.queuedIds()).toEqual([]);
    expect(Buffer.from(await draft.readBack()).equals(Buffer.concat(doc))).toBe(true);
    expect(await tempFiles(dir)).toEqual([]);
    await spool.close();
  });

  it('puts a draft back to its temp name when the directory cannot be made durable', async () => {
    const { dir, spool, faults } = await setUp();
    const { reportId, doc, draft, content } = await finishedDraft(spool, 4);
    faults.push({ step: 'syncDir', code: 'EIO' });
    await expect(spool.adopt(reportId, content)).rejects.toMatchObject({ code: 'EIO' });
    expect(spool.queuedIds()).toEqual([]);
    expect(await entryFiles(dir)).toEqual([]);
    expect(Buffer.from(await draft.readBack()).equals(Buffer.concat(doc))).toBe(true);
    await spool.close();
  });

  it('queues the report when the directory cannot be made durable nor the rename undone', async () => {
    const problems: unknown[] = [];
    const { dir, spool, faults } = await setUp({ onProblem: (e) => problems.push(e) });
    const { reportId, doc, content } = await finishedDraft(spool, 4);
    faults.push(
      { step: 'syncDir', code: 'EIO' },
      { step: 'rename', code: 'EIO', pathIncludes: 'draft-' },
    );
    const stored = await spool.adopt(reportId, content);
    expect(problems).toMatchObject([{ code: 'EIO' }]);
    expect(String(problems[0])).toMatch(reportId);
    expect(spool.queuedIds()).toEqual([reportId]);
    expect(await entryFiles(dir)).toHaveLength(1);
    expect(Buffer.from(await readFile(stored.path)).equals(Buffer.concat(doc))).toBe(true);
    await spool.close();
  });

  it('deletes the draft of a cycle that failed', async () => {
    const { dir, spool } = await setUp();
    const reportId = randomUUID();
    const draft = spool.draft(reportId);
    for (const piece of pieces(reportId, 3)) draft.write(piece);
    await draft.abandon();
    expect(await tempFiles(dir)).toEqual([]);
    // Devices of the failed cycle still finishing afterwards write nothing.
    draft.write(Buffer.from('x'));
    await tick();
    expect(await tempFiles(dir)).toEqual([]);
    const done = spool.draft(randomUUID());
    await done.finish();
    expect(() => done.write(Buffer.from('x'))).toThrow(/already finished/);
    await spool.close();
  });
});
