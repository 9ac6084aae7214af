import { z } from 'zod';
import { INDICATORS } from '../compliance/indicators.ts';
import type { Indicator } from '../compliance/indicators.ts';
import { int, pathId, timestamp } from '../inventory/common-schema.ts';
import { addStepIssues } from './check-steps.ts';

/* Inputs and outputs of the targets API; the OpenAPI document is generated from these. */

export const MAX_STEPS = 20;
const text = (max: number) => z.string().trim().min(1).max(max);
export const localDate = z.iso
  .date({ message: 'targets.validation.date' })
  .meta({ description: "Local date in the county's timezone, YYYY-MM-DD" });
export const indicator = z.enum(INDICATORS);
const unit = z.enum(['fraction', 'mbps', 'level']).meta({
  description: 'fraction: 0..1 (0.6 = 60 %); mbps: Mbit/s; level: IPv6 level 0..5',
});

export const stepInput = z.strictObject({
  effectiveFrom: localDate,
  threshold: z.number().meta({ description: "In the indicator's unit (see unit)" }),
  note: z.string().trim().max(200).nullable().default(null),
});
const steps = z.array(stepInput).min(1).max(MAX_STEPS);

export const idParams = z.object({ id: pathId });
export const countyTargetsQuery = z.strictObject({ date: localDate.optional() });
export const applyPresetInput = z.strictObject({ preset: text(64) });

// Range and repeated-date checks run even when another field is wrong, so every bad field is named.
const always = { when: () => true };
// With `always`, the refinement also sees input that is not an object at all (null, a list).
const isObject = (v: unknown): boolean => typeof v === 'object' && v !== null;
export const createTargetInput = z
  .strictObject({ indicator, document: text(200), sourceSentence: text(2000), steps })
  .superRefine((v, ctx) => {
    if (isObject(v) && indicator.safeParse(v.indicator).success)
      addStepIssues(v.indicator, v.steps, ctx);
  }, always);
export const replaceStepsInput = z.strictObject({ steps });
export const replaceStepsInputFor = (of: Indicator) =>
  replaceStepsInput.superRefine((v, ctx) => {
    if (isObject(v)) addStepIssues(of, v.steps, ctx);
  }, always);

export const stepOutput = z.object({
  id: int,
  effectiveFrom: z.string(),
  threshold: z.number(),
  note: z.string().nullable(),
});
export const targetOutput = z.object({
  id: int,
  countyId: int,
  indicator,
  unit,
  preset: z.string().nullable(),
  document: z.string(),
  sourceSentence: z.string(),
  steps: z.array(stepOutput),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export const countyTargetsOutput = z.object({
  countyId: int,
  date: z.string(),
  items: z.array(targetOutput.extend({ inForce: stepOutput.nullable() })),
});
export const applyPresetOutput = z.object({
  preset: z.string(),
  items: z.array(
    z.object({ action: z.enum(['created', 'updated', 'unchanged']), target: targetOutput }),
  ),
});
export const historyOutput = z.object({
  items: z.array(
    z.object({
      id: int,
      at: timestamp,
      actor: z.string(),
      action: z.string(),
      before: targetOutput.nullable(),
      after: targetOutput.nullable(),
    }),
  ),
});
export const presetsOutput = z.object({
  items: z.array(
    z.object({
      key: z.string(),
      document: z.string(),
      scope: z.enum(['plan', 'national']),
      planFile: z.string().nullable(),
      section: z.string(),
      targets: z.array(
        z.object({
          key: z.string(),
          indicator,
          unit,
          sourceSentence: z.string(),
          steps: z.array(
            z.object({ effectiveFrom: z.string(), threshold: z.number(), note: z.string() }),
          ),
        }),
      ),
    }),
  ),
});

export type StepInput = z.output<typeof stepInput>;
export type CreateTargetInput = z.output<typeof createTargetInput>;
export type TargetStep = z.output<typeof stepOutput>;
export type Target = z.output<typeof targetOutput>;
export type CountyTargets = z.output<typeof countyTargetsOutput>;
export type ApplyPresetResult = z.output<typeof applyPresetOutput>;
export type TargetHistory = z.output<typeof historyOutput>;
export type TargetPresets = z.output<typeof presetsOutput>;
