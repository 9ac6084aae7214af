import type { Db } from '../../db/schema.ts';

/* What the dashboard shows about a county's mail: last sent, last failure, what is waiting. */

export const findLastSent = (db: Db, countyId: number) =>
  db
    .selectFrom('digest_deliveries')
    .select(['day', 'sent_at'])
    .where('county_id', '=', countyId)
    .where('state', '=', 'sent')
    .orderBy('sent_at', 'desc')
    .limit(1)
    .executeTakeFirst();

export async function countSent(db: Db, countyId: number, day: string): Promise<number> {
  const row = await db
    .selectFrom('digest_deliveries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('county_id', '=', countyId)
    .where('day', '=', day)
    .where('state', '=', 'sent')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The latest failed attempt of a mail that has not gone out since. */
export const findLastFailure = (db: Db, countyId: number) =>
  db
    .selectFrom('digest_deliveries')
    .select(['day', 'email', 'last_error', 'last_error_at', 'attempts', 'state', 'next_attempt_at'])
    .where('county_id', '=', countyId)
    .where('state', '!=', 'sent')
    .where('last_error_at', 'is not', null)
    .orderBy('last_error_at', 'desc')
    .limit(1)
    .executeTakeFirst();

/** Unsent rows: when the next is tried, how many wait, how many were given up since `since`. */
export async function summariseUnsent(db: Db, countyId: number, since: string) {
  const rows = await db
    .selectFrom('digest_deliveries')
    .select(['state', 'next_attempt_at', 'day'])
    .where('county_id', '=', countyId)
    .where('state', '!=', 'sent')
    .execute();
  const retrying = rows.filter((r) => r.next_attempt_at !== null || r.state === 'sending');
  const next = retrying
    .map((r) => r.next_attempt_at)
    .filter((at): at is string => at !== null)
    .sort()[0];
  return {
    nextAttemptAt: next ?? null,
    waiting: retrying.length,
    gaveUp: rows.filter((r) => r.state === 'failed' && r.next_attempt_at === null && r.day >= since)
      .length,
  };
}

export const findScheduler = (db: Db) =>
  db.selectFrom('digest_scheduler').selectAll().where('id', '=', 1).executeTakeFirst();

export async function saveScheduler(
  db: Db,
  v: { instance: string; mailConfigured: boolean; at: string },
): Promise<void> {
  const values = { instance: v.instance, mail_configured: v.mailConfigured ? 1 : 0, seen_at: v.at };
  await db
    .insertInto('digest_scheduler')
    .values({ id: 1, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}
