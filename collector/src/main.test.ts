import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadServerConfig } from './config.ts';
import { DatabaseNewerError, LEDGER_TABLE, migrateToLatest } from './db/migrate.ts';
import { databaseFile, openDatabase } from './db/open.ts';
import type { RunningCollector } from './main.ts';
import { startCollector } from './main.ts';
import { silentLogger } from './logger.ts';
import { makeTempDir } from './testing/test-db.ts';

const TOKEN = 'real-http-test-token-0123456789';
let running: RunningCollector | undefined;
let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(async () => {
  await running?.close();
  running = undefined;
  temp.remove();
});

function config() {
  const result = loadServerConfig({
    XIAOWANG_DATA_DIR: temp.dir,
    XIAOWANG_PORT: '0',
    XIAOWANG_ADMIN_TOKEN: TOKEN,
  });
  if (!result.ok) throw new Error('test config rejected');
  return result.config;
}

describe('startCollector over real HTTP', () => {
  it('creates and migrates the database, listens on 127.0.0.1 and answers fetch', async () => {
    running = await startCollector(config(), { logger: silentLogger });
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(running.migrated).toContain('0001_places');

    expect(await (await fetch(`${running.url}/api/v1/health`)).json()).toEqual({ status: 'ok' });
    const created = await fetch(`${running.url}/api/v1/counties`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: '城口县' }),
    });
    expect(created.status).toBe(201);
    const denied = await fetch(`${running.url}/api/v1/counties`);
    expect(denied.status).toBe(401);
    expect(denied.headers.get('x-request-id')).toBeTruthy();
  });

  it('keeps the data across a restart and applies no migration twice', async () => {
    running = await startCollector(config(), { logger: silentLogger });
    const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
    await fetch(`${running.url}/api/v1/counties`, {
      method: 'POST',
      headers,
      body: '{"name":"巫溪县"}',
    });
    await running.close();
    running = await startCollector(config(), { logger: silentLogger });
    expect(running.migrated).toEqual([]);
    const list = await fetch(`${running.url}/api/v1/counties`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(((await list.json()) as { items: unknown[] }).items).toHaveLength(1);
  });

  it('refuses to start on a database that a newer collector has migrated', async () => {
    const db = openDatabase({ file: databaseFile(temp.dir) });
    await migrateToLatest(db.kysely);
    await sql`insert into ${sql.table(LEDGER_TABLE)} (name, timestamp) values ('0777_newer', 'x')`.execute(
      db.kysely,
    );
    await db.close();
    const start = startCollector(config(), { logger: silentLogger });
    await expect(start).rejects.toBeInstanceOf(DatabaseNewerError);
    await expect(startCollector(config(), { logger: silentLogger })).rejects.toThrow(/0777_newer/);
  });
});
