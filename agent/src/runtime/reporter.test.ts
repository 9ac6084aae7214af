import { createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Report } from '@xiaowang/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPENSSL, makeSelfSignedForIpv6Loopback } from '../testing/loopback-servers.ts';
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

  it('keeps a report queued when the collector redirects, naming where to', async () => {
    reply = {
      status: 308,
      body: '',
      headers: { location: 'https://collector.example/api/v1/reports' },
    };
    const outcome = await send();
    expect(outcome.kind).toBe('retry');
    expect(outcome.kind === 'retry' && outcome.reason).toContain(
      'https://collector.example/api/v1/reports',
    );
  });

  it('streams a county-sized report in pieces with the socket pushing back', async () => {
    reply = { status: 200, body: JSON.stringify({ accepted: true, duplicate: false }) };
    // 500 pieces of 20 KB: far more than a socket buffers, so writes wait for 'drain'.
    const pieces = Array.from({ length: 500 }, (_, i) => Buffer.alloc(20_000, 97 + (i % 26)));
    const statuses: number[] = [];
    const outcome = await sendReport(
      { reportId: report.reportId, body: pieces },
      {
        collectorUrl: url,
        token: 'xw_t0ken',
        timeoutMs: 10_000,
        onStatus: (s) => statuses.push(s),
      },
    );
    expect(outcome).toEqual({ kind: 'acked', duplicate: false });
    expect(statuses).toEqual([200]);
    expect(seen?.bytes.equals(Buffer.concat(pieces))).toBe(true);
    expect(seen?.length).toBe(String(500 * 20_000));
  });

  it('reads no more than a small answer from a collector that will not stop talking', async () => {
    reply = { status: 400, body: `{"error":{"code":"X","message":"${'y'.repeat(200_000)}"}}` };
    const outcome = await send();
    // Cut at 64 KB the body is no longer JSON: the status is still reported, and acted on.
    expect(outcome).toEqual({ kind: 'rejected', status: 400, reason: '400 Bad Request' });
  });

  it('treats a certificate it cannot trust as a reason to retry, naming TLS', async () => {
    const cert = makeSelfSignedForIpv6Loopback();
    if (cert === undefined) return expect(existsSync(OPENSSL)).toBe(false);
    const tls = createHttpsServer(cert, (_req, res) => res.writeHead(200).end('{}'));
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
    try {
      const port = (tls.address() as AddressInfo).port;
      const outcome = await sendReport(queuedReport(report), {
        collectorUrl: `https://127.0.0.1:${port}/`,
        token: 't',
        timeoutMs: 5000,
      });
      expect(outcome.kind).toBe('retry');
      expect(outcome.kind === 'retry' && outcome.reason).toMatch(/^TLS /);
    } finally {
      tls.closeAllConnections();
      tls.close();
    }
  });

  it('joins the API path onto a collector URL with or without a trailing slash', () => {
    expect(reportsUrl('https://c.example/xw')).toBe('https://c.example/xw/api/v1/reports');
    expect(reportsUrl('https://c.example/')).toBe('https://c.example/api/v1/reports');
  });
});
