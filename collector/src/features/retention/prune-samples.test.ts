import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureSampleMonths } from '../../db/sample-partitions.ts';
import { enrollTestAgent, goldenReport } from '../../testing/agent-factory.ts';
import type { TestApp } from '../../testing/test-app.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { onPostgres } from '../../testing/test-db.ts';
import { pruneSamples } from './prune-samples.ts';
import { schedulePruning } from './schedule-pruning.ts';

let api: TestApp;
beforeEach(async () => {
  api = await createTestApp();
});
afterEach(() => api.close());

/** Posts the golden report polled at each of `times`: one uplink sample per report. */
async function reportsAt(times: readonly string[]) {
  const agent = await enrollTestAgent(api);
  for (const at of times) {
    const base = goldenReport();
    const devices = base.devices.map((d) => ({ ...d, meta: { ...d.meta, startedAt: at } }));
    const report = { ...base, pollStartedAt: at, pollFinishedAt: at, devices };
    const res = await api.request('POST', '/api/v1/reports', { token: agent.token, json: report });
    expect(res.status).toBe(200);
  }
}

const sampleTimes = async () =>
  (
    await api.db.kysely.selectFrom('interface_samples').select('sampled_at').orderBy('id').execute()
  ).map((r) => r.sampled_at);

describe('pruneSamples', () => {
  it('deletes raw samples older than the retention in batches and keeps daily rows', async () => {
    await reportsAt([
      '2025-01-01T00:00:00.000Z',
      '2025-01-02T00:00:00.000Z',
      '2025-01-03T00:00:00.000Z',
      '2026-02-01T00:00:00.000Z',
      '2026-02-28T00:00:00.000Z',
    ]);
    const dailyBefore = await api.db.kysely.selectFrom('interface_daily').selectAll().execute();
    const result = await pruneSamples({
      db: api.db.kysely,
      clock: api.clock, // 2026-03-01
      input: { retentionDays: 400, batchSize: 2 },
    });
    const before = '2025-01-25T00:00:00.000Z';
    expect(result).toEqual({ deleted: 3, before, keptFrom: before });
    expect(await sampleTimes()).toEqual(['2026-02-01T00:00:00.000Z', '2026-02-28T00:00:00.000Z']);
    expect(await api.db.kysely.selectFrom('interface_daily').selectAll().execute()).toEqual(
      dailyBefore,
    );
    const again = await pruneSamples({
      db: api.db.kysely,
      clock: api.clock,
      input: { retentionDays: 400 },
    });
    expect(again.deleted).toBe(0);
  });

  it('says from when samples may still be stored: on PostgreSQL, the oldest month kept', async () => {
    await ensureSampleMonths(api.db.kysely, ['2024-12', '2025-01']);
    const result = await pruneSamples({
      db: api.db.kysely,
      clock: api.clock, // 2026-03-01: 400 days back is 2025-01-25
      input: { retentionDays: 400 },
    });
    // December has wholly passed and is dropped; January is kept until it has too.
    expect(result.keptFrom).toBe(
      onPostgres ? '2025-01-01T00:00:00.000Z' : '2025-01-25T00:00:00.000Z',
    );
  });

  it('runs on a schedule and waits for a run in progress when stopped', async () => {
    await reportsAt(['2024-01-01T00:00:00.000Z']);
    const logged: string[] = [];
    const logger = {
      debug: () => undefined,
      info: (event: string) => void logged.push(event),
      warn: () => undefined,
      error: (event: string) => void logged.push(event),
    };
    const schedule = schedulePruning({
      db: api.db.kysely,
      clock: api.clock,
      logger,
      retentionDays: 400,
      reportRetentionDays: 400,
      dailyRetentionDays: 800,
      firstAfterMs: 1,
    });
    // On PostgreSQL the run also makes the coming months' sample partitions.
    const runs = () => logged.filter((e) => e !== 'retention.partitions-created');
    await expect
      .poll(runs)
      .toEqual(['retention.pruned', 'retention.reports-pruned', 'retention.daily-pruned']);
    await schedule.stop();
    expect(await sampleTimes()).toEqual([]);
  });
});
