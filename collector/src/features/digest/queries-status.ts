import { sql } from 'kysely';
import type { Db } from '../../db/schema.ts';
import { runKeyed } from '../../db/statement-cache.ts';

/*
 * What the dashboard shows about a county's mail: last sent, last failure, what is waiting.
 * The county page reads these on every request on PostgreSQL (on SQLite while the database
 * is unchanged it keeps what it read, web/fresh-cache.ts), so each is compiled once and
 * found through the indexes of migration 0013 rather than by sorting the county's rows.
 */

/** States other than 'sent', spelled out so an index on (county_id, state) can seek them. */
const UNSENT = ['pending', 'sending', 'failed'] as const;

/** The last mail sent, with how many went out for its day. */
export async function findLastSent(db: Db, countyId: number) {
  const { rows } = await runKeyed(db, 'digest-last-sent', { countyId }, (p) =>
    db
      .selectFrom('digest_deliveries as d')
      .select((eb) => [
        'd.day',
        'd.sent_at',
        // Counted over the day's rows (the unique index on county, day and address finds
        // them), not with state = 'sent' in the WHERE: then SQLite seeks the day's sent rows
        // through the (county_id, state, sent_at) index, visiting every mail ever sent.
        eb
          .selectFrom('digest_deliveries as s')
          .select(
            sql<
              number | string | null
            >`sum(case when ${sql.ref('s.state')} = 'sent' then 1 else 0 end)`.as('n'),
          )
          .whereRef('s.county_id', '=', 'd.county_id')
          .whereRef('s.day', '=', 'd.day')
          .as('mails'),
      ])
      .where('d.county_id', '=', p.countyId)
      .where('d.state', '=', 'sent')
      .orderBy('d.sent_at', 'desc')
      .limit(1),
  );
  const row = rows[0];
  return row === undefined ? undefined : { ...row, mails: Number(row.mails ?? 0) };
}

/** The latest failed attempt of a mail that has not gone out since. */
export async function findLastFailure(db: Db, countyId: number) {
  const { rows } = await runKeyed(db, 'digest-last-failure', { countyId }, (p) =>
    db
      .selectFrom('digest_deliveries')
      .select([
        'day',
        'email',
        'last_error',
        'last_error_at',
        'attempts',
        'state',
        'next_attempt_at',
      ])
      .where('county_id', '=', p.countyId)
      .where('state', 'in', UNSENT)
      .where('last_error_at', 'is not', null)
      .orderBy('last_error_at', 'desc')
      .limit(1),
  );
  return rows[0];
}

/** Unsent rows: when the next is tried, how many wait, how many were given up since `since`. */
export async function summariseUnsent(db: Db, countyId: number, since: string) {
  const { rows } = await runKeyed(db, 'digest-unsent', { countyId }, (p) =>
    db
      .selectFrom('digest_deliveries')
      .select(['state', 'next_attempt_at', 'day'])
      .where('county_id', '=', p.countyId)
      .where('state', 'in', UNSENT),
  );
  let next: string | null = null;
  let waiting = 0;
  let gaveUp = 0;
  for (const r of rows) {
    if (r.next_attempt_at !== null || r.state === 'sending') waiting++;
    if (r.next_attempt_at !== null && (next === null || r.next_attempt_at < next)) {
      next = r.next_attempt_at;
    }
    if (r.state === 'failed' && r.next_attempt_at === null && r.day >= since) gaveUp++;
  }
  return { nextAttemptAt: next, waiting, gaveUp };
}

export async function findScheduler(db: Db) {
  const { rows } = await runKeyed(db, 'digest-scheduler', { id: 1 }, (p) =>
    db.selectFrom('digest_scheduler').selectAll().where('id', '=', p.id),
  );
  return rows[0];
}

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
