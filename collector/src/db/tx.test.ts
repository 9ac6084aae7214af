import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestDb } from '../testing/test-db.ts';
import { createTestDb } from '../testing/test-db.ts';
import type { Db } from './schema.ts';
import { inTransaction } from './tx.ts';

let db: TestDb;
beforeEach(async () => {
  db = await createTestDb();
});
afterEach(() => db.close());

const now = '2026-03-01T00:00:00.000Z';
const addCounty = (d: Db, name: string) =>
  d
    .insertInto('counties')
    .values({ name, timezone: 'Asia/Shanghai', created_at: now, updated_at: now })
    .execute();
const countyNames = async () =>
  (await db.kysely.selectFrom('counties').select('name').execute()).map((r) => r.name);

describe('inTransaction', () => {
  it('commits the work of nested calls together', async () => {
    await inTransaction(db.kysely, async (outer) => {
      await addCounty(outer, 'A');
      await inTransaction(outer, (inner) => addCounty(inner, 'B'));
    });
    expect(await countyNames()).toEqual(['A', 'B']);
  });

  it('rolls back everything, including nested work, when the outer work throws', async () => {
    const failing = inTransaction(db.kysely, async (outer) => {
      await addCounty(outer, 'A');
      await inTransaction(outer, (inner) => addCounty(inner, 'B'));
      throw new Error('stop');
    });
    await expect(failing).rejects.toThrow('stop');
    expect(await countyNames()).toEqual([]);
  });
});
