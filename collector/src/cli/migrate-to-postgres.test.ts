import { afterEach, describe, expect, it } from 'vitest';
import { databaseFile, openLocation } from '../db/open.ts';
import { countAllRows, enrollTestAgent, goldenReport } from '../testing/agent-factory.ts';
import { placeFactory } from '../testing/factories.ts';
import type { TestApp } from '../testing/test-app.ts';
import { createTestApp } from '../testing/test-app.ts';
import type { TestDb } from '../testing/test-db.ts';
import { createTestDb, onPostgres } from '../testing/test-db.ts';
import type { CommandIo } from './cli-error.ts';
import { EXIT } from './cli-error.ts';
import { main } from './main.ts';

let county: TestApp | undefined;
let target: TestDb | undefined;
afterEach(async () => {
  await county?.close();
  await target?.close();
});

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
  const code = await main(argv, io, {});
  return { code, out: out.join('\n'), err: err.join('\n') };
}

// It needs a server to copy into: `npm run test:postgres` runs it.
describe.skipIf(!onPostgres)('xiaowang-collector migrate-to-postgres', () => {
  it('copies every row of a county into an empty database, once', async () => {
    county = await createTestApp({ backend: 'sqlite', storage: 'file' });
    const agent = await enrollTestAgent(county);
    for (let i = 0; i < 3; i++) {
      const res = await county.request('POST', '/api/v1/reports', {
        token: agent.token,
        json: goldenReport(),
      });
      expect(res.status).toBe(200);
    }
    const source = await countAllRows(county.db.kysely);
    const file = databaseFile(county.db.dataDir ?? '');
    target = await createTestDb({ migrate: false });
    if (target.location.kind !== 'postgres') throw new Error('expected PostgreSQL');
    const url = target.location.url.reveal();

    const copied = await run('migrate-to-postgres', '--from', file, '--to', url, '--lang', 'en');
    expect(copied.err).toBe('');
    expect(copied.code).toBe(EXIT.OK);
    expect(copied.out).toContain('every table’s row count matches');

    const moved = openLocation(target.location);
    try {
      const inTarget = await countAllRows(moved.kysely);
      const notCopied = new Set(['schema_migrations', 'schema_migration_locks', 'leases']);
      const data = Object.fromEntries(Object.entries(source).filter(([t]) => !notCopied.has(t)));
      expect(inTarget).toMatchObject(data);
      expect(data['interface_samples']).toBeGreaterThan(0);
      // New rows get ids after the copied ones.
      const town = await moved.kysely.selectFrom('towns').select('id').executeTakeFirstOrThrow();
      const school = await placeFactory(moved.kysely, county.clock).school(town.id);
      const highest = await moved.kysely
        .selectFrom('schools')
        .select((eb) => eb.fn.max('id').as('id'))
        .executeTakeFirstOrThrow();
      expect(school.id).toBe(highest.id);
      expect(school.id).toBeGreaterThan(1);
    } finally {
      await moved.close();
    }

    const again = await run('migrate-to-postgres', '--from', file, '--to', url, '--lang', 'en');
    expect(again.code).toBe(EXIT.FAILED);
    expect(again.err).toContain('already holds collector data');
  });

  it('names a missing file and a target that is not a postgres:// URL', async () => {
    const missing = await run(
      'migrate-to-postgres',
      '--from',
      '/nonexistent/x.db',
      '--to',
      'postgres://h/db',
      '--lang',
      'en',
    );
    expect(missing.code).toBe(EXIT.FAILED);
    expect(missing.err).toContain('/nonexistent/x.db');
    const bad = await run(
      'migrate-to-postgres',
      '--from',
      'x.db',
      '--to',
      'mysql://h/db',
      '--lang',
      'en',
    );
    expect(bad.code).toBe(EXIT.USAGE);
    expect(bad.err).toContain('--to postgres://');
  });
});
