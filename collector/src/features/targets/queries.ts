import type { Selectable } from 'kysely';
import type { Db, TargetStepsTable, TargetsTable } from '../../db/schema.ts';
import type { Indicator } from '../compliance/indicators.ts';
import { INDICATOR_UNITS } from './indicator-units.ts';
import type { Target, TargetStep } from './schema.ts';

/* The targets feature's SQL: targets with their dated steps. */

const toStep = (r: Selectable<TargetStepsTable>): TargetStep => ({
  id: r.id,
  effectiveFrom: r.effective_from,
  threshold: r.threshold,
  note: r.note,
});

const toTarget = (r: Selectable<TargetsTable>, steps: TargetStep[]): Target => ({
  id: r.id,
  countyId: r.county_id,
  indicator: r.indicator,
  unit: INDICATOR_UNITS[r.indicator],
  preset: r.preset,
  document: r.document,
  sourceSentence: r.source_sentence,
  steps,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Targets with their steps in date order; by county (in indicator order) or by id. */
export async function selectTargets(
  db: Db,
  by: { countyId: number } | { id: number } | { countyId: number; indicator: Indicator },
): Promise<Target[]> {
  let query = db.selectFrom('targets').selectAll();
  if ('id' in by) query = query.where('id', '=', by.id);
  else query = query.where('county_id', '=', by.countyId);
  if ('indicator' in by) query = query.where('indicator', '=', by.indicator);
  const rows = await query.orderBy('id').execute();
  if (rows.length === 0) return [];
  const steps = await db
    .selectFrom('target_steps')
    .selectAll()
    .where(
      'target_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('effective_from')
    .execute();
  return rows.map((r) => toTarget(r, steps.filter((s) => s.target_id === r.id).map(toStep)));
}

export async function insertTarget(
  db: Db,
  v: {
    countyId: number;
    indicator: Indicator;
    preset: string | null;
    document: string;
    sourceSentence: string;
    now: string;
  },
): Promise<number> {
  const row = await db
    .insertInto('targets')
    .values({
      county_id: v.countyId,
      indicator: v.indicator,
      preset: v.preset,
      document: v.document,
      source_sentence: v.sourceSentence,
      created_at: v.now,
      updated_at: v.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateTargetRow(
  db: Db,
  id: number,
  v: { preset?: string | null; document?: string; sourceSentence?: string; now: string },
): Promise<void> {
  await db
    .updateTable('targets')
    .set({
      preset: v.preset,
      document: v.document,
      source_sentence: v.sourceSentence,
      updated_at: v.now,
    })
    .where('id', '=', id)
    .execute();
}

export async function deleteTargetRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('targets').where('id', '=', id).execute();
}
