import type { z } from 'zod';
import type { Indicator } from '../compliance/indicators.ts';
import { thresholdProblem } from './indicator-units.ts';

/**
 * Adds an issue for each threshold outside the indicator's range and each repeated date.
 * Runs on input that may have failed elsewhere, so it reads every field defensively.
 */
export function addStepIssues(of: Indicator, steps: unknown, ctx: z.RefinementCtx): void {
  if (!Array.isArray(steps)) return;
  const seen = new Set<string>();
  steps.forEach((step: unknown, i) => {
    if (typeof step !== 'object' || step === null) return;
    const { threshold, effectiveFrom } = step as Record<string, unknown>;
    if (typeof threshold === 'number') {
      const problem = thresholdProblem(of, threshold);
      if (problem !== undefined)
        ctx.addIssue({ code: 'custom', message: problem, path: ['steps', i, 'threshold'] });
    }
    if (typeof effectiveFrom === 'string') {
      if (seen.has(effectiveFrom)) {
        const message = 'targets.validation.dateRepeated';
        ctx.addIssue({ code: 'custom', message, path: ['steps', i, 'effectiveFrom'] });
      }
      seen.add(effectiveFrom);
    }
  });
}
