import { randomUUID } from 'node:crypto';
import type { Report } from '@xiaowang/shared';
import { describe, expect, it } from 'vitest';
import { bodyPieces } from '../spool/body.ts';
import type { ReportBody } from '../spool/body.ts';
import { openSpool } from '../spool/spool.ts';
import { faultyFs } from '../spool/testing/faulty-fs.ts';
import { tempFiles } from '../spool/testing/reports.ts';
import { useTempDirs } from '../spool/testing/temp-dir.ts';
import { parseQueued } from '../testing/queued-report.ts';
import type { Log } from './log.ts';
import { queuedReport } from './report-queue.ts';
import { spoolQueue } from './spool-queue.ts';

const tempDir = useTempDirs();

function report(minute: number): Report {
  const at = new Date(Date.UTC(2026, 10, 27, 1, minute)).toISOString();
  return {
    schemaVersion: 1,
    reportId: randomUUID(),
    agent: { version: '0.1.0', hostname: 'gw' },
    pollStartedAt: at,
    pollFinishedAt: at,
    devices: [],
    host: null,
  };
}

describe('spoolQueue on a full disk', () => {
  it('holds reports in memory, delivers them oldest first, and spools them once space returns', async () => {
    const dir = await tempDir();
    const { fs, faults } = faultyFs();
    const spool = await openSpool({ dir, maxBytes: 1_000_000, maxAgeDays: 30, fs });
    const events: { event: string; fields: unknown }[] = [];
    const log: Log = (_level, event, fields) => events.push({ event, fields });
    const queue = spoolQueue(spool, { log, maxHeld: 2 });
    const [a, b, c, d, e] = [report(0), report(5), report(10), report(15), report(20)];

    await queue.append(queuedReport(a));
    faults.push({ step: 'open', code: 'ENOSPC' });
    await queue.append(queuedReport(b));
    await queue.append(queuedReport(c));
    expect(events.map((x) => x.event)).toEqual(['spool.append_failed', 'spool.append_failed']);
    expect(events[0]?.fields).toMatchObject({ code: 'ENOSPC', heldInMemory: 1 });
    expect((await queue.peek(10)).map((r) => r.reportId)).toEqual([a, b, c].map((r) => r.reportId));
    expect(await queue.count()).toBe(3);

    // Past maxHeld the oldest held report goes, and the log names it.
    await queue.append(queuedReport(d));
    expect(events.at(-1)?.fields).toMatchObject({ heldInMemory: 2, droppedReportId: b.reportId });
    await queue.ack(c.reportId);

    // Space is back: the held report moves into the spool before the new one.
    faults.length = 0;
    await queue.append(queuedReport(e));
    expect(spool.stats().count).toBe(3);
    expect((await queue.peek(10)).map((r) => r.reportId)).toEqual([a, d, e].map((r) => r.reportId));
    await spool.close();
  });
});

describe('spoolQueue delivering what it just stored', () => {
  it('hands the new report over from memory once when it is the only one, else reads the spool', async () => {
    const dir = await tempDir();
    const spool = await openSpool({ dir, maxBytes: 1_000_000, maxAgeDays: 30 });
    const queue = spoolQueue(spool);
    const [a, b, c] = [report(0), report(5), report(10)];
    const pieces = (r: Report) => {
      const text = Buffer.from(JSON.stringify(r));
      return [text.subarray(0, 7), text.subarray(7)];
    };
    const bytes = (body: unknown) => Buffer.concat(bodyPieces(body as ReportBody));

    const first = pieces(a);
    await queue.append({ reportId: a.reportId, body: first });
    const [fresh] = await queue.peek(1);
    expect(fresh?.body).toBe(first);
    // Not acknowledged: the next attempt reads the file, which the spool checks.
    const [again] = await queue.peek(1);
    expect(again?.body).not.toBe(first);
    expect(bytes(again?.body).equals(bytes(first))).toBe(true);

    // Behind an older report the new one is read from the spool too, in order.
    await queue.append({ reportId: b.reportId, body: pieces(b) });
    const both = await queue.peek(2);
    expect(both.map((r) => r.reportId)).toEqual([a.reportId, b.reportId]);
    expect(both.every((r) => r.body instanceof Uint8Array)).toBe(true);

    await queue.ack(a.reportId);
    await queue.ack(b.reportId);
    const third = pieces(c);
    await queue.append({ reportId: c.reportId, body: third });
    expect((await queue.peek(0)).length).toBe(0);
    expect((await queue.peek(1))[0]?.body).toBe(third);
    await spool.close();
  });
});

describe('spoolQueue taking a report drafted as its cycle runs', () => {
  const write = (draft: { write(piece: Uint8Array): void }, r: Report) => {
    const text = Buffer.from(JSON.stringify(r));
    for (let at = 0; at < text.length; at += 50) draft.write(text.subarray(at, at + 50));
  };

  it('queues it from its file and hands that file to delivery, not a copy in memory', async () => {
    const dir = await tempDir();
    const spool = await openSpool({ dir, maxBytes: 1_000_000, maxAgeDays: 30 });
    const queue = spoolQueue(spool);
    const a = report(0);
    const draft = queue.draft(a.reportId);
    write(draft, a);
    await draft.commit();
    expect(spool.queuedIds()).toEqual([a.reportId]);
    const [fresh] = await queue.peek(1);
    expect(fresh?.body).toMatchObject({ bytes: JSON.stringify(a).length });
    expect(fresh?.body).toHaveProperty('path', expect.stringContaining(dir) as string);
    expect(parseQueued(fresh ?? { body: '' })).toEqual(a);
    await spool.close();
  });

  it('holds it in memory when the disk is full, and spools it once space returns', async () => {
    const dir = await tempDir();
    const { fs, faults } = faultyFs();
    const spool = await openSpool({ dir, maxBytes: 1_000_000, maxAgeDays: 30, fs });
    const events: string[] = [];
    const queue = spoolQueue(spool, { log: (_level, event) => events.push(event) });
    const [a, b] = [report(0), report(5)];

    faults.push({ step: 'write', code: 'ENOSPC' });
    const first = queue.draft(a.reportId);
    write(first, a);
    await first.commit();
    expect(events).toEqual(['spool.draft_failed', 'spool.append_failed']);
    expect(spool.queuedIds()).toEqual([]);
    const [held] = await queue.peek(1);
    expect(parseQueued(held ?? { body: '' })).toEqual(a);

    // The next cycle's draft is written while space is back: the held report goes in first.
    faults.length = 0;
    const second = queue.draft(b.reportId);
    write(second, b);
    await second.commit();
    expect(spool.queuedIds()).toEqual([a.reportId, b.reportId]);
    expect((await queue.peek(2)).map(parseQueued)).toEqual([a, b]);
    await spool.close();
  });

  it('holds a drafted report behind one the spool still refuses, in order', async () => {
    const dir = await tempDir();
    const spool = await openSpool({ dir, maxBytes: 400, maxAgeDays: 30 });
    const events: string[] = [];
    const queue = spoolQueue(spool, { log: (_level, event) => events.push(event) });
    const big = { ...report(0), agent: { version: '0.1.0', hostname: 'g'.repeat(300) } };
    await queue.append(queuedReport(big));
    const small = report(5);
    const draft = queue.draft(small.reportId);
    write(draft, small);
    await draft.commit();
    // The small one would fit, but it may not overtake the report held before it.
    expect(spool.queuedIds()).toEqual([]);
    expect(events).toEqual(['spool.append_failed', 'spool.append_failed']);
    expect((await queue.peek(2)).map(parseQueued)).toEqual([big, small]);
    expect(await tempFiles(dir)).toEqual([]);
    await spool.close();
  });

  it('holds a drafted report the spool will not adopt, read back whole', async () => {
    const dir = await tempDir();
    const spool = await openSpool({ dir, maxBytes: 150, maxAgeDays: 30 });
    const events: { event: string; fields: unknown }[] = [];
    const queue = spoolQueue(spool, {
      log: (_level, event, fields) => events.push({ event, fields }),
    });
    const a = report(0);
    const draft = queue.draft(a.reportId);
    write(draft, a);
    await draft.commit();
    expect(events[0]).toMatchObject({
      event: 'spool.append_failed',
      fields: { code: 'TOO_LARGE' },
    });
    expect((await queue.peek(1)).map(parseQueued)).toEqual([a]);
    expect(await queue.count()).toBe(1);
    await spool.close();
  });
});
