import type { Db } from '../../db/schema.ts';
import { notFound } from '../../errors.ts';
import type { Indicator } from '../compliance/indicators.ts';
import { insertTarget, selectTargets } from './queries.ts';
import { writeSteps } from './queries-steps.ts';
import type { StepInput, Target } from './schema.ts';

export interface TargetValues {
  readonly countyId: number;
  readonly indicator: Indicator;
  readonly preset: string | null;
  readonly document: string;
  readonly sourceSentence: string;
  readonly steps: readonly StepInput[];
}

export async function targetOrNotFound(db: Db, id: number): Promise<Target> {
  const [target] = await selectTargets(db, { id });
  if (target === undefined) throw notFound('targets.notFound.target', id);
  return target;
}

export async function findCountyTarget(
  db: Db,
  countyId: number,
  indicator: Indicator,
): Promise<Target | undefined> {
  const [target] = await selectTargets(db, { countyId, indicator });
  return target;
}

export async function insertTargetWithSteps(db: Db, v: TargetValues, now: string): Promise<Target> {
  const id = await insertTarget(db, { ...v, now });
  await writeSteps(db, id, v.steps);
  return targetOrNotFound(db, id);
}

/** True when the schedule would not change: same dates, thresholds and notes. */
export function sameSteps(a: readonly StepInput[], b: readonly StepInput[]): boolean {
  const key = (steps: readonly StepInput[]) =>
    JSON.stringify(
      [...steps]
        .sort((x, y) => x.effectiveFrom.localeCompare(y.effectiveFrom))
        .map((s) => [s.effectiveFrom, s.threshold, s.note]),
    );
  return key(a) === key(b);
}
