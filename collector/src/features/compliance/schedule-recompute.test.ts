import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../logger.ts';
import { fixedClock } from '../../testing/fixed-clock.ts';
import { placeFactory } from '../../testing/factories.ts';
import type { TestDb } from '../../testing/test-db.ts';
import { createTestDb } from '../../testing/test-db.ts';
import type { RecomputeSchedule } from './schedule-recompute.ts';
import { scheduleRecompute } from './schedule-recompute.ts';

let db: TestDb;
let schedule: RecomputeSchedule | undefined;
beforeEach(async () => {
  db = await createTestDb();
});
afterEach(async () => {
  await schedule?.stop();
  await db.close();
});

const days = async () =>
  (
    await db.kysely
      .selectFrom('rollup_daily_results')
      .select(['county_id', 'day'])
      .distinct()
      .orderBy('day')
      .execute()
  ).reduce((set, r) => set.add(`${r.county_id}:${r.day}`), new Set<string>());

describe('scheduleRecompute', () => {
  it('recomputes every county’s today, yesterday once after 00:30 local, and never two runs at once', async () => {
    const clock = fixedClock('2026-11-26T16:15:00.000Z'); // 00:15 on the 27th in Shanghai
    const places = placeFactory(db.kysely, clock);
    const shanghai = await places.county({ timezone: 'Asia/Shanghai' });
    const utc = await places.county({ timezone: 'UTC' });
    await places.school((await places.town(shanghai.id)).id);
    // Never fires during the test: runs are driven by run().
    schedule = scheduleRecompute({
      db: db.kysely,
      clock,
      logger: silentLogger,
      expression: '0 0 1 1 *',
    });

    const first = schedule.run();
    expect(schedule.run()).toBe(first);
    await first;
    // 00:15 in Shanghai: only its new today; 16:15 in UTC: today, and yesterday is final.
    expect(await days()).toEqual(
      new Set([`${shanghai.id}:2026-11-27`, `${utc.id}:2026-11-25`, `${utc.id}:2026-11-26`]),
    );

    clock.set('2026-11-26T16:30:00.000Z'); // 00:30 in Shanghai: yesterday is final
    await db.kysely.deleteFrom('rollup_daily_results').execute();
    await schedule.run();
    expect(await days()).toEqual(
      new Set([`${shanghai.id}:2026-11-26`, `${shanghai.id}:2026-11-27`, `${utc.id}:2026-11-26`]),
    );

    await db.kysely.deleteFrom('rollup_daily_results').execute();
    await schedule.run(); // finalised once is enough
    expect(await days()).toEqual(new Set([`${shanghai.id}:2026-11-27`, `${utc.id}:2026-11-26`]));
  });

  it('runs in one of two collectors sharing the database, which finalise each day once', async () => {
    const clock = fixedClock('2026-11-26T16:30:00.000Z'); // 00:30 on the 27th in Shanghai
    const places = placeFactory(db.kysely, clock);
    const county = await places.county({ timezone: 'Asia/Shanghai' });
    await places.school((await places.town(county.id)).id);
    const runs: string[] = [];
    const start = (instance: string) =>
      scheduleRecompute({
        db: db.kysely,
        clock,
        expression: '0 0 1 1 *',
        instance,
        logger: {
          ...silentLogger,
          info: (event, fields) => {
            if (event === 'compliance.recomputed')
              runs.push(`${instance} ${String(fields?.['day'])}`);
          },
        },
      });
    const a = start('a');
    const b = start('b');
    try {
      await Promise.all([a.run(), b.run()]);
      expect(runs).toHaveLength(2); // yesterday, finalised, and today: by one of them
      expect(new Set(runs.map((r) => r.split(' ')[0])).size).toBe(1);
      expect(runs.map((r) => r.split(' ')[1]).sort()).toEqual(['2026-11-26', '2026-11-27']);

      const [leader, other] = runs[0]?.startsWith('a') === true ? [a, 'b'] : [b, 'a'];
      await leader.stop(); // a clean stop hands the job on at once
      runs.length = 0;
      await (leader === a ? b : a).run();
      expect(runs).toEqual([`${other} 2026-11-27`]); // yesterday stays final
    } finally {
      await a.stop();
      await b.stop();
    }
  });
});
