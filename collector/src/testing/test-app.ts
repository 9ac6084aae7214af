import type { Hono } from 'hono';
import type { AppDeps, HttpConfig } from '../app.ts';
import { createApp } from '../app.ts';
import type { AppEnv } from '../http/env.ts';
import type { LogFields, Logger } from '../logger.ts';
import { Secret } from '@xiaowang/shared';
import type { FixedClock } from './fixed-clock.ts';
import { fixedClock } from './fixed-clock.ts';
import type { TestDb, TestDbOptions } from './test-db.ts';
import { createTestDb } from './test-db.ts';

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

export interface RequestOptions {
  /** Sent as JSON with content-type application/json. */
  readonly json?: unknown;
  /** Sent as it is (a file upload, a deliberately broken body). */
  readonly body?: RequestInit['body'];
  readonly headers?: Record<string, string>;
  /** The bearer token; the admin token by default, `null` to send none. */
  readonly token?: string | null;
  /** Sent as Accept-Language, e.g. `en` or `zh-CN,zh;q=0.9`. */
  readonly lang?: string;
}

export interface TestResponse<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  /** The parsed JSON body (the caller names its type; it is not checked). */
  readonly body: T;
}

export interface LogEntry {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly event: string;
  readonly fields: LogFields;
}

export interface TestApp {
  readonly app: Hono<AppEnv>;
  readonly db: TestDb;
  readonly clock: FixedClock;
  /** Everything the app logged, for assertions. */
  readonly logs: LogEntry[];
  request<T = unknown>(
    method: string,
    path: string,
    options?: RequestOptions,
  ): Promise<TestResponse<T>>;
  close(): Promise<void>;
}

export interface TestAppOptions extends TestDbOptions {
  readonly config?: Partial<HttpConfig>;
}

/** The real app over a fresh migrated database, called in-process with `app.request()`. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db = await createTestDb(options);
  const clock = fixedClock();
  const logs: LogEntry[] = [];
  const deps: AppDeps = {
    db: db.kysely,
    clock,
    logger: recordingLogger(logs),
    config: {
      adminToken: new Secret(TEST_ADMIN_TOKEN),
      maxBodyBytes: 64 * 1024,
      maxImportBytes: 1024 * 1024,
      maxReportBytes: 8 * 1024 * 1024,
      reportRatePerMinute: 6000,
      reportBurst: 100_000,
      enrollRatePerMinute: 600,
      ...options.config,
    },
  };
  const app = createApp(deps);
  return {
    app,
    db,
    clock,
    logs,
    async request<T>(
      method: string,
      path: string,
      o: RequestOptions = {},
    ): Promise<TestResponse<T>> {
      const headers = new Headers(o.headers);
      if (o.token !== null) headers.set('authorization', `Bearer ${o.token ?? TEST_ADMIN_TOKEN}`);
      if (o.lang !== undefined) headers.set('accept-language', o.lang);
      let body = o.body;
      if (o.json !== undefined) {
        headers.set('content-type', 'application/json');
        body = JSON.stringify(o.json);
      }
      const res = await app.request(path, { method, headers, body });
      const text = await res.text();
      return {
        status: res.status,
        headers: res.headers,
        body: (text === '' ? undefined : JSON.parse(text)) as T,
      };
    },
    close: () => db.close(),
  };
}

function recordingLogger(logs: LogEntry[]): Logger {
  const at =
    (level: LogEntry['level']) =>
    (event: string, fields: LogFields = {}) => {
      logs.push({ level, event, fields });
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
