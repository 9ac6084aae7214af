import { CamelCasePlugin, CompiledQuery, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestDb } from '../testing/test-db.ts';
import { createTestDb, onPostgres } from '../testing/test-db.ts';
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

  it('throws why the work failed, not the rollback that SQLite had already done', async () => {
    // SQLITE_FULL and its kin end the transaction themselves; simulate that with a COMMIT.
    const failing = inTransaction(db.kysely, async (tx) => {
      await addCounty(tx, 'A');
      await sql`commit`.execute(tx);
      throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    });
    await expect(failing).rejects.toMatchObject({ code: 'SQLITE_FULL' });
    expect(await inTransaction(db.kysely, async (tx) => addCounty(tx, 'B'))).toBeDefined();
  });

  // PRAGMA defer_foreign_keys is SQLite's; PostgreSQL's COMMIT failures need deferrable constraints.
  it.skipIf(onPostgres)('throws why COMMIT failed, and the connection stays usable', async () => {
    // A deferred foreign key fails at COMMIT, as a full disk does (test/reliability has that).
    const failing = inTransaction(db.kysely, async (tx) => {
      await sql`pragma defer_foreign_keys = on`.execute(tx);
      await tx
        .insertInto('towns')
        .values({ county_id: 999, name: 'T', created_at: now, updated_at: now })
        .execute();
    });
    await expect(failing).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' });
    await inTransaction(db.kysely, (tx) => addCounty(tx, 'C'));
    expect(await countyNames()).toEqual(['C']);
  });

  it('refuses statements once the transaction has ended', async () => {
    let leaked: Db | undefined;
    await inTransaction(db.kysely, async (tx) => {
      leaked = tx;
      await addCounty(tx, 'A');
    });
    if (leaked === undefined) throw new Error('the work ran');
    await expect(addCounty(leaked, 'B')).rejects.toThrow();
    expect(await countyNames()).toEqual(['A']);
  });

  it('answers a failing statement with a rejection, and goes on', async () => {
    await inTransaction(db.kysely, async (tx) => {
      await addCounty(tx, 'A');
      let failing: Promise<unknown> | undefined;
      expect(() => {
        failing = tx.executeQuery(CompiledQuery.raw('select * from no_such_table'));
      }).not.toThrow();
      await expect(failing).rejects.toThrow(/no_such_table/);
      // On PostgreSQL a failed statement aborts the transaction; SQLite keeps it going.
      if (!onPostgres) await addCounty(tx, 'B');
    }).catch(() => undefined);
    expect(await countyNames()).toEqual(onPostgres ? [] : ['A', 'B']);
  });

  it('applies plugins added inside the transaction', async () => {
    const rows = await inTransaction(db.kysely, async (tx) => {
      await addCounty(tx, 'A');
      return tx
        .withPlugin(new CamelCasePlugin())
        .selectFrom('counties')
        .select(['name', 'created_at'])
        .execute();
    });
    expect(rows).toEqual([{ name: 'A', createdAt: now }]);
  });

  it('runs the work again when PostgreSQL aborts it as a deadlock victim, up to a limit', async () => {
    const deadlock = () =>
      Object.assign(new Error('deadlock detected'), { code: '40P01', severity: 'ERROR' });
    let runs = 0;
    await inTransaction(db.kysely, async (tx) => {
      runs++;
      await addCounty(tx, `try ${runs}`);
      if (runs < 3) throw deadlock();
    });
    expect(runs).toBe(3);
    // The aborted runs left nothing behind.
    expect(await countyNames()).toEqual(['try 3']);
    runs = 0;
    const never = inTransaction(db.kysely, () => {
      runs++;
      return Promise.reject(deadlock());
    });
    await expect(never).rejects.toMatchObject({ code: '40P01' });
    expect(runs).toBe(4);
    // Other errors are not retried.
    runs = 0;
    await expect(
      inTransaction(db.kysely, () => {
        runs++;
        return Promise.reject(new Error('bug'));
      }),
    ).rejects.toThrow('bug');
    expect(runs).toBe(1);
  });

  it.runIf(onPostgres)('survives a real deadlock between two writers', async () => {
    await addCounty(db.kysely, 'A');
    await addCounty(db.kysely, 'B');
    let arrived = 0;
    let release: () => void = () => undefined;
    const bothHoldOne = new Promise<void>((resolve) => (release = resolve));
    const meet = async () => {
      if (++arrived === 2) release();
      await bothHoldOne;
    };
    const rename = (first: string, second: string) => {
      let attempt = 0;
      return inTransaction(db.kysely, async (tx) => {
        attempt++;
        const touch = (name: string) =>
          tx.updateTable('counties').set({ updated_at: now }).where('name', '=', name).execute();
        await touch(first);
        if (attempt === 1) await meet();
        await touch(second);
        return attempt;
      });
    };
    const attempts = await Promise.all([rename('A', 'B'), rename('B', 'A')]);
    // PostgreSQL aborted one of them (after deadlock_timeout) and it ran again.
    expect(attempts.sort()).toEqual([1, 2]);
  });
});
