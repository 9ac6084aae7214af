import type { Insertable } from 'kysely';
import type { Db, DigestRecipientsTable } from '../../db/schema.ts';
import { runKeyed } from '../../db/statement-cache.ts';

/* Who receives a county's nightly mail. */

export const selectRecipients = (db: Db, countyId: number) =>
  db
    .selectFrom('digest_recipients as r')
    .leftJoin('towns as t', 't.id', 'r.town_id')
    .selectAll('r')
    .select('t.name as town_name')
    .where('r.county_id', '=', countyId)
    .orderBy('r.town_id', (ob) => ob.asc().nullsFirst()) // the county's own list first
    .orderBy('r.email')
    .execute();

export type RecipientRow = Awaited<ReturnType<typeof selectRecipients>>[number];

export const findRecipient = async (db: Db, countyId: number, id: number) =>
  (await selectRecipients(db, countyId)).find((r) => r.id === id);

export const findRecipientByEmail = (db: Db, countyId: number, email: string) =>
  db
    .selectFrom('digest_recipients')
    .select('id')
    .where('county_id', '=', countyId)
    .where('email', '=', email)
    .executeTakeFirst();

export const insertRecipient = async (db: Db, row: Insertable<DigestRecipientsTable>) =>
  (await db.insertInto('digest_recipients').values(row).returning('id').executeTakeFirstOrThrow())
    .id;

export async function deleteRecipient(db: Db, id: number): Promise<void> {
  await db.deleteFrom('digest_recipients').where('id', '=', id).execute();
}

/** Recipients who existed at `at`: a newly added address is not sent days it was not there for. */
export const selectRecipientsAt = (db: Db, countyId: number, at: string) =>
  db
    .selectFrom('digest_recipients')
    .select(['email', 'town_id', 'lang'])
    .where('county_id', '=', countyId)
    .where('created_at', '<=', at)
    .execute();

export async function countRecipients(db: Db, countyId: number): Promise<number> {
  const { rows } = await runKeyed(db, 'digest-count-recipients', { countyId }, (p) =>
    db
      .selectFrom('digest_recipients')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('county_id', '=', p.countyId),
  );
  return Number(rows[0]?.n ?? 0);
}
