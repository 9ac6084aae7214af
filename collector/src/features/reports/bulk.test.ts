import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestDb } from '../../testing/test-db.ts';
import { createTestDb } from '../../testing/test-db.ts';
import { ROWS_PER_STATEMENT, runBulk, runKeyed } from './bulk.ts';

let db: TestDb;
beforeEach(async () => {
  db = await createTestDb();
  const now = '2026-03-01T00:00:00.000Z';
  await db.kysely
    .insertInto('counties')
    .values({ name: 'c', timezone: 'Asia/Shanghai', created_at: now, updated_at: now })
    .execute();
});
afterEach(() => db.close());

const towns = (n: number, tag: string) =>
  Array.from({ length: n }, (_, i) => ({
    county_id: 1,
    name: `${tag}-${i}`,
    created_at: tag,
    updated_at: tag,
  }));

const names = async () =>
  (await db.kysely.selectFrom('towns').select('name').orderBy('id').execute()).map((r) => r.name);

describe('runBulk', () => {
  it('compiles a shape once and reuses it with each call’s values', async () => {
    let builds = 0;
    for (const tag of ['a', 'b', 'c']) {
      await runBulk(db.kysely, 'test-towns', towns(2, tag), (chunk) => {
        builds++;
        return db.kysely.insertInto('towns').values(chunk);
      });
    }
    expect(builds).toBe(1);
    expect(await names()).toEqual(['a-0', 'a-1', 'b-0', 'b-1', 'c-0', 'c-1']);
  });

  it('splits large inputs into statements and returns every row', async () => {
    const rows = towns(ROWS_PER_STATEMENT + 1, 'big');
    const ids = await runBulk(db.kysely, 'test-towns-returning', rows, (chunk) =>
      db.kysely.insertInto('towns').values(chunk).returning('id'),
    );
    expect(ids).toHaveLength(ROWS_PER_STATEMENT + 1);
  });

  it('compiles afresh when rows differ in shape, and still writes the right values', async () => {
    let builds = 0;
    const build = (chunk: readonly object[]) => {
      builds++;
      return db.kysely.insertInto('towns').values(chunk as ReturnType<typeof towns>);
    };
    await runBulk(db.kysely, 'test-shapes', towns(2, 'x'), build);
    const first = { county_id: 1, name: 'y-0', created_at: 'y', updated_at: 'y' };
    const reordered = { name: 'y-1', county_id: 1, created_at: 'y', updated_at: 'y' };
    await runBulk(db.kysely, 'test-shapes', [first, reordered], build);
    expect(builds).toBe(2);
    expect(await names()).toEqual(['x-0', 'x-1', 'y-0', 'y-1']);
  });
});

describe('runKeyed', () => {
  it('builds once and binds each call’s inputs where the first compile put them', async () => {
    await runBulk(db.kysely, 'test-keyed-seed', towns(3, 't'), (chunk) =>
      db.kysely.insertInto('towns').values(chunk),
    );
    let builds = 0;
    // Inputs listed in another order than Kysely binds them, equal values, and a constant.
    const rename = (name: string, updated: string, id: number) =>
      runKeyed(db.kysely, 'test-keyed-rename', { id, name, updated, same: updated }, (p) => {
        builds++;
        return db.kysely
          .updateTable('towns')
          .set({ updated_at: p.updated, name: p.name, created_at: p.same })
          .where('id', '=', p.id)
          .where('county_id', '=', 1);
      });
    await rename('first', 'u1', 1);
    await rename('third', 'u3', 3);
    expect(builds).toBe(1);
    const rows = await db.kysely.selectFrom('towns').selectAll().orderBy('id').execute();
    expect(rows.map((r) => [r.name, r.created_at, r.updated_at])).toEqual([
      ['first', 'u1', 'u1'],
      ['t-1', 't', 't'],
      ['third', 'u3', 'u3'],
    ]);
  });
});
