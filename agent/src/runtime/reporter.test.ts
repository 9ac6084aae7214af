import { createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  truncateSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Report } from '@xiaowang/shared';
import { t } from '@xiaowang/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPENSSL, closedPort, makeSelfSignedForIpv6Loopback } from '../testing/loopback-servers.ts';
import type { SendOutcome } from './reporter.ts';
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
  | {
      auth: string | undefined;
      body: string;
      bytes: Buffer;
      length: string | undefined;
      lang: string | undefined;
    }
  | undefined;
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
      lang: req.headers['accept-language'],
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

  it('sends a spooled report from its file, and never a document that changed on disk', async () => {
    reply = { status: 200, body: JSON.stringify({ accepted: true, duplicate: false }) };
    const dir = mkdtempSync(path.join(tmpdir(), 'xw-send-'));
    try {
      const file = path.join(dir, 'report.json');
      // Larger than a read chunk, so it goes out in several writes.
      const text = Buffer.from(JSON.stringify({ ...report, pad: 'x'.repeat(200_000) }));
      writeFileSync(file, text);
      const body = { path: file, bytes: text.length };
      const options = { collectorUrl: url, token: 'xw_t0ken', timeoutMs: 2000 };
      expect(await sendReport({ reportId: report.reportId, body }, options)).toEqual({
        kind: 'acked',
        duplicate: false,
      });
      expect(seen?.bytes.equals(text)).toBe(true);
      expect(seen?.length).toBe(String(text.length));

      // The technician is sent to the spool's disk, not to the network or the collector.
      const spoolFile = { key: 'delivery.spoolFile' };
      truncateSync(file, text.length - 10);
      expect(await sendReport({ reportId: report.reportId, body }, options)).toMatchObject({
        kind: 'retry',
        reason: expect.stringContaining('changed while it was sent') as string,
        message: spoolFile,
      });
      unlinkSync(file);
      const gone = await sendReport({ reportId: report.reportId, body }, options);
      expect(gone).toMatchObject({
        kind: 'retry',
        reason: expect.stringContaining('could not read the report') as string,
        message: spoolFile,
      });
      if (gone.kind !== 'retry') throw new Error('expected a retry');
      expect(t('zh-CN', gone.message.key, gone.message.params)).toMatch(/spool\.dir/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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
    expect(await send()).toMatchObject({
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
    expect(outcome).toMatchObject({ kind: 'rejected', status: 400, reason: '400 Bad Request' });
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

/** The message a person is told; every outcome but an acknowledgement has one. */
function told(outcome: SendOutcome) {
  if (outcome.kind === 'acked') throw new Error('expected a failure, got an acknowledgement');
  return outcome.message;
}

describe('sendReport says what went wrong, from the catalogue', () => {
  it('a closed port: the collector refused the connection, at which address', async () => {
    const port = await closedPort('127.0.0.1');
    const outcome = await sendReport(queuedReport(report), {
      collectorUrl: `http://127.0.0.1:${port}/`,
      token: 't',
      timeoutMs: 2000,
    });
    expect(outcome).toMatchObject({
      kind: 'retry',
      reason: expect.stringContaining('ECONNREFUSED') as unknown,
    });
    expect(told(outcome)).toEqual({
      key: 'delivery.refused',
      params: { address: `127.0.0.1:${port}` },
    });
  });

  it('a collector that never answers: no answer within so many seconds', async () => {
    const mute = createServer(() => undefined);
    await new Promise<void>((resolve) => mute.listen(0, '127.0.0.1', resolve));
    try {
      const collectorUrl = `http://127.0.0.1:${(mute.address() as AddressInfo).port}/`;
      const outcome = await sendReport(queuedReport(report), {
        collectorUrl,
        token: 't',
        timeoutMs: 250,
      });
      expect(outcome.kind).toBe('retry');
      expect(told(outcome)).toEqual({
        key: 'delivery.timeout',
        params: { url: collectorUrl, seconds: 0.25 },
      });
    } finally {
      mute.closeAllConnections();
      mute.close();
    }
  });

  it('a redirect: the address to put in collector.url, without the API path', async () => {
    reply = { status: 308, body: '', headers: { location: 'https://c.example/xw/api/v1/reports' } };
    expect(told(await send())).toEqual({
      key: 'delivery.redirect',
      params: {
        url,
        location: 'https://c.example/xw/api/v1/reports',
        suggested: 'https://c.example/xw/',
      },
    });
    reply = { status: 301, body: '', headers: { location: '/moved/api/v1/reports' } };
    expect(told(await send()).params).toMatchObject({ suggested: `${url}moved/` });
  });

  it('a refused token: re-enroll, naming the collector', async () => {
    reply = { status: 401, body: JSON.stringify({ error: { code: 'UNAUTHENTICATED' } }) };
    const outcome = await send();
    expect(outcome).toMatchObject({ kind: 'unauthorised', status: 401 });
    expect(told(outcome)).toEqual({
      key: 'delivery.tokenRefused',
      params: { status: 401, url },
    });
    expect(t('en', told(outcome).key, told(outcome).params)).toContain(
      `xiaowang-agent enroll --collector ${url} --code`,
    );
  });

  it('a 403: the collector refuses these schools, in its own words', async () => {
    reply = {
      status: 403,
      body: JSON.stringify({ error: { code: 'FORBIDDEN', message: '2 devices at other schools' } }),
    };
    const outcome = await send();
    expect(outcome.kind).toBe('unauthorised');
    expect(told(outcome)).toEqual({
      key: 'delivery.forbidden',
      params: { status: 403, detail: 'FORBIDDEN 2 devices at other schools' },
    });
  });

  it('asks the collector to answer in the technician’s language', async () => {
    reply = { status: 403, body: '{}' };
    await send();
    expect(seen?.lang).toBe('en');
    await sendReport(queuedReport(report), {
      collectorUrl: url,
      token: 'xw_t0ken',
      timeoutMs: 2000,
      lang: 'zh-CN',
    });
    expect(seen?.lang).toBe('zh-CN');
  });

  it('a collector in trouble (5xx, 429): kept and retried', async () => {
    reply = { status: 503, body: '{}' };
    const outcome = await send();
    expect(outcome.kind).toBe('retry');
    expect(told(outcome)).toEqual({
      key: 'delivery.collectorError',
      params: { status: 503, detail: 'Service Unavailable' },
    });
    reply = { status: 429, body: '{}', headers: { 'retry-after': '5' } };
    expect(await send()).toMatchObject({
      retryAfterMs: 5000,
      message: { key: 'delivery.collectorError', params: { status: 429 } },
    });
  });

  it('a rejected report: set aside, quoting the collector as text, never as a template', async () => {
    reply = {
      status: 400,
      body: JSON.stringify({
        error: { code: 'VALIDATION', message: 'bad {status}\u001b[31m\nname' },
      }),
    };
    const outcome = await send();
    expect(outcome.kind).toBe('rejected');
    const message = told(outcome);
    expect(message).toEqual({
      key: 'delivery.rejected',
      params: { status: 400, detail: 'VALIDATION bad {status} [31m name' },
    });
    expect(t('zh-CN', message.key, message.params)).toContain(
      '（HTTP 400）：VALIDATION bad {status} [31m name。',
    );
  });

  it('keeps reports queued when what answers at collector.url has no report endpoint', async () => {
    for (const status of [404, 405]) {
      reply = { status, body: '<html>not here</html>' };
      const outcome = await send();
      expect(outcome.kind).toBe('retry');
      const message = told(outcome);
      expect(message).toMatchObject({ key: 'delivery.noReportEndpoint', params: { status } });
      expect(t('zh-CN', message.key, message.params)).toContain(`HTTP ${status}`);
    }
  });

  it('a certificate it cannot trust: a TLS problem, with its code', async () => {
    const cert = makeSelfSignedForIpv6Loopback();
    if (cert === undefined) return expect(existsSync(OPENSSL)).toBe(false);
    const tls = createHttpsServer(cert, (_req, res) => res.writeHead(200).end('{}'));
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
    try {
      const collectorUrl = `https://127.0.0.1:${(tls.address() as AddressInfo).port}/`;
      const outcome = await sendReport(queuedReport(report), {
        collectorUrl,
        token: 't',
        timeoutMs: 5000,
      });
      expect(told(outcome)).toEqual({
        key: 'delivery.tls',
        params: { url: collectorUrl, code: 'DEPTH_ZERO_SELF_SIGNED_CERT' },
      });
    } finally {
      tls.closeAllConnections();
      tls.close();
    }
  });

  it('a collector URL that is not one', async () => {
    const outcome = await sendReport(queuedReport(report), {
      collectorUrl: 'not a url',
      token: 't',
      timeoutMs: 500,
    });
    expect(told(outcome)).toEqual({ key: 'delivery.badUrl', params: { url: 'not a url' } });
  });
});
