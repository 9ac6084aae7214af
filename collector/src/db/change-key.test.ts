import { afterEach, describe, expect, it } from 'vitest';
import type { TestDb } from '../testing/test-db.ts';
import { createTestDb, onPostgres } from '../testing/test-db.ts';
import { readChangeKey } from './change-key.ts';
import type { ConnectedDatabase } from './open.ts';
import { openLocation } from './open.ts';

let db: TestDb | undefined;
let other: ConnectedDatabase | undefined;
afterEach(async () => {
  await other?.close();
  await db?.close();
  db = other = undefined;
});

const NOW = '2026-11-27T00:00:00.000Z';
const addCounty = (d: ConnectedDatabase, name: string) =>
  d.kysely
    .insertInto('counties')
    .values({ name, timezone: 'Asia/Shanghai', created_at: NOW, updated_at: NOW })
    .execute();

describe('readChangeKey', () => {
  it.skipIf(!onPostgres)('gives no key on PostgreSQL, so nothing is kept there', async () => {
    db = await createTestDb();
    expect(await readChangeKey(db.kysely)).toBeUndefined();
  });

  it.skipIf(onPostgres)('stays the same while only reads happen', async () => {
    db = await createTestDb({ storage: 'file' });
    const key = await readChangeKey(db.kysely);
    expect(key).toBeDefined();
    await db.kysely.selectFrom('counties').selectAll().execute();
    expect(await readChangeKey(db.kysely)).toBe(key);
  });

  it.skipIf(onPostgres)(
    'moves with a write on this connection, through Kysely or the raw driver',
    async () => {
      db = await createTestDb({ storage: 'file' });
      const k1 = await readChangeKey(db.kysely);
      await addCounty(db, 'A县');
      const k2 = await readChangeKey(db.kysely);
      expect(k2).not.toBe(k1);
      db.sqlite.prepare("update counties set name = 'B县'").run();
      expect(await readChangeKey(db.kysely)).not.toBe(k2);
    },
  );

  it.skipIf(onPostgres)('moves with a commit by another connection to the file', async () => {
    db = await createTestDb({ storage: 'file' });
    other = openLocation(db.location);
    const k1 = await readChangeKey(db.kysely);
    await addCounty(other, 'A县');
    const k2 = await readChangeKey(db.kysely);
    expect(k2).not.toBe(k1);
    // Even a write that leaves this connection's own count where it was.
    await other.kysely.updateTable('counties').set({ name: 'B县' }).execute();
    expect(await readChangeKey(db.kysely)).not.toBe(k2);
  });

  it.skipIf(onPostgres)(
    'moves after a rolled-back write, and gives none inside a transaction',
    async () => {
      db = await createTestDb({ storage: 'file' });
      const k1 = await readChangeKey(db.kysely);
      const tx = await db.kysely.startTransaction().execute();
      await addCounty({ ...db, kysely: tx }, 'A县');
      expect(await readChangeKey(tx)).toBeUndefined();
      // Outside the transaction the key waits for it to end rather than count its rows.
      let read = false;
      const waiting = readChangeKey(db.kysely).then((key) => {
        read = true;
        return key;
      });
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(read).toBe(false);
      await tx.rollback().execute();
      const k2 = await waiting;
      expect(k2).not.toBe(k1);
      expect(await readChangeKey(db.kysely)).toBe(k2);
    },
  );
});
