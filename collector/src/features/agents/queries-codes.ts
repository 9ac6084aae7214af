import type { Selectable } from 'kysely';
import type { Db, EnrollmentCodesTable } from '../../db/schema.ts';

/* Enrollment codes: only the SHA-256 of a code is ever stored. */

export type EnrollmentCodeRow = Selectable<EnrollmentCodesTable>;

export interface SchoolRefRow {
  id: number;
  county_id: number;
  code: string;
  name: string;
}

export async function insertEnrollmentCode(
  db: Db,
  v: {
    countyId: number;
    label: string;
    codeHash: string;
    createdBy: string;
    now: string;
    expiresAt: string;
    schoolIds: readonly number[];
  },
): Promise<EnrollmentCodeRow> {
  const row = await db
    .insertInto('enrollment_codes')
    .values({
      county_id: v.countyId,
      label: v.label,
      code_hash: v.codeHash,
      created_by: v.createdBy,
      created_at: v.now,
      expires_at: v.expiresAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await db
    .insertInto('enrollment_code_schools')
    .values(v.schoolIds.map((school_id) => ({ code_id: row.id, school_id })))
    .execute();
  return row;
}

export function findCodeByHash(db: Db, codeHash: string): Promise<EnrollmentCodeRow | undefined> {
  return db
    .selectFrom('enrollment_codes')
    .selectAll()
    .where('code_hash', '=', codeHash)
    .executeTakeFirst();
}

export function selectCodes(db: Db, countyId: number): Promise<EnrollmentCodeRow[]> {
  return db
    .selectFrom('enrollment_codes')
    .selectAll()
    .where('county_id', '=', countyId)
    .orderBy('id')
    .execute();
}

export async function selectCodeSchools(
  db: Db,
  codeIds: readonly number[],
): Promise<(SchoolRefRow & { code_id: number })[]> {
  if (codeIds.length === 0) return [];
  return db
    .selectFrom('enrollment_code_schools as cs')
    .innerJoin('schools as s', 's.id', 'cs.school_id')
    .select(['cs.code_id', 's.id', 's.county_id', 's.code', 's.name'])
    .where('cs.code_id', 'in', codeIds)
    .orderBy('s.code')
    .execute();
}

/** Marks the code used unless another request got there first; returns whether it did. */
export async function markCodeUsed(
  db: Db,
  v: { codeId: number; agentId: number; now: string },
): Promise<boolean> {
  const result = await db
    .updateTable('enrollment_codes')
    .set({ used_at: v.now, agent_id: v.agentId })
    .where('id', '=', v.codeId)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function selectSchoolsByIds(db: Db, ids: readonly number[]): Promise<SchoolRefRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('schools')
    .select(['id', 'county_id', 'code', 'name'])
    .where('id', 'in', ids)
    .execute();
}
