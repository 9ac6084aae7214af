import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { formatConfigProblems, loadServerConfig, loadStorageConfig } from './config.ts';

const TOKEN = 'a-long-random-admin-token-0123456789';

describe('collector config', () => {
  it('applies the defaults and hides the admin token', () => {
    const result = loadServerConfig({
      XIAOWANG_ADMIN_TOKEN: TOKEN,
      HOME: '/root',
      XIAOWANG_AGENT_URL: 'x',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config).toMatchObject({
      host: '127.0.0.1',
      port: 8080,
      maxBodyBytes: 1024 * 1024,
      maxImportBytes: 10 * 1024 * 1024,
      logLevel: 'info',
    });
    expect(result.config.dataDir).toMatch(/\/data$/);
    expect(result.config.adminToken.reveal()).toBe(TOKEN);
    expect(JSON.stringify(result.config)).not.toContain(TOKEN);
    expect(inspect(result.config)).not.toContain(TOKEN);
  });

  it('lists every problem as field: what is wrong, how to fix it', () => {
    const result = loadServerConfig({
      XIAOWANG_PORT: 'eighty',
      XIAOWANG_ADMIN_TOKEN: 'short',
      XIAOWANG_LOG_LEVEL: 'loud',
      XIAOWANG_PROT: '80',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = formatConfigProblems('en', result.problems);
    expect(lines).toHaveLength(4);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^XIAOWANG_PORT: Must be a whole number.*between 1 and 65535/),
        expect.stringMatching(
          /^XIAOWANG_ADMIN_TOKEN: Too short: use at least 24 characters\. .*openssl rand/,
        ),
        expect.stringMatching(/^XIAOWANG_LOG_LEVEL: Not an accepted value/),
        expect.stringMatching(/^XIAOWANG_PROT: not a setting/),
      ]),
    );
    expect(formatConfigProblems('zh-CN', result.problems).join('\n')).toContain(
      'XIAOWANG_PORT：应为整数',
    );
  });

  it('requires the admin token for serve only', () => {
    const serve = loadServerConfig({});
    expect(serve.ok).toBe(false);
    if (!serve.ok)
      expect(serve.problems).toEqual([expect.objectContaining({ field: 'XIAOWANG_ADMIN_TOKEN' })]);
    expect(loadStorageConfig({ XIAOWANG_DATA_DIR: '/tmp/x' })).toEqual({
      ok: true,
      config: { dataDir: '/tmp/x' },
    });
  });

  it('chooses PostgreSQL by a postgres:// URL, else SQLite, and hides the password', () => {
    const url = 'postgres://xiaowang:s3cret-pw@db.example:5432/xiaowang';
    const pg = loadStorageConfig({ XIAOWANG_DATABASE_URL: url, XIAOWANG_DATABASE_POOL_SIZE: '20' });
    expect(pg.ok && pg.config.database).toMatchObject({ kind: 'postgres', poolSize: 20 });
    expect(
      pg.ok && pg.config.database?.kind === 'postgres' && pg.config.database.url.reveal(),
    ).toBe(url);
    expect(JSON.stringify(pg)).not.toContain('s3cret-pw');
    const fallback = loadStorageConfig({ DATABASE_URL: url });
    expect(fallback.ok && fallback.config.database?.kind).toBe('postgres');
    const file = loadStorageConfig({ XIAOWANG_DATABASE_URL: 'sqlite:/srv/county.db' });
    expect(file.ok && file.config.database).toEqual({ kind: 'sqlite', file: '/srv/county.db' });
    expect(loadStorageConfig({}).ok && loadStorageConfig({})).toMatchObject({ config: {} });
    const bad = loadStorageConfig({ XIAOWANG_DATABASE_URL: 'mysql://db/x' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(formatConfigProblems('en', bad.problems)).toEqual([
        expect.stringMatching(
          /^XIAOWANG_DATABASE_URL: neither a postgres:\/\/ URL nor a file path/,
        ),
      ]);
    }
  });

  it('keeps reports 400 days and daily summaries 800 by default, and bounds both', () => {
    const defaults = loadServerConfig({ XIAOWANG_ADMIN_TOKEN: TOKEN });
    expect(defaults.ok && defaults.config).toMatchObject({
      sampleRetentionDays: 400,
      reportRetentionDays: 400,
      dailyRetentionDays: 800,
    });
    const set = loadServerConfig({
      XIAOWANG_ADMIN_TOKEN: TOKEN,
      XIAOWANG_REPORT_RETENTION_DAYS: '60',
      XIAOWANG_DAILY_RETENTION_DAYS: '3650',
    });
    expect(set.ok && set.config).toMatchObject({
      reportRetentionDays: 60,
      dailyRetentionDays: 3650,
    });
    // Shorter than an agent's spool (reports) or a county's coverage window (daily): refused.
    const short = loadServerConfig({
      XIAOWANG_ADMIN_TOKEN: TOKEN,
      XIAOWANG_REPORT_RETENTION_DAYS: '45',
      XIAOWANG_DAILY_RETENTION_DAYS: '90',
    });
    expect(short.ok).toBe(false);
    if (short.ok) return;
    expect(formatConfigProblems('en', short.problems)).toEqual([
      expect.stringMatching(/^XIAOWANG_REPORT_RETENTION_DAYS: .*60.*spool\.maxAgeDays/),
      expect.stringMatching(/^XIAOWANG_DAILY_RETENTION_DAYS: .*100.*90 days back/),
    ]);
    expect(formatConfigProblems('zh-CN', short.problems).join('\n')).toContain(
      'XIAOWANG_REPORT_RETENTION_DAYS：',
    );
  });

  it('treats an empty value as unset', () => {
    const result = loadServerConfig({ XIAOWANG_ADMIN_TOKEN: TOKEN, XIAOWANG_PORT: '' });
    expect(result.ok && result.config.port).toBe(8080);
  });
});
