import { findTargetPreset, TARGET_PRESETS } from '@xiaowang/seeds';
import type { PresetTarget } from '@xiaowang/seeds';
import type { AuditedWriteContext } from '../../audit/audit.ts';
import { inTransaction } from '../../db/tx.ts';
import type { Db } from '../../db/schema.ts';
import { validationError } from '../../errors.ts';
import { countyOrNotFound } from '../places/lookups.ts';
import { updateTargetRow } from './queries.ts';
import { writeSteps } from './queries-steps.ts';
import { recordTargetChange } from './record-change.ts';
import type { ApplyPresetResult } from './schema.ts';
import type { TargetValues } from './store-target.ts';
import {
  findCountyTarget,
  insertTargetWithSteps,
  sameSteps,
  targetOrNotFound,
} from './store-target.ts';

type Ctx = AuditedWriteContext<{ countyId: number; preset: string }>;

/**
 * Gives a county the targets of a preset (a plan, or one target of it by its own key).
 * A target the county already has for that indicator is brought to the preset, so applying
 * twice changes nothing the second time.
 */
export async function applyTargetPreset({
  db,
  clock,
  actor,
  input,
}: Ctx): Promise<ApplyPresetResult> {
  const preset = findTargetPreset(input.preset);
  if (preset === undefined) {
    const known = TARGET_PRESETS.map((p) => p.key).join(', ');
    const params = { preset: input.preset, known };
    throw validationError([{ path: 'preset', key: 'targets.notFound.preset', params }]);
  }
  return inTransaction(db, async (tx) => {
    await countyOrNotFound(tx, input.countyId);
    const at = clock().toISOString();
    const items: ApplyPresetResult['items'] = [];
    for (const t of preset.targets) {
      const values = toValues(input.countyId, preset.document, t);
      items.push(await applyOne(tx, values, { at, actor, preset: preset.key }));
    }
    return { preset: preset.key, items };
  });
}

function toValues(countyId: number, document: string, t: PresetTarget): TargetValues {
  const steps = t.steps.map((s) => ({ ...s }));
  const { indicator, sourceSentence } = t;
  return { countyId, indicator, preset: t.key, document, sourceSentence, steps };
}

async function applyOne(
  tx: Db,
  v: TargetValues,
  ctx: { at: string; actor: string; preset: string },
): Promise<ApplyPresetResult['items'][number]> {
  const before = await findCountyTarget(tx, v.countyId, v.indicator);
  const base = { at: ctx.at, actor: ctx.actor, preset: ctx.preset, countyId: v.countyId };
  if (before === undefined) {
    const target = await insertTargetWithSteps(tx, v, ctx.at);
    await recordTargetChange(tx, { ...base, action: 'target.create', before: null, after: target });
    return { action: 'created', target };
  }
  const same =
    before.preset === v.preset &&
    before.document === v.document &&
    before.sourceSentence === v.sourceSentence &&
    sameSteps(before.steps, v.steps);
  if (same) return { action: 'unchanged', target: before };
  await updateTargetRow(tx, before.id, { ...v, now: ctx.at });
  await writeSteps(tx, before.id, v.steps);
  const after = await targetOrNotFound(tx, before.id);
  await recordTargetChange(tx, { ...base, action: 'target.update', before, after });
  return { action: 'updated', target: after };
}
