import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestDb } from '../testing/test-db.ts';
import { createTestDb } from '../testing/test-db.ts';
import { openLocation } from './open.ts';
import type { ConnectedDatabase } from './open.ts';
import { leaseHolder, releaseLease, selectLease, takeLease } from './leases.ts';

let db: TestDb;
let other: ConnectedDatabase | undefined;
beforeEach(async () => {
  db = await createTestDb({ storage: 'file' });
});
afterEach(async () => {
  await other?.close();
  other = undefined;
  await db.close();
});

const at = (iso: string) => new Date(iso);
const ask = (holder: string, now: string, ttlMs = 60_000) => ({
  name: 'job',
  holder,
  now: at(now),
  ttlMs,
});

describe('leases', () => {
  it('go to one holder until they expire, are renewed by it, and released at once', async () => {
    expect(await takeLease(db.kysely, ask('a', '2026-03-01T00:00:00.000Z'))).toBe(true);
    expect(await takeLease(db.kysely, ask('b', '2026-03-01T00:00:30.000Z'))).toBe(false);
    // a renews: b must now wait a full ttl from the renewal
    expect(await takeLease(db.kysely, ask('a', '2026-03-01T00:00:50.000Z'))).toBe(true);
    expect(await takeLease(db.kysely, ask('b', '2026-03-01T00:01:10.000Z'))).toBe(false);
    expect(await takeLease(db.kysely, ask('b', '2026-03-01T00:01:50.000Z'))).toBe(true);
    expect(await selectLease(db.kysely, 'job')).toMatchObject({
      holder: 'b',
      acquired_at: '2026-03-01T00:01:50.000Z',
      expires_at: '2026-03-01T00:02:50.000Z',
    });
    await releaseLease(db.kysely, {
      name: 'job',
      holder: 'a',
      now: at('2026-03-01T00:02:00.000Z'),
    });
    expect(await takeLease(db.kysely, ask('a', '2026-03-01T00:02:00.000Z'))).toBe(false);
    await releaseLease(db.kysely, {
      name: 'job',
      holder: 'b',
      now: at('2026-03-01T00:02:00.000Z'),
    });
    expect(await takeLease(db.kysely, ask('a', '2026-03-01T00:02:00.000Z'))).toBe(true);
  });

  it('go to exactly one of many instances asking at once on separate connections', async () => {
    other = openLocation(db.location);
    const dbs = [db.kysely, other.kysely];
    const asks = Array.from({ length: 20 }, (_, i) =>
      takeLease(dbs[i % 2] ?? db.kysely, ask(`instance-${i}`, '2026-03-01T00:00:00.000Z')),
    );
    const won = (await Promise.all(asks)).filter(Boolean);
    expect(won).toHaveLength(1);
  });

  it('are kept by a holder while its work runs longer than the ttl', async () => {
    let now = at('2026-03-01T00:00:00.000Z');
    const clock = () => now;
    const holder = leaseHolder({ db: db.kysely, clock, name: 'job', holder: 'a', ttlMs: 3000 });
    expect(await holder.acquire()).toBe(true);
    await holder.renewWhile(async () => {
      now = at('2026-03-01T00:00:02.500Z');
      await new Promise((resolve) => setTimeout(resolve, 1300)); // a renewal happens
      now = at('2026-03-01T00:00:04.000Z');
      expect(await takeLease(db.kysely, ask('b', '2026-03-01T00:00:04.000Z', 3000))).toBe(false);
    });
    await holder.release();
    expect(await takeLease(db.kysely, ask('b', '2026-03-01T00:00:04.000Z', 3000))).toBe(true);
  });
});
