import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/schema.ts';
import { countAllRows } from '../../testing/agent-factory.ts';
import { placeFactory } from '../../testing/factories.ts';
import type { FixedClock } from '../../testing/fixed-clock.ts';
import { fixedClock } from '../../testing/fixed-clock.ts';
import { inventoryFactory } from '../../testing/inventory-factories.ts';
import type { TestDb } from '../../testing/test-db.ts';
import { createTestDb } from '../../testing/test-db.ts';
import { pruneDaily } from './prune-daily.ts';

let test: TestDb;
let db: Db;
let clock: FixedClock; // 2026-03-01; 100 days back is 2025-11-21
beforeEach(async () => {
  test = await createTestDb();
  db = test.kysely;
  clock = fixedClock();
});
afterEach(() => test.close());

/** 2025-11-11 to 2025-11-23: ten days before the horizon, three from it on. */
const DAYS = Array.from({ length: 13 }, (_, i) => `2025-11-${String(11 + i).padStart(2, '0')}`);
const KEPT = DAYS.filter((d) => d >= '2025-11-21');

/** Seven interfaces and three APs with a daily row for each of DAYS, and one of each without. */
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
  const interfaces = [];
  for (let i = 1; i <= 8; i++) interfaces.push(await inventory.iface(device.id, i));
  const aps = [];
  for (let i = 0; i < 4; i++) aps.push(await inventory.ap(device));
  for (const iface of interfaces.slice(0, 7)) {
    await db
      .insertInto('interface_daily')
      .values(
        DAYS.map((day, i) => ({
          interface_id: iface.id,
          day,
          samples: 288,
          up_samples: 280 + i,
          min_speed_mbps: 1000,
          max_speed_mbps: 1000,
          max_in_bps: i * 1000,
          max_out_bps: null,
        })),
      )
      .execute();
  }
  for (const ap of aps.slice(1)) {
    await db
      .insertInto('ap_daily')
      .values(DAYS.map((day, i) => ({ ap_id: ap.id, day, samples: 288, online_samples: i })))
      .execute();
  }
}

const interfaceDaily = () =>
  db.selectFrom('interface_daily').selectAll().orderBy('interface_id').orderBy('day').execute();
const apDaily = () =>
  db.selectFrom('ap_daily').selectAll().orderBy('ap_id').orderBy('day').execute();

describe('pruneDaily', () => {
  it('deletes daily rows of days before the horizon and changes nothing else', async () => {
    await world();
    const keptInterfaces = (await interfaceDaily()).filter((r) => KEPT.includes(r.day));
    const keptAps = (await apDaily()).filter((r) => KEPT.includes(r.day));
    const otherTables = async () =>
      Object.entries(await countAllRows(db)).filter(
        ([table]) => table !== 'interface_daily' && table !== 'ap_daily',
      );
    const before = await otherTables();

    const result = await pruneDaily({ db, clock, input: { retentionDays: 100, batchSize: 4 } });
    expect(result).toEqual({ interfaceDays: 70, apDays: 30, beforeDay: '2025-11-21' });
    expect(await interfaceDaily()).toEqual(keptInterfaces);
    expect(await apDaily()).toEqual(keptAps);
    expect(await otherTables()).toEqual(before);

    const again = await pruneDaily({ db, clock, input: { retentionDays: 100 } });
    expect(again).toEqual({ interfaceDays: 0, apDays: 0, beforeDay: '2025-11-21' });
  });

  it('deletes rows of one id at a time when the batch is one row', async () => {
    await world();
    const result = await pruneDaily({ db, clock, input: { retentionDays: 100, batchSize: 1 } });
    expect(result).toMatchObject({ interfaceDays: 70, apDays: 30 });
    expect(new Set((await interfaceDaily()).map((r) => r.day))).toEqual(new Set(KEPT));
  });

  it('stops after the chunk in progress when its signal is aborted', async () => {
    await world();
    const stopping = new AbortController();
    stopping.abort();
    const input = { retentionDays: 100, batchSize: 2, signal: stopping.signal };
    // The first chunk of each walk: two interfaces (ten old days each), two APs (the first
    // has no rows).
    expect(await pruneDaily({ db, clock, input })).toMatchObject({
      interfaceDays: 20,
      apDays: 10,
    });
  });
});
