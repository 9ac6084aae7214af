import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSpool, SpoolFullError } from '../../agent/src/spool/index.ts';
import type { TinyFs } from './support/tiny-fs.ts';
import { mountTinyFs } from './support/tiny-fs.ts';

/*
 * A report kept in pieces goes to disk in one writev. When the disk fills part-way, the
 * kernel writes some bytes and then refuses; libuv returns the count without an error, so
 * the spool must notice the short write itself and not store a torn report as whole.
 */
const root = mkdtempSync(path.join(tmpdir(), 'xw-pieces-'));
const tiny: TinyFs | undefined = mountTinyFs(path.join(root, 'fs'), 1024 * 1024);

afterAll(() => {
  tiny?.unmount();
  rmSync(root, { recursive: true, force: true });
});

describe.skipIf(tiny === undefined)('a report in pieces on a disk that fills mid-write', () => {
  it('is refused as a full disk, leaves no file, and is stored whole once space is back', async () => {
    const dir = path.join(tiny?.dir ?? '', 'spool');
    const spool = await openSpool({ dir, maxBytes: 10_000_000, maxAgeDays: 30 });
    const reportId = '7d3e7a52-5c43-4a8e-9a43-2f6a3a0c1b11';
    const device = Buffer.from(`{"name":"${'x'.repeat(60_000)}"}`);
    const pieces = [Buffer.from(`{"reportId":"${reportId}","devices":[`)];
    for (let i = 0; i < 8; i++) pieces.push(...(i === 0 ? [] : [Buffer.from(',')]), device);
    pieces.push(Buffer.from(']}'));
    const size = pieces.reduce((n, p) => n + p.length, 0);
    // Room for about half the document: the write starts and then runs out.
    const freeAgain = tiny?.fill(Math.floor(size / 2)) ?? (() => undefined);

    const error: unknown = await spool.appendBody(reportId, pieces).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpoolFullError);
    expect(error).toMatchObject({ code: 'ENOSPC' });
    expect(readdirSync(dir).filter((f) => f.endsWith('.json') || f.endsWith('.tmp'))).toEqual([]);
    expect(spool.stats().count).toBe(0);

    freeAgain();
    await spool.appendBody(reportId, pieces);
    const [back] = await spool.peek(1);
    expect(Buffer.from(back?.body ?? []).equals(Buffer.concat(pieces))).toBe(true);
    await spool.close();
  });
});
