import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/schema.ts';
import { countAllRows } from '../../testing/agent-factory.ts';
import { placeFactory } from '../../testing/factories.ts';
import type { FixedClock } from '../../testing/fixed-clock.ts';
import { fixedClock } from '../../testing/fixed-clock.ts';
import { inventoryFactory } from '../../testing/inventory-factories.ts';
import type { TestDb } from '../../testing/test-db.ts';
import { createTestDb } from '../../testing/test-db.ts';
import { pruneReports } from './prune-reports.ts';

let test: TestDb;
let db: Db;
let clock: FixedClock; // 2026-03-01; 400 days back is 2025-01-25
beforeEach(async () => {
  test = await createTestDb();
  db = test.kysely;
  clock = fixedClock();
});
afterEach(() => test.close());

const OLD = '2024-06-01T00:00:00.000Z';
const NEW = '2026-02-01T00:00:00.000Z';

/** A county with one agent, one device and one interface; reports inserted directly. */
async function world() {
  const places = placeFactory(db, clock);
  const county = await places.county();
  const school = await places.school((await places.town(county.id)).id);
  const inventory = inventoryFactory(db, clock);
  const agent = await inventory.agent(county.id, [school.id]);
  const device = await inventory.device({
    agentId: agent.id,
    countyId: county.id,
    schoolId: school.id,
  });
  const iface = await inventory.iface(device.id, 1);
  const report = async (receivedAt: string) => {
    const row = await db
      .insertInto('reports')
      .values({
        report_uuid: randomUUID(),
        agent_id: agent.id,
        received_at: receivedAt,
        poll_started_at: receivedAt,
        poll_finished_at: receivedAt,
        schema_version: 1,
        devices_ok: 1,
        devices_error: 0,
        host_probes: null,
      })
      .returning(['id', 'report_uuid'])
      .executeTakeFirstOrThrow();
    return row;
  };
  return { agent, device, iface, report };
}

const reportIds = async () =>
  (await db.selectFrom('reports').select('id').orderBy('id').execute()).map((r) => r.id);

const prune = (input: { retentionDays?: number; batchSize?: number; samplesFrom?: string }) =>
  pruneReports({ db, clock, input: { retentionDays: 400, ...input } });

describe('pruneReports', () => {
  it('deletes old reports nothing refers to, in batches, and keeps the referenced ones', async () => {
    const w = await world();
    await w.report(OLD); // 1: nothing refers to it
    const ofDevice = await w.report(OLD);
    await w.report(OLD);
    const ofSample = await w.report(OLD);
    const ofGap = await w.report(OLD);
    await w.report(OLD);
    const ofHistory = await w.report(OLD);
    const ofAgent = await w.report(OLD);
    await w.report(OLD);
    const recent = await w.report(NEW);
    const free5 = await w.report(OLD); // received out of order: a collector's clock behind
    const newest = await w.report(NEW);

    await db
      .updateTable('devices')
      .set({ last_report_id: ofDevice.id })
      .where('id', '=', w.device.id)
      .execute();
    await db
      .insertInto('interface_samples')
      .values({ interface_id: w.iface.id, report_id: ofSample.id, sampled_at: OLD })
      .execute();
    await db
      .insertInto('report_gaps')
      .values({
        agent_id: w.agent.id,
        report_id: ofGap.id,
        gap_key: 'gap-1',
        reason: 'max-age',
        count: 3,
        first_report_uuid: randomUUID(),
        last_report_uuid: randomUUID(),
        first_spooled_at: OLD,
        last_spooled_at: OLD,
        dropped_at: OLD,
      })
      .execute();
    await db
      .insertInto('device_history')
      .values({
        device_id: w.device.id,
        field: 'firmware',
        old_value: '1.0',
        new_value: '1.1',
        changed_at: OLD,
        report_id: ofHistory.id,
      })
      .execute();
    await db
      .updateTable('agents')
      .set({ last_report_uuid: ofAgent.report_uuid })
      .where('id', '=', w.agent.id)
      .execute();
    const otherTables = async () =>
      Object.entries(await countAllRows(db)).filter(([table]) => table !== 'reports');
    const before = await otherTables();

    const result = await prune({ batchSize: 2 });
    expect(result).toEqual({ deleted: 4, before: '2025-01-25T00:00:00.000Z' });
    const kept = [ofDevice, ofSample, ofGap, ofHistory, ofAgent, recent, free5, newest];
    expect(await reportIds()).toEqual(kept.map((r) => r.id).sort((a, b) => a - b));
    expect(await otherTables()).toEqual(before);

    // The walk stopped at the first batch ending after the horizon; a report received out of
    // order goes on a later run, once the walk reaches it (here: a batch of all).
    expect(await prune({ batchSize: 1000 })).toMatchObject({ deleted: 1 });
    expect(await prune({})).toMatchObject({ deleted: 0 });

    // Once a reference moves on or goes, its report goes too.
    await db
      .updateTable('devices')
      .set({ last_report_id: newest.id })
      .where('id', '=', w.device.id)
      .execute();
    await db.deleteFrom('interface_samples').execute();
    expect(await prune({ batchSize: 3 })).toMatchObject({ deleted: 2 });
    expect(await reportIds()).toEqual(
      [ofGap, ofHistory, ofAgent, recent, newest].map((r) => r.id).sort((a, b) => a - b),
    );
  });

  it('goes no further than the oldest raw samples that may still be stored', async () => {
    const w = await world();
    await w.report('2024-01-01T00:00:00.000Z');
    const afterSamples = await w.report('2024-12-01T00:00:00.000Z');
    const result = await prune({ samplesFrom: '2024-06-01T00:00:00.000Z' });
    expect(result).toEqual({ deleted: 1, before: '2024-06-01T00:00:00.000Z' });
    expect(await reportIds()).toEqual([afterSamples.id]);
    // Samples kept for less time than reports: the report horizon applies.
    expect(await prune({ samplesFrom: NEW })).toEqual({
      deleted: 1,
      before: '2025-01-25T00:00:00.000Z',
    });
  });

  it('stops after the batch in progress when its signal is aborted', async () => {
    const w = await world();
    for (let i = 0; i < 5; i++) await w.report(OLD);
    const stopping = new AbortController();
    stopping.abort();
    const input = { retentionDays: 400, batchSize: 2, signal: stopping.signal };
    expect(await pruneReports({ db, clock, input })).toMatchObject({ deleted: 2 });
    expect(await reportIds()).toHaveLength(3);
  });
});
