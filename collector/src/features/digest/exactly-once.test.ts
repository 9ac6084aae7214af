import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseFile, openDatabase } from '../../db/open.ts';
import type { OpenedDatabase } from '../../db/open.ts';
import type { Db } from '../../db/schema.ts';
import { silentLogger } from '../../logger.ts';
import { placeFactory } from '../../testing/factories.ts';
import type { FixedClock } from '../../testing/fixed-clock.ts';
import { fixedClock } from '../../testing/fixed-clock.ts';
import type { TestDb } from '../../testing/test-db.ts';
import { createTestDb } from '../../testing/test-db.ts';
import { recomputeDay } from '../compliance/recompute-day.ts';
import { localAt } from '../compliance/scenario/scenario-time.ts';
import { addRecipient } from './add-recipient.ts';
import { getDigestStatus } from './get-digest-status.ts';
import type { DigestSchedule } from './schedule-digest.ts';
import { scheduleDigest } from './schedule-digest.ts';
import { testMailConfig } from './testing/digest-world.ts';
import type { SmtpSink } from './testing/smtp-sink.ts';
import { startSmtpSink } from './testing/smtp-sink.ts';
import { updateDigestSettings } from './update-digest-settings.ts';

/*
 * One mail per recipient, county and day (docs/adr/0009), whatever happens around it: SMTP
 * refusing, SMTP down, a restart, two schedulers on one database, a scheduler that dies.
 */

const LONG_AGO = fixedClock('2026-10-01T00:00:00.000Z');
const at = (day: string, hhmm: string) => localAt(day, hhmm);

let db: TestDb;
let sink: SmtpSink;
let clock: FixedClock;
let countyId: number;
const schedules: DigestSchedule[] = [];
const extra: OpenedDatabase[] = [];

beforeEach(async () => {
  db = await createTestDb({ storage: 'file' });
  sink = await startSmtpSink();
  const places = placeFactory(db.kysely, LONG_AGO);
  const county = await places.county({ name: '测试县' });
  await places.school((await places.town(county.id)).id);
  countyId = county.id;
  clock = fixedClock(at('2026-11-28', '07:00'));
});
afterEach(async () => {
  for (const s of schedules.splice(0)) await s.stop();
  for (const d of extra.splice(0)) await d.close();
  await sink.close();
  await db.close();
});

function start(o: { db?: Db; instance?: string; port?: number } = {}): DigestSchedule {
  const schedule = scheduleDigest({
    db: o.db ?? db.kysely,
    clock,
    logger: silentLogger,
    mail: testMailConfig(o.port ?? sink.port),
    expression: '0 0 1 1 *', // never fires during a test: runs are driven by run()
    ...(o.instance === undefined ? {} : { instance: o.instance }),
  });
  schedules.push(schedule);
  return schedule;
}

const recipient = (email: string, added = fixedClock(at('2026-11-27', '20:00'))) =>
  addRecipient({
    db: db.kysely,
    clock: added,
    actor: 'test',
    input: { countyId, email, townId: null, lang: 'zh-CN' },
  });

const status = () => getDigestStatus({ db: db.kysely, clock, input: { countyId } });
const subjects = () => sink.received.map((m) => m.subject ?? '').sort();
const rows = () =>
  db.kysely.selectFrom('digest_deliveries').selectAll().orderBy('day').orderBy('email').execute();

describe('exactly one mail per recipient and day', () => {
  it('retries a refused mail with backoff, reports the failure, and sends it once', async () => {
    await recipient('a@qx.example');
    sink.refuseNext(1, 451);
    const schedule = start();
    await schedule.run();
    expect(sink.received).toHaveLength(0);
    const failed = await status();
    expect(failed.lastFailure).toMatchObject({
      day: '2026-11-27',
      email: 'a@qx.example',
      attempts: 1,
      gaveUp: false,
    });
    expect(failed.lastFailure?.error).toMatch(/^EENVELOPE 451 .*try later/);
    expect(failed).toMatchObject({
      waiting: 1,
      lastSent: null,
      nextAttemptAt: new Date(clock().getTime() + 60_000).toISOString(),
    });

    await schedule.run(); // not due yet
    expect(sink.received).toHaveLength(0);
    clock.advance(60_000);
    await schedule.run();
    await schedule.run();
    expect(subjects()).toEqual(['「校网」测试县 2026-11-27 达标日报：暂无生效目标']);
    expect(await status()).toMatchObject({ lastFailure: null, waiting: 0, lastSent: { mails: 1 } });
  });

  it('waits out an SMTP server that is down, keeps the day, and sends when it is back', async () => {
    await recipient('a@qx.example');
    await recipient('b@qx.example');
    const port = sink.port;
    await sink.close();
    const schedule = start({ port });
    await schedule.run();
    const down = await status();
    expect(down.lastFailure?.error).toMatch(/^(ESOCKET|ECONNECTION)/);
    // the first refusal is server-wide, so the second mail was not tried and waits as long
    expect((await rows()).map((r) => [r.state, r.attempts, r.next_attempt_at])).toEqual([
      ['failed', 1, down.nextAttemptAt],
      ['pending', 0, down.nextAttemptAt],
    ]);

    clock.advance(60_000);
    await schedule.run();
    expect((await rows()).map((r) => r.attempts)).toEqual([2, 0]);
    clock.advance(60_000); // the second failure waits two minutes
    await schedule.run();
    expect((await rows()).map((r) => r.attempts)).toEqual([2, 0]);

    sink = await startSmtpSink(port);
    clock.advance(60_000);
    await schedule.run();
    expect(sink.received.map((m) => m.to && JSON.stringify(m.to)).length).toBe(2);
    expect((await rows()).map((r) => r.state)).toEqual(['sent', 'sent']);
    clock.advance(3_600_000);
    await schedule.run();
    expect(sink.received).toHaveLength(2);
  });

  it('gives up after a week and says so on the status', async () => {
    await recipient('a@qx.example');
    await sink.close();
    const schedule = start({ port: sink.port });
    await schedule.run();
    clock.advance(7 * 86_400_000);
    await schedule.run();
    const s = await status();
    expect(s.lastFailure).toMatchObject({ day: '2026-11-27', gaveUp: true, attempts: 2 });
    expect(s.gaveUp).toBe(1);
    const given = (await rows()).find((r) => r.day === '2026-11-27');
    expect(given).toMatchObject({ state: 'failed', next_attempt_at: null });
  });

  it('sends nothing twice after a restart, and the missed days once when it was down', async () => {
    await recipient('a@qx.example', LONG_AGO);
    // Down since before 07:00 on the 26th; back at 09:30 on the 28th: 11-25, -26, -27 are due.
    clock.set(at('2026-11-28', '09:30'));
    const first = start({ instance: 'first' });
    await first.run();
    await first.stop();
    expect(subjects()).toEqual([
      '「校网」测试县 2026-11-25 达标日报：暂无生效目标',
      '「校网」测试县 2026-11-26 达标日报：暂无生效目标',
      '「校网」测试县 2026-11-27 达标日报：暂无生效目标',
    ]);
    const restarted = start({ instance: 'restarted' });
    await restarted.run();
    expect(sink.received).toHaveLength(3);
    clock.set(at('2026-11-29', '07:00'));
    await restarted.run();
    expect(sink.received.map((m) => m.subject)).toContain(
      '「校网」测试县 2026-11-28 达标日报：暂无生效目标',
    );
    expect(sink.received).toHaveLength(4);
  });

  it('sends one mail when two schedulers on two connections run at once', async () => {
    await recipient('a@qx.example');
    await recipient('b@qx.example');
    await recomputeDay({ db: db.kysely, clock, input: { countyId, day: '2026-11-27' } });
    const dataDir = db.dataDir;
    if (dataDir === undefined) throw new Error('a file database is needed');
    const other = openDatabase({ file: databaseFile(dataDir) });
    extra.push(other);
    const a = start({ instance: 'a' });
    const b = start({ db: other.kysely, instance: 'b' });
    await Promise.all([a.run(), b.run(), a.run(), b.run()]);
    await Promise.all([a.run(), b.run()]);
    expect(sink.received.map((m) => JSON.stringify(m.to?.valueOf())).sort()).toHaveLength(2);
    expect((await rows()).map((r) => [r.email, r.state, r.attempts])).toEqual([
      ['a@qx.example', 'sent', 1],
      ['b@qx.example', 'sent', 1],
    ]);
  });

  it('retakes a claim left by a scheduler that died, once it expires', async () => {
    await recipient('a@qx.example');
    await db.kysely
      .insertInto('digest_deliveries')
      .values({
        county_id: countyId,
        day: '2026-11-27',
        email: 'a@qx.example',
        town_id: null,
        lang: 'zh-CN',
        state: 'sending',
        attempts: 1,
        due_at: clock().toISOString(),
        planned_at: clock().toISOString(),
        next_attempt_at: clock().toISOString(),
        claimed_by: 'dead',
        claim_expires_at: new Date(clock().getTime() + 5 * 60_000).toISOString(),
      })
      .execute();
    const schedule = start();
    await schedule.run();
    expect(sink.received).toHaveLength(0); // the claim still holds
    clock.advance(5 * 60_000);
    await schedule.run();
    expect(sink.received).toHaveLength(1);
    expect((await rows())[0]).toMatchObject({ state: 'sent', attempts: 2, claimed_by: null });
  });

  it('sends a new recipient only the days due after it was added', async () => {
    await recipient('early@qx.example');
    await recipient('late@qx.example', fixedClock(at('2026-11-28', '07:30')));
    clock.set(at('2026-11-28', '08:00'));
    await start().run();
    expect(sink.received.map((m) => m.to?.valueOf()).flat()).toHaveLength(1);
    expect(JSON.stringify(sink.received[0]?.to)).toContain('early@qx.example');
  });

  it('sends nothing while off, and does not catch up the days it was off', async () => {
    await recipient('a@qx.example', LONG_AGO);
    const settings = (enabled: boolean, when: string) =>
      updateDigestSettings({
        db: db.kysely,
        clock: fixedClock(when),
        actor: 'test',
        input: { countyId, settings: { sendTime: '07:00', enabled } },
      });
    await settings(false, at('2026-11-20', '12:00'));
    clock.set(at('2026-11-28', '07:00'));
    const schedule = start();
    await schedule.run();
    expect(sink.received).toHaveLength(0);
    await settings(true, at('2026-11-28', '07:30'));
    clock.set(at('2026-11-28', '08:00'));
    await schedule.run();
    expect(sink.received).toHaveLength(0);
    clock.set(at('2026-11-29', '07:00'));
    await schedule.run();
    expect(subjects()).toEqual(['「校网」测试县 2026-11-28 达标日报：暂无生效目标']);
  });

  it('without an SMTP host says mail is off, once, and plans nothing', async () => {
    await recipient('a@qx.example');
    const logs: string[] = [];
    const logger = { ...silentLogger, info: (event: string) => logs.push(event) };
    const schedule = scheduleDigest({
      db: db.kysely,
      clock,
      logger,
      mail: { smtp: null, from: undefined, publicUrl: undefined },
      expression: '0 0 1 1 *',
    });
    schedules.push(schedule);
    await schedule.run();
    await schedule.run();
    expect(logs.filter((e) => e === 'digest.mail-off')).toHaveLength(1);
    expect(await rows()).toEqual([]);
    expect(await status()).toMatchObject({ mailConfigured: false, lastSent: null });
  });
});
