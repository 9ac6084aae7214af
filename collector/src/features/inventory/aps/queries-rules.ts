import type { Selectable } from 'kysely';
import type { ApAttributionRulesTable, Db } from '../../../db/schema.ts';
import type { ApRule, RoomConvention } from './schema.ts';

/* Attribution rules and room conventions: what a county's administrator sets. */

export const toApRule = (r: Selectable<ApAttributionRulesTable>): ApRule => ({
  id: r.id,
  countyId: r.county_id,
  kind: r.kind,
  pattern: r.pattern,
  schoolId: r.school_id,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

export async function selectRules(db: Db, countyId: number): Promise<ApRule[]> {
  const rows = await db
    .selectFrom('ap_attribution_rules')
    .selectAll()
    .where('county_id', '=', countyId)
    .orderBy('kind')
    .orderBy('pattern')
    .orderBy('id')
    .execute();
  return rows.map(toApRule);
}

export async function findRule(db: Db, countyId: number, id: number) {
  const row = await db
    .selectFrom('ap_attribution_rules')
    .selectAll()
    .where('county_id', '=', countyId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row === undefined ? undefined : toApRule(row);
}

export async function insertRule(
  db: Db,
  v: Pick<ApRule, 'countyId' | 'kind' | 'pattern' | 'schoolId' | 'createdBy' | 'createdAt'>,
) {
  const row = await db
    .insertInto('ap_attribution_rules')
    .values({
      county_id: v.countyId,
      kind: v.kind,
      pattern: v.pattern,
      school_id: v.schoolId,
      created_by: v.createdBy,
      created_at: v.createdAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toApRule(row);
}

export async function updateRuleRow(
  db: Db,
  id: number,
  v: Pick<ApRule, 'kind' | 'pattern' | 'schoolId'>,
) {
  const row = await db
    .updateTable('ap_attribution_rules')
    .set({ kind: v.kind, pattern: v.pattern, school_id: v.schoolId })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toApRule(row);
}

export async function deleteRuleRow(db: Db, id: number) {
  await db.deleteFrom('ap_attribution_rules').where('id', '=', id).execute();
}

export async function findRoomConvention(db: Db, countyId: number): Promise<RoomConvention> {
  const row = await db
    .selectFrom('ap_room_conventions')
    .selectAll()
    .where('county_id', '=', countyId)
    .executeTakeFirst();
  return {
    countyId,
    pattern: row?.pattern ?? null,
    setBy: row?.created_by ?? null,
    setAt: row?.created_at ?? null,
  };
}

export async function saveRoomConvention(
  db: Db,
  v: { countyId: number; pattern: string | null; by: string; at: string },
) {
  if (v.pattern === null) {
    await db.deleteFrom('ap_room_conventions').where('county_id', '=', v.countyId).execute();
    return;
  }
  const values = { pattern: v.pattern, created_by: v.by, created_at: v.at };
  await db
    .insertInto('ap_room_conventions')
    .values({ county_id: v.countyId, ...values })
    .onConflict((oc) => oc.column('county_id').doUpdateSet(values))
    .execute();
}
