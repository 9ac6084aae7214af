import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Report } from '@xiaowang/shared';
import { describe, expect, it } from 'vitest';
import { createBackoff } from './backoff.ts';
import { deliverQueued } from './deliver.ts';
import { queuedReport } from './report-queue.ts';
import type { QueuedReport, ReportQueue } from './report-queue.ts';
import type { SendOutcome } from './reporter.ts';

const golden = JSON.parse(
  readFileSync(
    path.resolve(import.meta.dirname, '../../../test/fixtures/reports/v1-school.json'),
    'utf8',
  ),
) as Report;

function memoryQueue(ids: string[]): ReportQueue & { items: QueuedReport[]; aside: string[] } {
  const items = ids.map((reportId) => queuedReport({ ...golden, reportId }));
  const aside: string[] = [];
  return {
    items,
    aside,
    append: (r) => Promise.resolve(void items.push(r)),
    peek: (n) => Promise.resolve(items.slice(0, n)),
    ack: (id) =>
      Promise.resolve(
        void items.splice(
          items.findIndex((r) => r.reportId === id),
          1,
        ),
      ),
    setAside: (id) => {
      aside.push(id);
      items.splice(
        items.findIndex((r) => r.reportId === id),
        1,
      );
      return Promise.resolve();
    },
  };
}

describe('deliverQueued', () => {
  it('sends oldest first and deletes only what was acknowledged', async () => {
    const queue = memoryQueue(['a', 'b', 'c']);
    const sent: string[] = [];
    const answers: SendOutcome[] = [
      { kind: 'acked', duplicate: false },
      {
        kind: 'retry',
        reason: 'ECONNREFUSED',
        message: { key: 'delivery.refused', params: { address: '127.0.0.1:9' } },
      },
    ];
    const result = await deliverQueued({
      queue,
      backoff: createBackoff(1000, 60_000, () => 0.5),
      send: (r) => {
        sent.push(r.reportId);
        return Promise.resolve(answers.shift() ?? { kind: 'acked', duplicate: false });
      },
    });
    expect(sent).toEqual(['a', 'b']);
    expect(queue.items.map((r) => r.reportId)).toEqual(['b', 'c']);
    expect(result).toMatchObject({ delivered: 1, stoppedBy: { kind: 'retry' } });
    expect(result.waitMs).toBeGreaterThan(0);
  });

  it('sets aside a report the collector will never accept and carries on', async () => {
    const queue = memoryQueue(['bad', 'good']);
    const result = await deliverQueued({
      queue,
      backoff: createBackoff(1000, 60_000),
      send: (r) =>
        Promise.resolve(
          r.reportId === 'bad'
            ? {
                kind: 'rejected',
                status: 400,
                reason: '400 VALIDATION',
                message: {
                  key: 'delivery.rejected',
                  params: { status: 400, detail: 'VALIDATION' },
                },
              }
            : { kind: 'acked', duplicate: false },
        ),
    });
    expect(result).toEqual({ delivered: 1, setAside: 1 });
    expect(queue.aside).toEqual(['bad']);
  });

  it('keeps everything when the token is refused', async () => {
    const queue = memoryQueue(['a']);
    const result = await deliverQueued({
      queue,
      backoff: createBackoff(1000, 60_000),
      send: () =>
        Promise.resolve({
          kind: 'unauthorised',
          status: 401,
          reason: 'revoked',
          message: { key: 'delivery.tokenRefused', params: { status: 401, url: 'http://c/' } },
        }),
    });
    expect(result.stoppedBy?.kind).toBe('unauthorised');
    expect(queue.items).toHaveLength(1);
  });

  it('logs the catalogue key and parameters next to the English reason', async () => {
    const events: { event: string; fields: Record<string, unknown> }[] = [];
    const answers: SendOutcome[] = [
      {
        kind: 'rejected',
        status: 422,
        reason: '422 VALIDATION bad',
        message: { key: 'delivery.rejected', params: { status: 422, detail: 'VALIDATION bad' } },
      },
      {
        kind: 'retry',
        reason: '503 Service Unavailable',
        message: {
          key: 'delivery.collectorError',
          params: { status: 503, detail: 'Service Unavailable' },
        },
      },
    ];
    const result = await deliverQueued({
      queue: memoryQueue(['bad', 'next']),
      backoff: createBackoff(1000, 60_000),
      send: () => Promise.resolve(answers.shift() ?? { kind: 'acked', duplicate: false }),
      onEvent: (event, fields) => events.push({ event, fields }),
    });
    expect(result.stoppedBy?.message.key).toBe('delivery.collectorError');
    expect(events).toEqual([
      {
        event: 'report.set_aside',
        fields: expect.objectContaining({
          reason: '422 VALIDATION bad',
          key: 'delivery.rejected',
          params: { status: 422, detail: 'VALIDATION bad' },
        }) as unknown,
      },
      {
        event: 'delivery.paused',
        fields: expect.objectContaining({
          reason: '503 Service Unavailable',
          key: 'delivery.collectorError',
          params: { status: 503, detail: 'Service Unavailable' },
        }) as unknown,
      },
    ]);
  });
});
