import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/schema.ts';
import { placeFactory } from '../../testing/factories.ts';
import type { TestDb } from '../../testing/test-db.ts';
import { createTestDb } from '../../testing/test-db.ts';
import { getDigestStatus, readDigestStatus } from './get-digest-status.ts';
import { updateDigestSettings } from './update-digest-settings.ts';

/*
 * The county page keeps the mail's status until `changesAt` unless a row changes: the status
 * must read the same just before it, and may differ from it on.
 */

let test: TestDb;
let db: Db;
let countyId: number;
beforeEach(async () => {
  test = await createTestDb();
  db = test.kysely;
  countyId = (await placeFactory(db).county({ timezone: 'Asia/Shanghai' })).id;
});
afterEach(() => test.close());

const at = (iso: string) => () => new Date(iso);
const read = (iso: string) => readDigestStatus({ db, clock: at(iso), input: { countyId } });
const minus1 = (d: Date) => new Date(d.getTime() - 1).toISOString();

/** A mail for `day` given up after its last attempt: counted for 30 local days. */
async function gaveUp(day: string) {
  await db
    .insertInto('digest_deliveries')
    .values({
      county_id: countyId,
      day,
      email: `${day}@example.org`,
      lang: 'zh-CN',
      state: 'failed',
      attempts: 5,
      due_at: '2026-10-30T23:00:00.000Z',
      planned_at: '2026-10-30T23:00:00.000Z',
      next_attempt_at: null,
      last_error: '550 no such user',
      last_error_at: '2026-10-31T03:00:00.000Z',
    })
    .execute();
}

describe('readDigestStatus', () => {
  it('holds until local midnight, when the window of given-up mails moves', async () => {
    // 18:00 in Shanghai on the 28th: midnight (16:00Z) comes before the 07:00 send.
    await gaveUp('2026-10-29'); // today − 30: still counted today, not tomorrow
    const now = await read('2026-11-28T10:00:00.000Z');
    expect(now.changesAt.toISOString()).toBe('2026-11-28T16:00:00.000Z');
    expect(now.status.gaveUp).toBe(1);
    expect((await read(minus1(now.changesAt))).status).toEqual(now.status);
    const after = await read(now.changesAt.toISOString());
    expect(after.status.gaveUp).toBe(0);
    // Then the next regular send (07:00 local, 23:00Z) comes first.
    expect(after.changesAt.toISOString()).toBe('2026-11-28T23:00:00.000Z');
  });

  it('holds until the next regular send, which then moves a day on', async () => {
    const now = await read('2026-11-28T20:00:00.000Z'); // 04:00 local on the 29th
    expect(now.status.nextSendAt).toBe('2026-11-28T23:00:00.000Z');
    expect(now.changesAt.toISOString()).toBe('2026-11-28T23:00:00.000Z');
    expect((await read(minus1(now.changesAt))).status).toEqual(now.status);
    const sent = await read(now.changesAt.toISOString());
    expect(sent.status.nextSendAt).toBe('2026-11-29T23:00:00.000Z');
    // The same through getDigestStatus, which the API and the admin page use.
    const status = await getDigestStatus({
      db,
      clock: at('2026-11-28T23:00:00.000Z'),
      input: { countyId },
    });
    expect(status).toEqual(sent.status);
  });

  it('holds only until local midnight when the mail is off', async () => {
    await updateDigestSettings({
      db,
      clock: at('2026-11-28T00:00:00.000Z'),
      actor: 'test',
      input: { countyId, settings: { sendTime: '07:00', enabled: false } },
    });
    const now = await read('2026-11-28T20:00:00.000Z');
    expect(now.status.nextSendAt).toBeNull();
    expect(now.changesAt.toISOString()).toBe('2026-11-29T16:00:00.000Z');
  });
});
