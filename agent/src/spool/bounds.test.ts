import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryName } from './entry.ts';
import { SpoolFullError } from './errors.ts';
import { openSpool } from './spool.ts';
import type { SpoolOptions } from './spool.ts';
import { entryFiles, makeReport } from './testing/reports.ts';
import { useTempDirs } from './testing/temp-dir.ts';

const tempDir = useTempDirs();
const T0 = Date.UTC(2026, 10, 1);
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** A spool on a clock the test moves; each test report is 1,000 bytes. */
async function setUp(more: Partial<SpoolOptions> = {}) {
  const dir = await tempDir();
  const clock = { now: T0 };
  const options: SpoolOptions = {
    dir,
    maxBytes: 5_000,
    maxAgeDays: 30,
    now: () => clock.now,
    ...more,
  };
  return { dir, clock, options, spool: await openSpool(options) };
}

describe('maxBytes', () => {
  it('drops the oldest first and records the gap durably', async () => {
    const { dir, clock, options, spool } = await setUp();
    const reports = Array.from({ length: 7 }, (_, n) => makeReport(n, 1000));
    for (const report of reports) {
      await spool.append(report);
      clock.now += 300_000;
    }
    expect(JSON.stringify(reports[0]).length).toBe(1000);
    expect((await spool.peek(10)).map((p) => p.reportId)).toEqual(
      reports.slice(2).map((r) => r.reportId),
    );
    expect(spool.stats()).toMatchObject({ count: 5, bytes: 5000 });
    const [gap] = spool.pendingGaps();
    expect(spool.pendingGaps()).toHaveLength(1);
    expect(gap).toMatchObject({
      id: 'max-bytes:0-1',
      reason: 'max-bytes',
      count: 2,
      bytes: 2000,
      firstSeq: 0,
      lastSeq: 1,
      firstReportId: reports[0]?.reportId,
      lastReportId: reports[1]?.reportId,
      firstSpooledAt: iso(T0),
      lastSpooledAt: iso(T0 + 300_000),
    });
    const onDisk = JSON.parse(await readFile(join(dir, 'gaps.json'), 'utf8')) as unknown;
    expect(onDisk).toEqual({ version: 1, gaps: spool.pendingGaps() });
    await spool.close();
    const again = await openSpool(options);
    expect(again.pendingGaps()).toEqual([gap]);
    await again.close();
  });

  it('grows one gap while drops continue, under a new id so clearing the old keeps it', async () => {
    const { spool } = await setUp();
    for (let n = 0; n < 6; n += 1) await spool.append(makeReport(n, 1000));
    const [first] = spool.pendingGaps();
    expect(first?.id).toBe('max-bytes:0-0');
    await spool.append(makeReport(6, 1000));
    expect(spool.pendingGaps()).toEqual([
      expect.objectContaining({ id: 'max-bytes:0-1', count: 2, firstSeq: 0, lastSeq: 1 }),
    ]);
    await spool.clearGaps([first?.id ?? '']);
    expect(spool.pendingGaps()).toHaveLength(1);
    await spool.clearGaps(['max-bytes:0-1']);
    expect(spool.pendingGaps()).toEqual([]);
    await spool.close();
  });

  it('starts a new gap after reports were delivered in between', async () => {
    const { spool } = await setUp();
    const reports = Array.from({ length: 6 }, (_, n) => makeReport(n, 1000));
    for (const report of reports) await spool.append(report);
    await spool.ack(reports[1]?.reportId ?? '');
    await spool.append(makeReport(6, 1000));
    await spool.append(makeReport(7, 1000));
    expect(spool.pendingGaps().map((gap) => [gap.id, gap.count])).toEqual([
      ['max-bytes:0-0', 1],
      ['max-bytes:2-2', 1],
    ]);
    await spool.close();
  });

  it('clears gaps durably once the collector was told', async () => {
    const { dir, options, spool } = await setUp();
    for (let n = 0; n < 6; n += 1) await spool.append(makeReport(n, 1000));
    await spool.clearGaps(spool.pendingGaps().map((gap) => gap.id));
    await spool.close();
    expect(await readFile(join(dir, 'gaps.json'), 'utf8')).toContain('"gaps": []');
    const again = await openSpool(options);
    expect(again.pendingGaps()).toEqual([]);
    await again.close();
  });

  it('refuses one report larger than the whole spool without writing anything', async () => {
    const { dir, spool } = await setUp();
    await spool.append(makeReport(0, 1000));
    const error: unknown = await spool.append(makeReport(1, 6000)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpoolFullError);
    expect(error).toMatchObject({ code: 'TOO_LARGE' });
    expect(await entryFiles(dir)).toHaveLength(1);
    expect(spool.pendingGaps()).toEqual([]);
    await spool.close();
  });

  it('applies a lowered maxBytes when the spool is opened', async () => {
    const { options, spool } = await setUp();
    for (let n = 0; n < 5; n += 1) await spool.append(makeReport(n, 1000));
    await spool.close();
    const smaller = await openSpool({ ...options, maxBytes: 2_500 });
    expect(smaller.stats()).toMatchObject({ count: 2, bytes: 2000 });
    expect(smaller.pendingGaps()).toEqual([expect.objectContaining({ count: 3, lastSeq: 2 })]);
    await smaller.close();
  });
});

describe('maxAgeDays', () => {
  it('drops reports older than the limit, oldest first, and records the time range', async () => {
    const { clock, spool } = await setUp({ maxBytes: 1_000_000, maxAgeDays: 2 });
    const reports = Array.from({ length: 4 }, (_, n) => makeReport(n));
    for (const report of reports) {
      await spool.append(report);
      clock.now += DAY;
    }
    // Now T0 + 4 days: the reports of day 0 and day 1 are more than two days old.
    await spool.append(makeReport(9));
    expect((await spool.peek(10)).map((p) => p.reportId)).toEqual([
      reports[2]?.reportId,
      reports[3]?.reportId,
      expect.any(String),
    ]);
    expect(spool.pendingGaps()).toEqual([
      expect.objectContaining({
        reason: 'max-age',
        count: 2,
        firstReportId: reports[0]?.reportId,
        lastReportId: reports[1]?.reportId,
        firstSpooledAt: iso(T0),
        lastSpooledAt: iso(T0 + DAY),
        droppedAt: iso(T0 + 4 * DAY),
      }),
    ]);
    await spool.close();
  });

  it('drops stale reports when the agent starts after a long stop', async () => {
    const { clock, options, spool } = await setUp({ maxBytes: 1_000_000, maxAgeDays: 30 });
    for (let n = 0; n < 3; n += 1) await spool.append(makeReport(n));
    await spool.close();
    clock.now += 31 * DAY;
    const again = await openSpool(options);
    expect(again.stats()).toMatchObject({ count: 0, oldestAt: null });
    expect(again.pendingGaps()).toEqual([
      expect.objectContaining({ reason: 'max-age', count: 3, firstSeq: 0, lastSeq: 2 }),
    ]);
    await again.append(makeReport(3));
    expect((await again.oldest())?.seq).toBe(3);
    await again.close();
  });

  it('opens thirty days of five-minute reports in order and keeps ageing them', async () => {
    const dir = await tempDir();
    const count = 8_640;
    const reports = Array.from({ length: count }, (_, n) => makeReport(n, 300));
    for (let start = 0; start < count; start += 500) {
      await Promise.all(
        reports.slice(start, start + 500).map((report, i) => {
          const seq = start + i;
          const name = entryName(seq, T0 + seq * 300_000, report.reportId);
          return writeFile(join(dir, name), JSON.stringify(report));
        }),
      );
    }
    const clock = { now: T0 + (count - 1) * 300_000 };
    const options = { dir, maxBytes: count * 300, maxAgeDays: 30, now: () => clock.now };
    const spool = await openSpool(options);
    expect(spool.stats()).toMatchObject({ count, bytes: count * 300, oldestAt: iso(T0) });
    const all = await spool.peek(count);
    expect(all.map((p) => p.reportId)).toEqual(reports.map((r) => r.reportId));
    clock.now += 300_000 + 1;
    await spool.append(makeReport(count, 300));
    expect(spool.stats()).toMatchObject({ count, oldestAt: iso(T0 + 300_000) });
    expect(spool.pendingGaps()).toEqual([
      expect.objectContaining({ reason: 'max-age', count: 1, firstSeq: 0, lastSeq: 0 }),
    ]);
    await spool.close();
  }, 60_000);
});
