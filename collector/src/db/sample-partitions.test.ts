import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { placeFactory } from '../testing/factories.ts';
import { fixedClock } from '../testing/fixed-clock.ts';
import type { TestDb } from '../testing/test-db.ts';
import { createTestDb, onPostgres } from '../testing/test-db.ts';
import {
  addMonths,
  dropSamplePartitionsBefore,
  ensureSamplePartitions,
  listSamplePartitions,
  samplesArePartitioned,
} from './sample-partitions.ts';

let db: TestDb;
beforeEach(async () => {
  db = await createTestDb();
});
afterEach(() => db.close());

/** One interface with a report, and a sample of it at each of `times`. */
async function samplesAt(times: readonly string[]) {
  const clock = fixedClock('2026-01-01T00:00:00.000Z');
  const county = await placeFactory(db.kysely, clock).county();
  const now = clock().toISOString();
  const agent = await db.kysely
    .insertInto('agents')
    .values({ county_id: county.id, name: 'a', token_hash: 'h', token_hint: 'h', created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const report = await db.kysely
    .insertInto('reports')
    .values({
      report_uuid: 'r',
      agent_id: agent.id,
      received_at: now,
      poll_started_at: now,
      poll_finished_at: now,
      schema_version: 1,
      devices_ok: 1,
      devices_error: 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const device = await db.kysely
    .insertInto('devices')
    .values({
      county_id: county.id,
      agent_id: agent.id,
      target_name: 'sw',
      address: '10.0.0.1',
      port: 161,
      first_seen_at: now,
      last_seen_at: now,
      last_outcome: 'ok',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const port = await db.kysely
    .insertInto('interfaces')
    .values({
      device_id: device.id,
      if_index: 1,
      octets_64bit: 1,
      first_seen_at: now,
      last_seen_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.kysely
    .insertInto('interface_samples')
    .values(times.map((t) => ({ interface_id: port.id, report_id: report.id, sampled_at: t })))
    .execute();
}

const rowsIn = async (table: string) =>
  Number(
    (await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db.kysely))
      .rows[0]?.n,
  );

describe('addMonths', () => {
  it('steps across years both ways', () => {
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
  });
});

describe.skipIf(!onPostgres)('monthly sample partitions (PostgreSQL)', () => {
  it('are made ahead, take rows that landed in the default meanwhile, and drop whole', async () => {
    expect(await samplesArePartitioned(db.kysely)).toBe(true);
    await samplesAt([
      '2026-01-31T23:59:59.999Z',
      '2026-02-01T00:00:00.000Z',
      '2026-02-15T08:00:00.000Z',
      '2026-03-02T08:00:00.000Z',
    ]);
    expect(await rowsIn('interface_samples_default')).toBe(4);

    const created = await ensureSamplePartitions(db.kysely, new Date('2026-02-10T00:00:00.000Z'));
    expect(created).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    expect(await ensureSamplePartitions(db.kysely, new Date('2026-02-11T00:00:00.000Z'))).toEqual(
      [],
    );
    expect(await rowsIn('interface_samples_default')).toBe(0);
    expect(await rowsIn('interface_samples_2026_02')).toBe(2);
    expect((await listSamplePartitions(db.kysely)).map((p) => p.month)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
    ]);

    // Reads see every row through the parent, pruned to the month asked for.
    const february = await db.kysely
      .selectFrom('interface_samples')
      .select('sampled_at')
      .where('sampled_at', '>=', '2026-02-01')
      .where('sampled_at', '<', '2026-03-01')
      .orderBy('sampled_at')
      .execute();
    expect(february.map((r) => r.sampled_at)).toEqual([
      '2026-02-01T00:00:00.000Z',
      '2026-02-15T08:00:00.000Z',
    ]);

    // January is wholly before the cut, February is not: it stays until all of it has passed.
    const dropped = await dropSamplePartitionsBefore(db.kysely, '2026-02-20T00:00:00.000Z');
    expect(dropped?.partitions).toEqual(['interface_samples_2026_01']);
    expect(await rowsIn('interface_samples')).toBe(3);
  });
});

describe.skipIf(onPostgres)('samples on SQLite', () => {
  it('are one table, and partition maintenance does nothing', async () => {
    expect(await samplesArePartitioned(db.kysely)).toBe(false);
    expect(await ensureSamplePartitions(db.kysely, new Date())).toEqual([]);
    expect(await dropSamplePartitionsBefore(db.kysely, '2030-01-01')).toBeUndefined();
  });
});
