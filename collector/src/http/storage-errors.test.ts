import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { describe, expect, it } from 'vitest';
import { DatabaseUnreachableError } from '../db/errors.ts';
import type { LogEntry } from '../testing/test-app.ts';
import type { AppEnv } from './env.ts';
import { errorHandler } from './error-handler.ts';

/** An app whose one route fails the way better-sqlite3 does, with `code`, or with `error`. */
function failingWith(code: string, logs: LogEntry[] = [], error?: Error) {
  const app = new Hono<AppEnv>();
  app.use(requestId());
  app.get('/x', () => {
    throw error ?? Object.assign(new Error(`sqlite says ${code}`), { name: 'SqliteError', code });
  });
  const log = (level: LogEntry['level']) => (event: string) =>
    void logs.push({ level, event, fields: {} });
  app.onError(
    errorHandler({
      debug: log('debug'),
      info: log('info'),
      warn: log('warn'),
      error: log('error'),
    }),
  );
  return app;
}

async function answer(code: string, error?: Error) {
  const res = await failingWith(code, [], error).request('/x', {
    headers: { 'accept-language': 'en' },
  });
  const body = (await res.json()) as { error: { code: string; message: string } };
  return { status: res.status, retryAfter: res.headers.get('retry-after'), ...body.error };
}

describe('storage failures', () => {
  it('a full disk is 507 saying what to free, with Retry-After', async () => {
    const got = await answer('SQLITE_FULL');
    expect(got).toMatchObject({ status: 507, code: 'STORAGE_FULL', retryAfter: '60' });
    expect(got.message).toMatch(/disk is full.*XIAOWANG_DATA_DIR/);
  });

  it('a busy or locked database is 503 with a short Retry-After', async () => {
    for (const code of ['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_LOCKED']) {
      expect(await answer(code)).toMatchObject({ status: 503, code: 'BUSY', retryAfter: '5' });
    }
  });

  it('a disk error or a read-only disk is 503 naming the disk to check', async () => {
    for (const code of ['SQLITE_IOERR_WRITE', 'SQLITE_READONLY', 'SQLITE_CANTOPEN']) {
      const got = await answer(code);
      expect(got).toMatchObject({ status: 503, code: 'STORAGE_ERROR' });
      expect(got.message).toContain('XIAOWANG_DATA_DIR');
    }
  });

  it('leaves other database errors a plain 500 that leaks nothing', async () => {
    const logs: LogEntry[] = [];
    const res = await failingWith('SQLITE_ERROR', logs).request('/x');
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain('sqlite says');
    expect(logs.map((l) => l.event)).toEqual(['api.error.INTERNAL']);
  });
});

/** How pg's DatabaseError looks: a SQLSTATE in `code` and the server's `severity`. */
const pgError = (code: string) =>
  Object.assign(new Error(`postgres says ${code}`), { name: 'error', code, severity: 'ERROR' });

describe('storage failures on PostgreSQL', () => {
  it('disk_full is 507 naming the server disk, not XIAOWANG_DATA_DIR', async () => {
    const got = await answer('', pgError('53100'));
    expect(got).toMatchObject({ status: 507, code: 'STORAGE_FULL', retryAfter: '60' });
    expect(got.message).toMatch(/PostgreSQL server's disk is full/);
  });

  it('deadlock, serialisation, lock and connection limits are 503 BUSY', async () => {
    for (const code of ['40P01', '40001', '55P03', '53300', '53200']) {
      expect(await answer('', pgError(code))).toMatchObject({ status: 503, code: 'BUSY' });
    }
  });

  it('a refused, broken or shut-down connection is 503 naming DATABASE_URL', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
    const errors = [
      refused,
      new Error('Connection terminated unexpectedly'),
      new DatabaseUnreachableError(refused),
      pgError('57P01'),
      pgError('08006'),
    ];
    for (const error of errors) {
      const got = await answer('', error);
      expect(got, error.message).toMatchObject({
        status: 503,
        code: 'DATABASE_UNREACHABLE',
        retryAfter: '10',
      });
      expect(got.message).toContain('DATABASE_URL');
    }
  });

  it('leaves a syntax error or a constraint other than unique a plain 500', async () => {
    for (const code of ['42601', '23503']) {
      expect((await answer('', pgError(code))).status).toBe(500);
    }
  });
});
