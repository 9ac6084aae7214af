import type { Db } from '../../../db/schema.ts';

/** Every target step of the county, with its target's document and source sentence. */
export const selectTargetSteps = (db: Db, countyId: number) =>
  db
    .selectFrom('target_steps as st')
    .innerJoin('targets as t', 't.id', 'st.target_id')
    .select([
      'st.id',
      't.id as targetId',
      't.indicator',
      't.document',
      't.source_sentence as sourceSentence',
      'st.effective_from as effectiveFrom',
      'st.threshold',
      'st.note',
    ])
    .where('t.county_id', '=', countyId)
    .execute();

export type TargetStepRow = Awaited<ReturnType<typeof selectTargetSteps>>[number];
