import type { ExpressionBuilder, Insertable, Selectable } from 'kysely';
import type { Database, Db, DigestDeliveriesTable } from '../../db/schema.ts';

/*
 * The delivery record. Every write here is one statement, so two schedulers (even two
 * processes on one database file) can only ever claim a row one at a time.
 */

export type DeliveryRow = Selectable<DigestDeliveriesTable>;

/** Adds rows not there yet; an existing (county, day, email) is left as it is. */
export async function insertPlanned(
  db: Db,
  rows: readonly Insertable<DigestDeliveriesTable>[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await db
    .insertInto('digest_deliveries')
    .values([...rows])
    .onConflict((oc) => oc.columns(['county_id', 'day', 'email']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/** Ready to be tried: planned or failed with its time come, or claimed by a scheduler that died. */
const isDue = (now: string) => (eb: ExpressionBuilder<Database, 'digest_deliveries'>) =>
  eb.or([
    eb.and([
      eb('state', 'in', ['pending', 'failed']),
      eb('next_attempt_at', 'is not', null),
      eb('next_attempt_at', '<=', now),
    ]),
    eb.and([eb('state', '=', 'sending'), eb('claim_expires_at', '<=', now)]),
  ]);

export interface DeliveryFilter {
  readonly countyId?: number;
  readonly day?: string;
}

/** The next due row, oldest first, without claiming it. */
export function peekDue(db: Db, now: string, f: DeliveryFilter = {}) {
  let q = db.selectFrom('digest_deliveries').select(['id', 'county_id', 'day']).where(isDue(now));
  if (f.countyId !== undefined) q = q.where('county_id', '=', f.countyId);
  if (f.day !== undefined) q = q.where('day', '=', f.day);
  return q.orderBy('next_attempt_at').orderBy('id').limit(1).executeTakeFirst();
}

/** Takes the row if it is still due: 'sending', with our claim, in one statement. */
export function claimDelivery(
  db: Db,
  v: { id: number; instance: string; now: string; expiresAt: string },
): Promise<DeliveryRow | undefined> {
  return db
    .updateTable('digest_deliveries')
    .set((eb) => ({
      state: 'sending',
      claimed_by: v.instance,
      claim_expires_at: v.expiresAt,
      attempts: eb('attempts', '+', 1),
    }))
    .where('id', '=', v.id)
    .where(isDue(v.now))
    .returningAll()
    .executeTakeFirst();
}

export async function markSent(
  db: Db,
  id: number,
  v: { at: string; messageId: string },
): Promise<void> {
  await db
    .updateTable('digest_deliveries')
    .set({
      state: 'sent',
      sent_at: v.at,
      message_id: v.messageId,
      next_attempt_at: null,
      claimed_by: null,
      claim_expires_at: null,
    })
    .where('id', '=', id)
    .execute();
}

/** Records a failed attempt, if the claim is still ours. */
export async function markFailed(
  db: Db,
  v: { id: number; instance: string; error: string; at: string; nextAttemptAt: string | null },
): Promise<void> {
  await db
    .updateTable('digest_deliveries')
    .set({
      state: 'failed',
      last_error: v.error,
      last_error_at: v.at,
      next_attempt_at: v.nextAttemptAt,
      claimed_by: null,
      claim_expires_at: null,
    })
    .where('id', '=', v.id)
    .where('state', '=', 'sending')
    .where('claimed_by', '=', v.instance)
    .execute();
}

/** The server is down: every other due row waits as long as the one that just failed. */
export async function postponeDue(db: Db, now: string, until: string): Promise<void> {
  await db
    .updateTable('digest_deliveries')
    .set({ next_attempt_at: until })
    .where('state', 'in', ['pending', 'failed'])
    .where('next_attempt_at', '<=', now)
    .execute();
}

/** Unsent rows of a removed address, or of a county whose mail was switched off; a claimed one finishes. */
export async function dropUnsentDeliveries(db: Db, countyId: number, email?: string) {
  let q = db
    .deleteFrom('digest_deliveries')
    .where('county_id', '=', countyId)
    .where('state', 'in', ['pending', 'failed']);
  if (email !== undefined) q = q.where('email', '=', email);
  const result = await q.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export const selectDayDeliveries = (db: Db, countyId: number, day: string) =>
  db
    .selectFrom('digest_deliveries')
    .selectAll()
    .where('county_id', '=', countyId)
    .where('day', '=', day)
    .orderBy('id')
    .execute();
