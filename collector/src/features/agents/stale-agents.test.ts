import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/schema.ts';
import { placeFactory } from '../../testing/factories.ts';
import type { TestDb } from '../../testing/test-db.ts';
import { createTestDb } from '../../testing/test-db.ts';
import { listStaleAgents } from './list-stale-agents.ts';

const HOUR = 3_600_000;
const WINDOW = 24 * HOUR;
const NOW = Date.parse('2026-11-28T00:00:00.000Z');

let test: TestDb;
let db: Db;
beforeEach(async () => {
  test = await createTestDb();
  db = test.kysely;
});
afterEach(() => test.close());

async function agent(countyId: number, name: string, lastReportAt: number | null, revoked = false) {
  const row = await db
    .insertInto('agents')
    .values({
      county_id: countyId,
      name,
      token_hash: `hash-${name}`,
      token_hint: 'xw_test',
      created_at: new Date(NOW - 30 * 24 * HOUR).toISOString(),
      last_report_at: lastReportAt === null ? null : new Date(lastReportAt).toISOString(),
      revoked_at: revoked ? new Date(NOW - HOUR).toISOString() : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const stale = async (countyId: number, at: number) => {
  const list = await listStaleAgents({
    db,
    input: { countyId, now: new Date(at), windowMs: WINDOW },
  });
  return { names: list.agents.map((a) => a.name), changesAt: list.changesAt?.getTime() ?? null };
};

describe('listStaleAgents', () => {
  it('says when the list next grows by time alone, to the millisecond', async () => {
    const places = placeFactory(db);
    const county = await places.county();
    const elsewhere = await places.county();
    await agent(county.id, 'never', null);
    await agent(county.id, 'old', NOW - 2 * WINDOW);
    await agent(county.id, 'revoked', NOW - 2 * WINDOW, true);
    await agent(county.id, 'next', NOW - WINDOW + 5 * HOUR);
    await agent(county.id, 'later', NOW - WINDOW + 9 * HOUR);
    await agent(elsewhere.id, 'other county', NOW - WINDOW + HOUR);

    const first = await stale(county.id, NOW);
    expect(first.names).toEqual(['never', 'old']);
    const turns = NOW + 5 * HOUR + 1;
    expect(first.changesAt).toBe(turns);
    expect((await stale(county.id, turns - 1)).names).toEqual(['never', 'old']);
    const then = await stale(county.id, turns);
    expect(then.names).toEqual(['never', 'old', 'next']);
    expect(then.changesAt).toBe(NOW + 9 * HOUR + 1);
  });

  it('says the list never grows by time when every agent is on it or revoked', async () => {
    const county = await placeFactory(db).county();
    await agent(county.id, 'never', null);
    await agent(county.id, 'revoked', NOW, true);
    expect(await stale(county.id, NOW)).toEqual({ names: ['never'], changesAt: null });
  });
});
