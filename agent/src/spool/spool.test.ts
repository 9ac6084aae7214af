import { readFile, readdir, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSpool } from './spool.ts';
import type { SpoolOptions } from './spool.ts';
import { entryFiles, makeReport } from './testing/reports.ts';
import { useTempDirs } from './testing/temp-dir.ts';

const tempDir = useTempDirs();
const open = async (dir: string, more: Partial<SpoolOptions> = {}) =>
  openSpool({ dir, maxBytes: 10_000_000, maxAgeDays: 30, ...more });

describe('openSpool', () => {
  it('creates the directory readable by the agent only', async () => {
    const dir = join(await tempDir(), 'nested', 'spool');
    const spool = await open(dir);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect(spool.stats()).toEqual({
      count: 0,
      bytes: 0,
      oldestAt: null,
      newestAt: null,
      corrupt: 0,
      rejected: 0,
    });
    await spool.close();
  });

  it('refuses bad options, naming each', async () => {
    await expect(openSpool({ dir: '', maxBytes: -1, maxAgeDays: 0 })).rejects.toThrow(
      /dir: expected a non-empty path, got "".*maxBytes: expected a positive integer, got -1.*maxAgeDays/,
    );
  });
});

describe('append and peek', () => {
  it('returns reports oldest first, as appended', async () => {
    let clock = Date.UTC(2026, 0, 1);
    const spool = await open(await tempDir(), { now: () => clock });
    const reports = [1, 2, 3, 4].map((n) => makeReport(n));
    for (const report of reports) {
      await spool.append(report);
      clock += 300_000;
    }
    const peeked = await spool.peek(3);
    expect(peeked.map((p) => p.report)).toEqual(reports.slice(0, 3));
    expect(peeked.map((p) => p.seq)).toEqual([0, 1, 2]);
    expect((await spool.oldest())?.reportId).toBe(reports[0]?.reportId);
    expect(spool.stats()).toMatchObject({
      count: 4,
      oldestAt: '2026-01-01T00:00:00.000Z',
      newestAt: '2026-01-01T00:15:00.000Z',
    });
    await spool.close();
  });

  it('keeps the order across a reopen, from the names and not the file times', async () => {
    const dir = await tempDir();
    const first = await open(dir);
    const reports = Array.from({ length: 12 }, (_, n) => makeReport(n));
    for (const report of reports) await first.append(report);
    await first.close();
    const files = await entryFiles(dir);
    // Give the newest file the oldest mtime and so on, so mtime order is the reverse.
    await Promise.all(
      files.map((name, i) => utimes(join(dir, name), 1_000_000 - i * 1000, 1_000_000 - i * 1000)),
    );
    const again = await open(dir);
    expect((await again.peek(100)).map((p) => p.reportId)).toEqual(reports.map((r) => r.reportId));
    const next = makeReport(99);
    await again.append(next);
    expect((await again.peek(100)).at(-1)?.reportId).toBe(next.reportId);
    expect((await again.peek(100)).at(-1)?.seq).toBe(12);
    await again.close();
  });

  it('stores a repeated reportId once, also when the appends race', async () => {
    const dir = await tempDir();
    const spool = await open(dir);
    const report = makeReport(1);
    await spool.append(report);
    await Promise.all([spool.append(report), spool.append({ ...report, n: 2 })]);
    expect(await entryFiles(dir)).toHaveLength(1);
    expect(spool.stats().count).toBe(1);
    const twin = makeReport(3);
    await Promise.all([spool.append(twin), spool.append(twin)]);
    expect(await entryFiles(dir)).toHaveLength(2);
    await spool.close();
  });

  it('writes the report as its own JSON, so the file is the body to send', async () => {
    const dir = await tempDir();
    const spool = await open(dir);
    const report = makeReport(7);
    await spool.append(report);
    const [name] = await entryFiles(dir);
    expect(JSON.parse(await readFile(join(dir, name ?? ''), 'utf8'))).toEqual(report);
    expect(spool.stats().bytes).toBe(JSON.stringify(report).length);
    await spool.close();
  });

  it('stores a report given in pieces as one file holding them in order', async () => {
    const dir = await tempDir();
    const spool = await open(dir);
    const report = makeReport(8);
    const text = Buffer.from(JSON.stringify(report));
    // Cut inside a key and at both ends: the pieces are joined on disk, not in memory.
    const pieces = [
      text.subarray(0, 1),
      text.subarray(1, 17),
      text.subarray(17),
      new Uint8Array(0),
    ];
    await spool.appendBody(report.reportId, pieces);
    const [name] = await entryFiles(dir);
    expect(await readFile(join(dir, name ?? ''))).toEqual(text);
    expect(spool.stats().bytes).toBe(text.length);
    const [back] = await spool.peek(1);
    expect(Buffer.from(back?.body ?? []).equals(text)).toBe(true);
    await spool.close();
  });

  it('rejects a reportId that is not safe in a file name', async () => {
    const spool = await open(await tempDir());
    await expect(spool.append({ reportId: '../../etc/passwd' })).rejects.toThrow(TypeError);
    await expect(spool.append({ reportId: '' })).rejects.toThrow(/expected report.reportId/);
    expect(spool.stats().count).toBe(0);
    await spool.close();
  });

  it('refuses to work once closed', async () => {
    const spool = await open(await tempDir());
    await spool.close();
    await expect(spool.append(makeReport(1))).rejects.toThrow(/closed/);
  });
});

describe('ack', () => {
  it('deletes the acknowledged report, also after a reopen', async () => {
    const dir = await tempDir();
    const spool = await open(dir);
    const [a, b, c] = [makeReport(1), makeReport(2), makeReport(3)];
    for (const report of [a, b, c]) await spool.append(report);
    await spool.ack(a.reportId);
    await spool.ack(c.reportId);
    expect((await spool.peek(10)).map((p) => p.reportId)).toEqual([b.reportId]);
    expect(await entryFiles(dir)).toHaveLength(1);
    expect(spool.stats()).toMatchObject({ count: 1, bytes: JSON.stringify(b).length });
    await spool.close();
    const again = await open(dir);
    expect((await again.peek(10)).map((p) => p.reportId)).toEqual([b.reportId]);
    await again.close();
  });

  it('ignores an unknown id', async () => {
    const spool = await open(await tempDir());
    await spool.append(makeReport(1));
    await spool.ack('00000000-0000-4000-8000-000000000000');
    await spool.ack('../nonsense');
    expect(spool.stats().count).toBe(1);
    await spool.close();
  });
});

describe('setAside', () => {
  it('moves a refused report to rejected/ with the reason, out of the queue for good', async () => {
    const dir = await tempDir();
    const now = () => Date.UTC(2026, 1, 2);
    const spool = await open(dir, { now });
    const [a, b] = [makeReport(1), makeReport(2)];
    await spool.append(a);
    await spool.append(b);
    await spool.setAside(a.reportId, '422 REPORT_INVALID devices[0].ifIndex');
    await spool.setAside('unknown-id', 'nothing happens');
    expect((await spool.peek(10)).map((p) => p.reportId)).toEqual([b.reportId]);
    expect(spool.stats()).toMatchObject({ count: 1, rejected: 1 });
    const rejected = (await readdir(join(dir, 'rejected'))).sort();
    expect(rejected).toHaveLength(2);
    const [reportFile, reasonFile] = rejected;
    expect(reasonFile).toMatch(/\.reason\.json$/);
    expect(JSON.parse(await readFile(join(dir, 'rejected', reportFile ?? ''), 'utf8'))).toEqual(a);
    const reason: unknown = JSON.parse(
      await readFile(join(dir, 'rejected', reasonFile ?? ''), 'utf8'),
    );
    expect(reason).toMatchObject({
      reportId: a.reportId,
      reason: '422 REPORT_INVALID devices[0].ifIndex',
      setAsideAt: '2026-02-02T00:00:00.000Z',
    });
    await spool.close();
    const again = await open(dir, { now });
    expect(again.stats()).toMatchObject({ count: 1, rejected: 1 });
    await again.append(a);
    expect(again.stats().count).toBe(2);
    await again.close();
  });
});
