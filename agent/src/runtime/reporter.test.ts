import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Report } from '@xiaowang/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queuedReport } from './report-queue.ts';
import { reportsUrl, sendReport } from './reporter.ts';

const report = JSON.parse(
  readFileSync(
    path.resolve(import.meta.dirname, '../../../test/fixtures/reports/v1-school.json'),
    'utf8',
  ),
) as Report;

let reply: { status: number; body: string; headers?: Record<string, string>; delayMs?: number };
let seen:
  { auth: string | undefined; body: string; bytes: Buffer; length: string | undefined } | undefined;
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const bytes = Buffer.concat(chunks);
    seen = {
      auth: req.headers.authorization,
      body: bytes.toString('utf8'),
      bytes,
      length: req.headers['content-length'],
    };
    setTimeout(() => {
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(reply.body);
    }, reply.delayMs ?? 0);
  });
});
let url = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const send = (timeoutMs = 2000) =>
  sendReport(queuedReport(report), { collectorUrl: url, token: 'xw_t0ken', timeoutMs });

describe('sendReport', () => {
  it('posts the report with the bearer token and reads the acknowledgement', async () => {
    reply = { status: 200, body: JSON.stringify({ accepted: true, duplicate: true }) };
    expect(await send()).toEqual({ kind: 'acked', duplicate: true });
    expect(seen?.auth).toBe('Bearer xw_t0ken');
    expect(JSON.parse(seen?.body ?? '{}')).toMatchObject({ reportId: report.reportId });
  });

  it('sends a report kept in pieces byte for byte, with its exact Content-Length', async () => {
    reply = { status: 200, body: JSON.stringify({ accepted: true, duplicate: false }) };
    const text = Buffer.from(
      JSON.stringify({ ...report, agent: { ...report.agent, hostname: '校网-一中' } }),
    );
    const cut = text.indexOf(Buffer.from('校')) + 1; // inside a three-byte character
    const pieces = [text.subarray(0, cut), text.subarray(cut, cut + 1), text.subarray(cut + 1)];
    const outcome = await sendReport(
      { reportId: report.reportId, body: pieces },
      { collectorUrl: url, token: 'xw_t0ken', timeoutMs: 2000 },
    );
    expect(outcome).toEqual({ kind: 'acked', duplicate: false });
    expect(seen?.bytes.equals(text)).toBe(true);
    expect(seen?.length).toBe(String(text.length));
  });

  it('retries on 5xx and 429, honouring Retry-After', async () => {
    reply = { status: 503, body: '{}' };
    expect((await send()).kind).toBe('retry');
    reply = { status: 429, body: '{}', headers: { 'retry-after': '30' } };
    expect(await send()).toMatchObject({ kind: 'retry', retryAfterMs: 30_000 });
  });

  it('sets aside what will never be accepted, and stops on a refused token', async () => {
    reply = {
      status: 400,
      body: JSON.stringify({ error: { code: 'VALIDATION', message: 'devices.0: bad' } }),
    };
    expect(await send()).toEqual({
      kind: 'rejected',
      status: 400,
      reason: '400 VALIDATION devices.0: bad',
    });
    reply = { status: 401, body: '{}' };
    expect((await send()).kind).toBe('unauthorised');
  });

  it('times out instead of waiting forever, and survives a closed port', async () => {
    reply = { status: 200, body: '{}', delayMs: 500 };
    const slow = await send(100);
    expect(slow.kind).toBe('retry');
    expect(slow.kind === 'retry' && slow.reason).toMatch(/Timeout|abort/i);
    const dead = await sendReport(queuedReport(report), {
      collectorUrl: 'http://127.0.0.1:9/',
      token: 't',
      timeoutMs: 500,
    });
    expect(dead.kind).toBe('retry');
  });

  it('joins the API path onto a collector URL with or without a trailing slash', () => {
    expect(reportsUrl('https://c.example/xw')).toBe('https://c.example/xw/api/v1/reports');
    expect(reportsUrl('https://c.example/')).toBe('https://c.example/api/v1/reports');
  });
});
